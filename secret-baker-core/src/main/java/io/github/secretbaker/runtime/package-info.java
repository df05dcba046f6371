/**
 * Loading and decrypting baked secrets in a plain Lambda handler, without Spring.
 */
@NullMarked
package io.github.secretbaker.runtime;

import org.jspecify.annotations.NullMarked;
