package io.github.secretbaker.benchmarks.burst;

/**
 * What reading the secrets added to one cold start's init.
 *
 * @param addedNanos the time from the start of the reading to its end, success or failure
 * @param succeeded whether every secret was read
 * @since 0.1.0
 */
public record InitOutcome(long addedNanos, boolean succeeded) {

}
