/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
