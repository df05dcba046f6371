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

package io.github.secretbaker.kms.internal;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Classifies KMS error answers by their AWS error code and HTTP status, the same way for
 * every {@link KmsDecrypter}.
 *
 * @since 0.1.0
 */
public final class KmsErrors {

	private KmsErrors() {
	}

	/**
	 * Return the kind of failure for an error answer of KMS.
	 * @param errorCode the AWS error code (the {@code __type} of the answer, without its
	 * namespace), or {@code null} when the answer had none
	 * @param statusCode the HTTP status
	 * @return the kind
	 */
	public static Kind kind(@Nullable String errorCode, int statusCode) {
		if (errorCode != null) {
			switch (errorCode) {
				case "InvalidCiphertextException":
					return Kind.INVALID_CIPHERTEXT;
				case "IncorrectKeyException":
					return Kind.INCORRECT_KEY;
				case "NotFoundException":
					return Kind.NOT_FOUND;
				case "DisabledException":
					return Kind.DISABLED;
				case "KMSInvalidStateException", "KmsInvalidStateException":
					return Kind.INVALID_KEY_STATE;
				case "KeyUnavailableException":
					return Kind.KEY_UNAVAILABLE;
				case "AccessDeniedException":
					return Kind.ACCESS_DENIED;
				case "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
						"ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken", "InvalidClientTokenId",
						"SignatureDoesNotMatch":
					return Kind.CLIENT_CONFIGURATION;
				case "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException",
						"RequestLimitExceeded", "LimitExceededException", "RequestThrottled",
						"RequestThrottledException", "ProvisionedThroughputExceededException", "SlowDown",
						"TransactionInProgressException", "BandwidthLimitExceeded", "PriorRequestNotComplete",
						"EC2ThrottledException":
					return Kind.THROTTLED;
				case "KMSInternalException", "KmsInternalException", "DependencyTimeoutException", "InternalFailure",
						"ServiceUnavailable", "ServiceUnavailableException":
					return Kind.SERVICE_ERROR;
				default:
					break;
			}
		}
		if (statusCode == 429) {
			return Kind.THROTTLED;
		}
		if (statusCode >= 500) {
			return Kind.SERVICE_ERROR;
		}
		return Kind.OTHER;
	}

	/**
	 * Return whether a failure, or one of its causes, is a TLS handshake that failed
	 * because the JVM does not trust the server's certificate for the host called (an
	 * unknown authority, an expired certificate or another host's name): not a network
	 * failure, and not worth a retry.
	 * @param failure the failure
	 * @return whether the server's certificate was refused
	 */
	public static boolean isUntrustedCertificate(Throwable failure) {
		boolean handshake = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			handshake |= cause instanceof SSLHandshakeException;
			if (handshake && cause instanceof CertificateException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the detail to report for an error answer: its HTTP status and AWS error
	 * code. The answer's own message is left out on purpose: whatever answers at the
	 * endpoint could echo the request or a plaintext in it.
	 * @param errorCode the AWS error code, or {@code null}
	 * @param statusCode the HTTP status
	 * @return the detail
	 */
	public static String detail(@Nullable String errorCode, int statusCode) {
		return "KMS answered HTTP " + statusCode
				+ ((errorCode != null) ? " " + errorCode : " without an AWS error code");
	}

}
