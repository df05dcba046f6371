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

/**
 * How one kind of baked entry is turned into its plaintext: a direct KMS {@code Decrypt}
 * for a standard-tier entry, an envelope for another. Implementations throw
 * {@link KmsDecryptException} for every failure.
 */
interface SecretOpener {

	/**
	 * Return whether this opener handles the given entry.
	 * @param secret the entry
	 * @return whether it applies
	 */
	boolean supports(BakedSecret secret);

	/**
	 * Open the entry within the deadline.
	 * @param secret the entry
	 * @param deadline the deadline
	 * @return the plaintext bytes, owned by the caller
	 */
	byte[] open(BakedSecret secret, Deadline deadline);

}
