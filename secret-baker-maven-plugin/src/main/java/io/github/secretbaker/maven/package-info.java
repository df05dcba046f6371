/**
 * Maven goals that bake, check and describe baked secrets by calling the bake library.
 */
@NullMarked
package io.github.secretbaker.maven;

import org.jspecify.annotations.NullMarked;
