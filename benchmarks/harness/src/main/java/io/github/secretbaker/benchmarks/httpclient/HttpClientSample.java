package io.github.secretbaker.benchmarks.httpclient;

/**
 * One fresh JVM that created a KMS client and made its first call.
 *
 * @param client the HTTP client
 * @param repetition the repetition
 * @param processMillis from process start to the answer
 * @param creationMillis the KMS client's creation, HTTP client included
 * @param firstCallMillis the first {@code Decrypt}
 * @param peakRssMb the peak resident set size when the probe answered
 * @since 0.1.0
 */
public record HttpClientSample(HttpClientKind client, int repetition, double processMillis, double creationMillis,
		double firstCallMillis, double peakRssMb) {

}
