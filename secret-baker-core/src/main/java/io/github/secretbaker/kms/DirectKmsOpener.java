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

import java.util.Map;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.format.BakedSecret;

/**
 * Opens a standard-tier entry, whose ciphertext is a KMS ciphertext, with one
 * {@code Decrypt} call under the {@code PARAMETER_ARN} encryption context, pinned to the
 * recorded key when the file names one for good (a key ARN or key id; an alias is left
 * out, so that re-pointing it after the bake never breaks a deployed artifact).
 */
final class DirectKmsOpener implements SecretOpener {

	private final KmsDecrypter kms;

	DirectKmsOpener(KmsDecrypter kms) {
		this.kms = kms;
	}

	@Override
	public boolean supports(BakedSecret secret) {
		return true;
	}

	@Override
	public byte[] open(BakedSecret secret, Deadline deadline) {
		String keyId = (secret.keyId() != null && isKeyIdentifier(secret.keyId())) ? secret.keyId() : null;
		return this.kms.decrypt(KmsDecryptRequest.of(secret.ciphertextBlob(),
				Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, secret.arn()), keyId, deadline));
	}

	/**
	 * Return whether the given key id names one key for good: a key ARN or a bare key id.
	 * @param keyId the key id recorded in the baked file
	 * @return whether to send it as the {@code KeyId} of {@code Decrypt}
	 */
	static boolean isKeyIdentifier(String keyId) {
		KmsKeyReference reference = KmsKeyReference.parse(keyId);
		return reference != null && reference.namesOneKey();
	}

}
