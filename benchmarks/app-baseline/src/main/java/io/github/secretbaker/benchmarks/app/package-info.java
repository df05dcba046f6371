/**
 * The plain Spring Boot application whose {@code java -jar} cold start the benchmarks
 * measure.
 */
@NullMarked
package io.github.secretbaker.benchmarks.app;

import org.jspecify.annotations.NullMarked;
