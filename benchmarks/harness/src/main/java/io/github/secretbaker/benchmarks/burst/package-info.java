/**
 * Deploy bursts: many cold starts decrypting at once against a shared request quota,
 * simulated in virtual time and checked against a real burst on the local server.
 */
@NullMarked
package io.github.secretbaker.benchmarks.burst;

import org.jspecify.annotations.NullMarked;
