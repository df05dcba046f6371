package io.github.secretbaker.benchmarks.coldstart;

import java.util.Map;

/**
 * One training run, which recorded the AOT cache or the AppCDS archive of a variant for a
 * number of secrets: the JVM started with {@code -Dspring.context.exit=onRefresh} and
 * exited once the context had refreshed.
 *
 * @param setup the setup whose cache it recorded
 * @param variant the variant
 * @param secrets the number of secrets
 * @param millis from process start to its exit, the cache written
 * @param calls the calls the local server received, by operation
 * @since 0.1.0
 */
public record TrainingSample(Setup setup, Variant variant, int secrets, double millis, Map<String, Long> calls) {

}
