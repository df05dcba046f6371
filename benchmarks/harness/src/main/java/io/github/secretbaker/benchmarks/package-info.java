/**
 * The benchmark harness: runs each benchmark against the local KMS and SSM server and
 * writes the report.
 */
@NullMarked
package io.github.secretbaker.benchmarks;

import org.jspecify.annotations.NullMarked;
