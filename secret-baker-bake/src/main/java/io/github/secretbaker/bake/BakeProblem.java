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

package io.github.secretbaker.bake;

import java.util.Objects;

/**
 * One reason a secret cannot be baked. The message names the secret and its parameter
 * path and says what to do; it never contains a value or a ciphertext.
 *
 * @param secretName the name of the secret
 * @param path the parameter path as requested, including any selector
 * @param kind what went wrong
 * @param message a description of the problem and its fix
 * @since 0.1.0
 */
public record BakeProblem(String secretName, String path, Kind kind, String message) {

	/**
	 * Create a new {@link BakeProblem}.
	 */
	public BakeProblem {
		Objects.requireNonNull(secretName, "'secretName' must not be null");
		Objects.requireNonNull(path, "'path' must not be null");
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(message, "'message' must not be null");
	}

	/**
	 * Return a one-line description: secret name, path and message.
	 * @return the description
	 */
	public String describe() {
		return "Secret '" + this.secretName + "' (" + this.path + "): " + this.message;
	}

	/**
	 * Return whether the problem is a failure to talk to AWS (access denied or an error
	 * that persisted after retries) rather than a problem with the input or with SSM's
	 * content.
	 * @return whether an AWS failure
	 */
	public boolean isAwsFailure() {
		return this.kind == Kind.ACCESS_DENIED || this.kind == Kind.AWS_FAILURE || this.kind == Kind.NO_CREDENTIALS;
	}

	@Override
	public String toString() {
		return describe();
	}

	/**
	 * The kinds of bake problems.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/**
		 * The parameter is a {@code String} or {@code StringList}, which would ship in
		 * clear.
		 */
		NOT_SECURE_STRING,

		/**
		 * The value returned is not a KMS ciphertext blob.
		 */
		NOT_KMS_CIPHERTEXT,

		/**
		 * The parameter is encrypted with the AWS managed key {@code alias/aws/ssm},
		 * which only SSM itself may use.
		 */
		AWS_MANAGED_KEY,

		/**
		 * The parameter does not exist.
		 */
		MISSING_PARAMETER,

		/**
		 * The pinned version does not exist.
		 */
		MISSING_VERSION,

		/**
		 * The pinned label is on no version.
		 */
		MISSING_LABEL,

		/**
		 * SSM refused the name or ARN as invalid ({@code ValidationException}), such as
		 * an ARN of another region or partition.
		 */
		INVALID_PARAMETER,

		/**
		 * The caller may not read the parameter.
		 */
		ACCESS_DENIED,

		/**
		 * AWS failed, after retries.
		 */
		AWS_FAILURE,

		/**
		 * No AWS credentials were found, so AWS was never called; it concerns every
		 * secret alike.
		 * @since 0.1.0
		 */
		NO_CREDENTIALS

	}

}
