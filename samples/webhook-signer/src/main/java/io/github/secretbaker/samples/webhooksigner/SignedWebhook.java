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
