package io.github.secretbaker.benchmarks.lambda;

import io.github.secretbaker.benchmarks.coldstart.Variant;

/**
 * One Lambda-shaped cold start: its Init Duration as the local Runtime API recorded it,
 * and the CPU time the function's JVM had used when init ended.
 *
 * @param memoryMb the memory size, which set the CPU quota
 * @param secrets the number of secrets N
 * @param variant the variant
 * @param round the round, from 0
 * @param initMillis from the process start to the runtime's first {@code next}
 * @param cpuMillis the CPU time of the JVM, all threads, when init ended, or {@code -1}
 * if unknown
 * @param throttledMillis how long the quota held the JVM back until init ended, or
 * {@code -1} if unknown
 * @since 0.1.0
 */
public record LambdaShapedSample(int memoryMb, int secrets, Variant variant, int round, double initMillis,
		double cpuMillis, double throttledMillis) {

}
