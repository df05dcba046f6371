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

import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link KmsDecrypter} for a {@code Decrypt} call that did not return a
 * plaintext, already classified. Its message is the {@linkplain #getDetail() detail},
 * which says what happened from the exception type, the HTTP status and the AWS error
 * code, never from a response body or a client library's message.
 *
 * @since 0.1.0
 */
public class KmsDecryptException extends RuntimeException {

	private final Kind kind;

	private final @Nullable String errorCode;

	private final String detail;

	/**
	 * Create a new instance.
	 * @param kind the kind of failure
	 * @param errorCode the AWS error code, such as {@code AccessDeniedException}, or
	 * {@code null} when KMS did not answer with one
	 * @param detail what happened, with no response body in it
	 */
	public KmsDecryptException(Kind kind, @Nullable String errorCode, String detail) {
		super(Objects.requireNonNull(detail, "'detail' must not be null"), null, false, false);
		this.kind = Objects.requireNonNull(kind, "'kind' must not be null");
		this.errorCode = errorCode;
		this.detail = detail;
	}

	/**
	 * Return the kind of failure.
	 * @return the kind
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Return the AWS error code.
	 * @return the error code, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return what happened.
	 * @return the detail
	 */
	public String getDetail() {
		return this.detail;
	}

}
