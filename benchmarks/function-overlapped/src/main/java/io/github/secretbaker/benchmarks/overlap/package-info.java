/**
 * A benchmark-only prototype of the fix proposed for secret-baker's eager cold start: decrypt
 * the baked secrets in the background while the application context refreshes.
 */
@NullMarked
package io.github.secretbaker.benchmarks.overlap;

import org.jspecify.annotations.NullMarked;
