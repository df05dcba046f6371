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

package io.github.secretbaker.kms.internal.envelope;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Opens the AWS Encryption SDK message of an Advanced-tier SecureString with the JDK's
 * own cryptography: the message is parsed whole and within limits, its signature
 * verified, its AWS KMS encrypted data key decrypted by a {@link KmsDecrypter} with the
 * message's own encryption context, which must bind it to the entry's parameter ARN, then
 * its body is decrypted. Every message format version and algorithm suite of the
 * Encryption SDK opens.
 *
 * @since 0.1.0
 */
public final class EncryptionSdkMessages {

	private static final String KMS_PROVIDER_ID = "aws-kms";

	private static final String NO_KMS_DATA_KEY = "the AWS Encryption SDK message holds no data key encrypted by AWS KMS";

	private EncryptionSdkMessages() {
	}

	/**
	 * Open a message.
	 * @param kms the client that decrypts the data key
	 * @param message the message, as Parameter Store returned it without decryption
	 * @param parameterArn the ARN of the entry's parameter, which the message must be
	 * bound to
	 * @param keyId the key ARN or key id to pin the data key's {@code Decrypt} to, or
	 * {@code null} to use the key the message names
	 * @param deadline the deadline of the {@code Decrypt} call
	 * @return the plaintext; the caller owns the array and may clear it
	 * @throws KmsDecryptException of kind {@link Kind#INVALID_CIPHERTEXT} for a message
	 * that is malformed, altered or bound to another parameter, or the client's own
	 * failure
	 */
	public static byte[] open(KmsDecrypter kms, byte[] message, String parameterArn, @Nullable String keyId,
			Deadline deadline) {
		try {
			EncryptionSdkMessage parsed = parseBound(message, parameterArn);
			parsed.verifySignature();
			byte[] dataKey = dataKey(kms, parsed, keyId, deadline);
			try {
				return parsed.decrypt(dataKey);
			}
			finally {
				Arrays.fill(dataKey, (byte) 0);
			}
		}
		catch (InvalidMessageException ex) {
			throw invalid("the value is not an AWS Encryption SDK message that opens: " + ex.getMessage());
		}
		catch (GeneralSecurityException ex) {
			throw new KmsDecryptException(Kind.OTHER, null,
					"the JDK could not open the AWS Encryption SDK message: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Return the KMS {@code Decrypt} request for a message's data key, the first call
	 * that {@link #open} would make, without calling KMS or decrypting anything: what a
	 * dry run of the entry checks.
	 * @param message the message, as Parameter Store returned it without decryption
	 * @param parameterArn the ARN of the entry's parameter, which the message must be
	 * bound to
	 * @param keyId the key ARN or key id to pin the request to, or {@code null} to use
	 * the key the message names
	 * @param deadline the deadline of the request
	 * @return the request for the first data key that AWS KMS encrypted
	 * @throws KmsDecryptException of kind {@link Kind#INVALID_CIPHERTEXT} for a message
	 * that is malformed, bound to another parameter, or holds no data key of AWS KMS
	 */
	public static KmsDecryptRequest dataKeyRequest(byte[] message, String parameterArn, @Nullable String keyId,
			Deadline deadline) {
		try {
			EncryptionSdkMessage parsed = parseBound(message, parameterArn);
			for (EncryptedDataKey encrypted : parsed.encryptedDataKeys()) {
				if (KMS_PROVIDER_ID.equals(encrypted.providerId())) {
					return request(parsed, encrypted, keyId, deadline);
				}
			}
			throw invalid(NO_KMS_DATA_KEY);
		}
		catch (InvalidMessageException ex) {
			throw invalid("the value is not an AWS Encryption SDK message that opens: " + ex.getMessage());
		}
	}

	// Checked before any call: KMS must never be asked to open another parameter's value.
	private static EncryptionSdkMessage parseBound(byte[] message, String parameterArn) throws InvalidMessageException {
		EncryptionSdkMessage parsed = EncryptionSdkMessage.parse(message);
		if (!parameterArn.equals(parsed.encryptionContext().get(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY))) {
			throw invalid("the AWS Encryption SDK message is not bound to this entry's parameter: its "
					+ "PARAMETER_ARN encryption context names another parameter or none");
		}
		return parsed;
	}

	private static KmsDecryptRequest request(EncryptionSdkMessage message, EncryptedDataKey encrypted,
			@Nullable String keyId, Deadline deadline) {
		String pinned = (keyId != null) ? keyId : new String(encrypted.providerInformation(), StandardCharsets.UTF_8);
		return KmsDecryptRequest.of(encrypted.ciphertext(), message.encryptionContext(), pinned, deadline);
	}

	private static byte[] dataKey(KmsDecrypter kms, EncryptionSdkMessage message, @Nullable String keyId,
			Deadline deadline) {
		KmsDecryptException firstFailure = null;
		for (EncryptedDataKey encrypted : message.encryptedDataKeys()) {
			if (!KMS_PROVIDER_ID.equals(encrypted.providerId())) {
				continue;
			}
			byte[] plaintext;
			try {
				plaintext = kms.decrypt(request(message, encrypted, keyId, deadline));
			}
			catch (KmsDecryptException ex) {
				firstFailure = (firstFailure != null) ? firstFailure : ex;
				continue;
			}
			int expected = message.suite().keyLength();
			if (plaintext.length != expected) {
				Arrays.fill(plaintext, (byte) 0);
				throw new KmsDecryptException(Kind.INVALID_RESPONSE, null, "KMS returned a data key of "
						+ plaintext.length + " bytes where the message's algorithm suite needs " + expected);
			}
			return plaintext;
		}
		if (firstFailure != null) {
			throw firstFailure;
		}
		throw invalid(NO_KMS_DATA_KEY);
	}

	private static KmsDecryptException invalid(String detail) {
		return new KmsDecryptException(Kind.INVALID_CIPHERTEXT, null, detail);
	}

}
