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

package io.github.secretbaker.bake.verify;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One baked secret that the checked role could not decrypt: which secret, parameter and
 * key, why, and what to do. It never holds a value, a ciphertext or a credential.
 *
 * @param secretName the name of the secret
 * @param parameterArn the ARN of its parameter
 * @param keyArn the key recorded for it, or {@code null} if the file records none
 * @param kind why the decryption would fail
 * @param reason a description and what to do
 * @param statement the IAM statement to add, for {@link Kind#ACCESS_DENIED}, or
 * {@code null}
 * @since 0.1.0
 */
public record VerifyFinding(String secretName, String parameterArn, @Nullable String keyArn, Kind kind, String reason,
		@Nullable String statement) {

	/**
	 * Create a new {@link VerifyFinding}.
	 */
	public VerifyFinding {
		Objects.requireNonNull(secretName, "'secretName' must not be null");
		Objects.requireNonNull(parameterArn, "'parameterArn' must not be null");
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(reason, "'reason' must not be null");
	}

	/**
	 * Return a one-line description naming the secret, its parameter and its key.
	 * @return the description
	 */
	public String describe() {
		return "Secret '" + this.secretName + "' (parameter " + this.parameterArn + ", key "
				+ ((this.keyArn != null) ? this.keyArn : "not recorded") + "): " + this.reason;
	}

	/**
	 * Why a decryption would fail.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/**
		 * The role may not use the key for this parameter (an IAM policy, the key policy,
		 * or a condition on the encryption context).
		 */
		ACCESS_DENIED,

		/**
		 * The key is disabled or pending deletion.
		 */
		KEY_DISABLED,

		/**
		 * The key does not exist in the region, or the ciphertext names another key.
		 */
		KEY_NOT_FOUND,

		/**
		 * KMS refused the ciphertext with this encryption context: the file was changed,
		 * or baked for another parameter.
		 */
		INVALID_CIPHERTEXT,

		/**
		 * KMS answered with another error, or could not be reached.
		 */
		AWS_ERROR

	}

}
