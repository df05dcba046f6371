/**
 * Bake time of secret-baker against reading one parameter after another.
 */
@NullMarked
package io.github.secretbaker.benchmarks.bake;

import org.jspecify.annotations.NullMarked;
