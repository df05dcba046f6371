package io.github.secretbaker.benchmarks.function;

/**
 * The benchmark answer: the length of the secret read, so that the harness can check the
 * secret arrived without the value ever being printed.
 *
 * @param secretName the property name of the secret
 * @param length the length of its value, or {@code -1} when the property is absent
 * @since 0.1.0
 */
public record SecretLengthResponse(String secretName, int length) {

}
