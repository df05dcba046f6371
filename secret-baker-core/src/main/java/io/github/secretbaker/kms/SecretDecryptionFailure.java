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

import java.util.Objects;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

/**
 * Why one baked secret could not be decrypted. It names the secret, its parameter and its
 * key, never the value or the ciphertext.
 *
 * @param secretName the secret name
 * @param parameterArn the ARN of the SSM parameter the secret was baked from
 * @param keyArn the KMS key recorded in the file, or {@code null} when the file does not
 * say
 * @param errorCode the AWS error code, such as {@code AccessDeniedException}, or
 * {@code null} when the failure happened before KMS answered
 * @param kind the kind of failure
 * @param detail a description of what happened, never holding a response body
 * @param clientRegion the region the KMS client called, or {@code null} when not known
 * @since 0.1.0
 */
public record SecretDecryptionFailure(String secretName, String parameterArn, @Nullable String keyArn,
		@Nullable String errorCode, Kind kind, String detail, @Nullable String clientRegion) {

	/**
	 * Create a new {@link SecretDecryptionFailure} without the client's region.
	 * @param secretName the secret name
	 * @param parameterArn the parameter ARN
	 * @param keyArn the recorded key, or {@code null}
	 * @param errorCode the AWS error code, or {@code null}
	 * @param kind the kind of failure
	 * @param detail what happened
	 */
	public SecretDecryptionFailure(String secretName, String parameterArn, @Nullable String keyArn,
			@Nullable String errorCode, Kind kind, String detail) {
		this(secretName, parameterArn, keyArn, errorCode, kind, detail, null);
	}

	/**
	 * Create a new {@link SecretDecryptionFailure}.
	 */
	public SecretDecryptionFailure {
		Objects.requireNonNull(secretName, "'secretName' must not be null");
		Objects.requireNonNull(parameterArn, "'parameterArn' must not be null");
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(detail, "'detail' must not be null");
	}

	/**
	 * Create the failure of the given secret, named by its name, parameter and recorded
	 * key.
	 * @param secret the secret that could not be decrypted
	 * @param errorCode the AWS error code, or {@code null}
	 * @param kind the kind of failure
	 * @param detail what happened
	 * @param clientRegion the region the KMS client called, or {@code null}
	 * @return the failure
	 */
	public static SecretDecryptionFailure of(BakedSecret secret, @Nullable String errorCode, Kind kind, String detail,
			@Nullable String clientRegion) {
		return new SecretDecryptionFailure(secret.name(), secret.arn(), secret.keyId(), errorCode, kind, detail,
				clientRegion);
	}

	/**
	 * Create the failure of the given secret before KMS answered, without the client's
	 * region.
	 * @param secret the secret that could not be decrypted
	 * @param kind the kind of failure
	 * @param detail what happened
	 * @return the failure
	 */
	public static SecretDecryptionFailure of(BakedSecret secret, Kind kind, String detail) {
		return of(secret, null, kind, detail, null);
	}

	/**
	 * Return a one-line description: the secret, its parameter, its key, the error code
	 * and the detail.
	 * @return the description
	 */
	public String describe() {
		StringBuilder description = new StringBuilder(this.secretName).append(" (parameter ")
			.append(this.parameterArn)
			.append(", key ")
			.append((this.keyArn != null) ? this.keyArn : "not recorded in the file")
			.append("): ")
			.append(this.kind);
		if (this.errorCode != null) {
			description.append(" [").append(this.errorCode).append(']');
		}
		description.append(" ").append(this.detail);
		String otherRegion = otherRegion();
		if (otherRegion != null) {
			description.append(" (the key is in ")
				.append(otherRegion)
				.append(", the client calls ")
				.append(this.clientRegion)
				.append(')');
		}
		return description.toString();
	}

	/**
	 * Return the region of the secret's key, or of its parameter when the key is not
	 * recorded, when it is not the region the client called: such a ciphertext can only
	 * be opened by a client of that region.
	 * @return the other region, or {@code null} if the regions match or are not known
	 */
	public @Nullable String otherRegion() {
		if (this.clientRegion == null) {
			return null;
		}
		String region = Arn.regionOf(this.keyArn);
		if (region == null) {
			region = Arn.regionOf(this.parameterArn);
		}
		return (region != null && !region.equals(this.clientRegion)) ? region : null;
	}

	/**
	 * The kinds of decryption failure.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/**
		 * KMS refused the caller: the role lacks {@code kms:Decrypt} on the key for this
		 * encryption context.
		 */
		ACCESS_DENIED(false),

		/**
		 * The ciphertext was altered, or the encryption context (the parameter ARN) does
		 * not match the one it was encrypted with; for an Advanced-tier entry, also an
		 * AWS Encryption SDK message that is malformed, truncated, over a limit or does
		 * not authenticate.
		 */
		INVALID_CIPHERTEXT(false),

		/**
		 * The ciphertext was not encrypted under the key recorded for the secret.
		 */
		INCORRECT_KEY(false),

		/**
		 * The key does not exist.
		 */
		NOT_FOUND(false),

		/**
		 * The key is disabled.
		 */
		DISABLED(false),

		/**
		 * The key is in a state that does not allow decryption, such as pending deletion.
		 */
		INVALID_KEY_STATE(false),

		/**
		 * The key is temporarily unavailable; retried until the deadline.
		 */
		KEY_UNAVAILABLE(true),

		/**
		 * KMS throttled the request; retried until the deadline.
		 */
		THROTTLED(true),

		/**
		 * KMS failed with a server error; retried until the deadline.
		 */
		SERVICE_ERROR(true),

		/**
		 * KMS could not be reached; retried until the deadline.
		 */
		NETWORK(true),

		/**
		 * The deadline passed before KMS answered.
		 */
		TIMEOUT(false),

		/**
		 * The client is not set up to call KMS, for example no credentials or no region.
		 */
		CLIENT_CONFIGURATION(false),

		/**
		 * The AWS credentials could not be obtained in time, for example because the
		 * container credentials endpoint hangs or fails; KMS was not called.
		 */
		CREDENTIALS(false),

		/**
		 * The server at the KMS endpoint presented a certificate the JVM does not trust
		 * for that host. Not retried.
		 */
		UNTRUSTED_CERTIFICATE(false),

		/**
		 * An endpoint is plain {@code http} to a host that is not this machine, so
		 * requests, credentials and answers would cross the network in clear; nothing was
		 * sent.
		 */
		INSECURE_ENDPOINT(false),

		/**
		 * KMS, or whatever answered at its endpoint, gave an answer that is not a
		 * {@code Decrypt} result: a body that cannot be parsed, no {@code Plaintext}, or
		 * a plaintext that is not UTF-8 text. Not retried.
		 */
		INVALID_RESPONSE(false),

		/**
		 * The deadline passed while the secret was still waiting for its turn, before any
		 * call for it was made.
		 */
		NOT_ATTEMPTED(false),

		/**
		 * Any other error from KMS.
		 */
		OTHER(false);

		private final boolean retryable;

		Kind(boolean retryable) {
			this.retryable = retryable;
		}

		/**
		 * Return whether a failure of this kind is worth retrying before the deadline.
		 * @return whether to retry
		 */
		public boolean isRetryable() {
			return this.retryable;
		}

	}

}
