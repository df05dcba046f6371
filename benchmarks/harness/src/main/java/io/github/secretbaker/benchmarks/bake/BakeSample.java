package io.github.secretbaker.benchmarks.bake;

/**
 * One measured bake.
 *
 * @param method the method
 * @param parameters the number of parameters baked
 * @param repetition the repetition
 * @param millis the time to read every parameter and write the file
 * @param calls the SSM calls made
 * @since 0.1.0
 */
public record BakeSample(BakeMethod method, int parameters, int repetition, double millis, long calls) {

}
