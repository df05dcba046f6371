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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs webhook payloads with HMAC-SHA256 under the baked secret
 * {@code WEBHOOK_SIGNING_KEY}.
 *
 * @since 0.1.0
 */
@Component
public class WebhookSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec signingKey;

	WebhookSigner(@Value("${WEBHOOK_SIGNING_KEY}") String signingKey) {
		this.signingKey = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	SignedWebhook sign(OrderEvent order, PaymentProviderProperties paymentProvider) {
		String payload = order.orderId() + ":" + order.amount().toPlainString() + ":" + order.currency();
		return new SignedWebhook(order.orderId(), payload, "sha256=" + hmac(payload),
				paymentProvider.baseUrl().toString(), paymentProvider.maskedApiToken());
	}

	private String hmac(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.signingKey);
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSigner[algorithm=" + ALGORITHM + "]";
	}

}
