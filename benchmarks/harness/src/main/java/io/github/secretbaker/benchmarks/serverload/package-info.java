/**
 * The local server's own overhead, to show it is never the bottleneck being measured.
 */
@NullMarked
package io.github.secretbaker.benchmarks.serverload;

import org.jspecify.annotations.NullMarked;
