/**
 * Whole-process cold starts of the benchmark function with each way of getting its
 * secrets.
 */
@NullMarked
package io.github.secretbaker.benchmarks.coldstart;

import org.jspecify.annotations.NullMarked;
