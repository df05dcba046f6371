/**
 * The Markdown report, the plot and the raw samples a benchmark run writes.
 */
@NullMarked
package io.github.secretbaker.benchmarks.report;

import org.jspecify.annotations.NullMarked;
