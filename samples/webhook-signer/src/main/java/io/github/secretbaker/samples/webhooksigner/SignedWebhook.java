package io.github.secretbaker.samples.webhooksigner;

/**
 * A webhook ready to send: its payload, the payload's HMAC signature, and where it goes.
 * Secrets appear only in masked form.
 *
 * @param orderId the order id
 * @param payload the signed payload
 * @param signature {@code sha256=} and the hex HMAC-SHA256 of the payload
 * @param paymentProvider the payment provider's base URL
 * @param paymentApiToken the API token, masked
 * @since 0.1.0
 */
public record SignedWebhook(String orderId, String payload, String signature, String paymentProvider,
		String paymentApiToken) {

}
