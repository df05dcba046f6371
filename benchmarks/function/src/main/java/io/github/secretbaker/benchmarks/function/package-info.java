/**
 * The Spring Cloud Function whose cold start the benchmarks measure.
 */
@NullMarked
package io.github.secretbaker.benchmarks.function;

import org.jspecify.annotations.NullMarked;
