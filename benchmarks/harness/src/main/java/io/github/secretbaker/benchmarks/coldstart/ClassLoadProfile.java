package io.github.secretbaker.benchmarks.coldstart;

/**
 * The classes one cold start loaded before its JVM exited, from {@code -Xlog:class+load}: a
 * profile of where a variant's added start-up work goes.
 *
 * @param variant the variant
 * @param secrets the number of secrets
 * @param total every class loaded
 * @param awsSdk the classes of the AWS SDK ({@code software.amazon.awssdk})
 * @param httpAndNetty the classes of Apache HttpClient and Netty, which SDK clients load
 * @param springCloudAws the classes of Spring Cloud AWS ({@code io.awspring})
 * @since 0.1.0
 */
public record ClassLoadProfile(Variant variant, int secrets, long total, long awsSdk, long httpAndNetty,
		long springCloudAws) {

}
