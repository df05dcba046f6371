package io.github.secretbaker.samples.webhooksigner;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the payment provider, whose API token is the baked secret
 * {@code PAYMENT_API_TOKEN}.
 *
 * @param baseUrl the provider's API base URL
 * @param apiToken the provider's API token
 * @since 0.1.0
 */
@ConfigurationProperties("payment-provider")
public record PaymentProviderProperties(URI baseUrl, String apiToken) {

	/**
	 * Return the API token in a form that is safe to show: its length only.
	 * @return the masked token
	 */
	public String maskedApiToken() {
		return "<redacted, " + this.apiToken.length() + " characters>";
	}

	@Override
	public String toString() {
		return "PaymentProviderProperties[baseUrl=" + this.baseUrl + ", apiToken=" + maskedApiToken() + "]";
	}

}
