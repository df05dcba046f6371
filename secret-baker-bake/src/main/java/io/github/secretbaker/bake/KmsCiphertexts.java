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

import java.util.Base64;

import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether a SecureString value returned by SSM with {@code WithDecryption=false} is
 * a KMS ciphertext blob that KMS {@code Decrypt} can open, or an AWS Encryption SDK
 * message whose data key it can. Emulators such as LocalStack and moto return
 * {@code kms:<key>:<plaintext>} instead, which must never be baked.
 *
 * @since 0.1.0
 */
public final class KmsCiphertexts {

	/**
	 * The shortest KMS ciphertext accepted: a 12-byte nonce and a 16-byte authentication
	 * tag around at least one byte.
	 */
	static final int MIN_BLOB_LENGTH = 29;

	private KmsCiphertexts() {
	}

	/**
	 * Find what, if anything, is wrong with a value returned by SSM. The description
	 * never contains the value or any part of it.
	 * @param value the value as SSM returned it
	 * @return a description of the problem, or {@code null} if the value is base64 of a
	 * binary blob
	 */
	public static @Nullable String findProblem(String value) {
		if (value.startsWith("kms:")) {
			return "this endpoint does not return KMS ciphertext: the value has the form 'kms:<key>:<text>' "
					+ "that LocalStack and moto return instead of a KMS ciphertext blob; "
					+ "bake against AWS or an endpoint that stores real KMS ciphertexts";
		}
		byte[] blob;
		try {
			blob = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message quotes the offending character, so it is not passed
			// on.
			return "this endpoint does not return KMS ciphertext: the value is not base64; "
					+ "bake against AWS or an endpoint that stores real KMS ciphertexts";
		}
		if (blob.length < MIN_BLOB_LENGTH || isText(blob)) {
			return "this endpoint does not return KMS ciphertext: the value is base64 of text or of a blob too short "
					+ "to be a KMS ciphertext; bake against AWS or an endpoint that stores real KMS ciphertexts";
		}
		return null;
	}

	/**
	 * Return the parameter tier a SecureString value comes from, told by its format: an
	 * AWS Encryption SDK message (format version 1 or 2, as advanced-tier values are) or
	 * a plain KMS ciphertext blob (standard tier), since {@code DescribeParameters} may
	 * be denied.
	 * @param value a value {@link #findProblem(String)} accepts
	 * @return {@code Advanced} or {@code Standard}
	 */
	static String tierOf(String value) {
		return BakedSecret.isEncryptionSdkMessage(Base64.getDecoder().decode(value)) ? BakedSecret.ADVANCED_TIER
				: BakedSecret.STANDARD_TIER;
	}

	private static boolean isText(byte[] blob) {
		for (byte b : blob) {
			int c = b & 0xFF;
			boolean printable = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
			if (!printable) {
				return false;
			}
		}
		return true;
	}

}
