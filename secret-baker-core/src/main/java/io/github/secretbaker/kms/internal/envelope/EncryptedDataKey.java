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

package io.github.secretbaker.kms.internal.envelope;

/**
 * One encrypted data key of a message header: the key provider's id, its provider
 * information (for AWS KMS, the key ARN) and the encrypted key. Never printed.
 *
 * @param providerId the key provider id, such as {@code aws-kms}
 * @param providerInformation the provider information
 * @param ciphertext the encrypted data key, not copied
 */
record EncryptedDataKey(String providerId, byte[] providerInformation, byte[] ciphertext) {

	@Override
	public String toString() {
		return "EncryptedDataKey[providerId=" + this.providerId + "]";
	}

}
