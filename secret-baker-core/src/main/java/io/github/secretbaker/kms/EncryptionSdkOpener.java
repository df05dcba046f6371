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

package io.github.secretbaker.kms;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.internal.envelope.EncryptionSdkMessages;

/**
 * Opens an entry whose value is an AWS Encryption SDK message, as an Advanced-tier
 * SecureString is, with {@link EncryptionSdkMessages}. It is chosen by the entry's tier
 * or by the first bytes of its value, so that the classes that open messages are loaded
 * only for a file that holds such an entry.
 */
final class EncryptionSdkOpener implements SecretOpener {

	private final KmsDecrypter kms;

	EncryptionSdkOpener(KmsDecrypter kms) {
		this.kms = kms;
	}

	@Override
	public boolean supports(BakedSecret secret) {
		return BakedSecret.ADVANCED_TIER.equals(secret.tier()) || secret.isEncryptionSdkMessage();
	}

	@Override
	public byte[] open(BakedSecret secret, Deadline deadline) {
		String keyId = (secret.keyId() != null && DirectKmsOpener.isKeyIdentifier(secret.keyId())) ? secret.keyId()
				: null;
		return EncryptionSdkMessages.open(this.kms, secret.ciphertextBlob(), secret.arn(), keyId, deadline);
	}

}
