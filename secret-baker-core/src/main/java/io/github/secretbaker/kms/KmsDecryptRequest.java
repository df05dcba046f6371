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
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One KMS {@code Decrypt} call: the ciphertext blob, the encryption context it was bound
 * to, the key to pin it to (or none) and the deadline. The ciphertext never appears in
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class KmsDecryptRequest {

	private final byte[] ciphertextBlob;

	private final Map<String, String> encryptionContext;

	private final @Nullable String keyId;

	private final Deadline deadline;

	private KmsDecryptRequest(byte[] ciphertextBlob, Map<String, String> encryptionContext, @Nullable String keyId,
			Deadline deadline) {
		this.ciphertextBlob = ciphertextBlob;
		this.encryptionContext = encryptionContext;
		this.keyId = keyId;
		this.deadline = deadline;
	}

	/**
	 * Create a request.
	 * @param ciphertextBlob the KMS ciphertext, not copied
	 * @param encryptionContext the encryption context the ciphertext is bound to
	 * @param keyId the key ARN or key id that must have encrypted the blob, or
	 * {@code null} to let KMS find the key from the blob
	 * @param deadline when the call must be done by
	 * @return the request
	 */
	public static KmsDecryptRequest of(byte[] ciphertextBlob, Map<String, String> encryptionContext,
			@Nullable String keyId, Deadline deadline) {
		Objects.requireNonNull(ciphertextBlob, "'ciphertextBlob' must not be null");
		Objects.requireNonNull(encryptionContext, "'encryptionContext' must not be null");
		Objects.requireNonNull(deadline, "'deadline' must not be null");
		return new KmsDecryptRequest(ciphertextBlob, Map.copyOf(encryptionContext), keyId, deadline);
	}

	/**
	 * Return the ciphertext blob, not a copy: do not change it.
	 * @return the blob
	 */
	public byte[] ciphertextBlob() {
		return this.ciphertextBlob;
	}

	/**
	 * Return the encryption context.
	 * @return the context
	 */
	public Map<String, String> encryptionContext() {
		return this.encryptionContext;
	}

	/**
	 * Return the key to pin the call to.
	 * @return the key ARN or id, or {@code null}
	 */
	public @Nullable String keyId() {
		return this.keyId;
	}

	/**
	 * Return the deadline of the call.
	 * @return the deadline
	 */
	public Deadline deadline() {
		return this.deadline;
	}

	@Override
	public String toString() {
		return "KmsDecryptRequest[encryptionContext=" + this.encryptionContext + ", keyId=" + this.keyId + ", "
				+ this.deadline + "]";
	}

}
