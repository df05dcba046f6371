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

import org.jspecify.annotations.Nullable;

/**
 * The one KMS operation the runtime needs: {@code Decrypt} of a ciphertext blob with its
 * encryption context, within a deadline. Implementations live in adapter packages:
 * {@link io.github.secretbaker.kms.http} (the light default client) and
 * {@link io.github.secretbaker.kms.sdk} (the AWS SDK's {@code KmsClient}).
 * <p>
 * Implementations are thread safe and classify every failure as a
 * {@link KmsDecryptException} whose message never holds a response body, a plaintext or a
 * ciphertext.
 *
 * @since 0.1.0
 */
public interface KmsDecrypter extends AutoCloseable {

	/**
	 * Decrypt one ciphertext blob.
	 * @param request the blob, its context, the key to pin and the deadline
	 * @return the plaintext; the caller owns the array and may clear it
	 * @throws KmsDecryptException if KMS refused, could not be reached in time, or
	 * answered with something that is not a plaintext
	 */
	byte[] decrypt(KmsDecryptRequest request);

	/**
	 * Return the AWS region this client calls, to tell a key of another region apart in
	 * failure reports.
	 * @return the region, or {@code null} if it is not known
	 */
	@Nullable String region();

	/**
	 * Load and initialise what a first call needs (classes, signer, connection setup)
	 * without calling KMS, reading credentials or keeping anything secret, so that a JVM
	 * snapshot or an AOT cache taken afterwards holds a warm client. The default does
	 * nothing.
	 */
	default void prime() {
	}

	/**
	 * Release what the client holds. The default does nothing.
	 */
	@Override
	default void close() {
	}

}
