package io.github.secretbaker.benchmarks.function;

/**
 * The benchmark event: which secret the function reads.
 *
 * @param secretName the property name of the secret
 * @since 0.1.0
 */
public record SecretLengthRequest(String secretName) {

}
