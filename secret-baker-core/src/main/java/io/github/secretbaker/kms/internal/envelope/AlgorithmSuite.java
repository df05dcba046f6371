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

import org.jspecify.annotations.Nullable;

/**
 * The algorithm suites an AWS Encryption SDK message may name, with what opening one
 * needs: the AES-GCM key length, how the content key is derived from the data key (none,
 * HKDF, or HKDF with key commitment), the message format version that carries it, and the
 * ECDSA curve and signature algorithm of a signed suite.
 */
enum AlgorithmSuite {

	AES_128_GCM_NO_KDF(0x0014, 16, null, false, null, null),

	AES_192_GCM_NO_KDF(0x0046, 24, null, false, null, null),

	AES_256_GCM_NO_KDF(0x0078, 32, null, false, null, null),

	AES_128_GCM_HKDF_SHA256(0x0114, 16, "HmacSHA256", false, null, null),

	AES_192_GCM_HKDF_SHA256(0x0146, 24, "HmacSHA256", false, null, null),

	AES_256_GCM_HKDF_SHA256(0x0178, 32, "HmacSHA256", false, null, null),

	AES_128_GCM_HKDF_SHA256_ECDSA_P256(0x0214, 16, "HmacSHA256", false, "secp256r1", "SHA256withECDSA"),

	AES_192_GCM_HKDF_SHA384_ECDSA_P384(0x0346, 24, "HmacSHA384", false, "secp384r1", "SHA384withECDSA"),

	AES_256_GCM_HKDF_SHA384_ECDSA_P384(0x0378, 32, "HmacSHA384", false, "secp384r1", "SHA384withECDSA"),

	AES_256_GCM_HKDF_SHA512_COMMIT_KEY(0x0478, 32, "HmacSHA512", true, null, null),

	AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384(0x0578, 32, "HmacSHA512", true, "secp384r1", "SHA384withECDSA");

	/**
	 * The AES-GCM IV length of every suite.
	 */
	static final int IV_LENGTH = 12;

	/**
	 * The AES-GCM authentication tag length of every suite.
	 */
	static final int TAG_LENGTH = 16;

	/**
	 * The length of the commit key in the header of a committing suite's message.
	 */
	static final int COMMIT_KEY_LENGTH = 32;

	private final int id;

	private final int keyLength;

	private final @Nullable String kdfMac;

	private final boolean committing;

	private final @Nullable String curve;

	private final @Nullable String signatureAlgorithm;

	AlgorithmSuite(int id, int keyLength, @Nullable String kdfMac, boolean committing, @Nullable String curve,
			@Nullable String signatureAlgorithm) {
		this.id = id;
		this.keyLength = keyLength;
		this.kdfMac = kdfMac;
		this.committing = committing;
		this.curve = curve;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	/**
	 * Return the suite with the given id.
	 * @param id the two-byte id of the message header
	 * @return the suite, or {@code null} for an id the Encryption SDK does not define
	 */
	static @Nullable AlgorithmSuite of(int id) {
		for (AlgorithmSuite suite : values()) {
			if (suite.id == id) {
				return suite;
			}
		}
		return null;
	}

	int id() {
		return this.id;
	}

	/**
	 * Return the length of the data key and of the AES key, in bytes.
	 * @return the length of the data key and of the AES key, in bytes
	 */
	int keyLength() {
		return this.keyLength;
	}

	/**
	 * Return the JDK's name of the HMAC that HKDF runs on, or {@code null} when the data
	 * key is the content key.
	 * @return the JDK's name of the HMAC that HKDF runs on, or {@code null} when the data
	 * key is the content key
	 */
	@Nullable String kdfMac() {
		return this.kdfMac;
	}

	boolean isCommitting() {
		return this.committing;
	}

	/**
	 * Return the message format version that carries this suite: 2 for committing suites,
	 * 1 otherwise.
	 * @return the message format version that carries this suite: 2 for committing
	 * suites, 1 otherwise
	 */
	int messageFormatVersion() {
		return this.committing ? 2 : 1;
	}

	boolean isSigned() {
		return this.signatureAlgorithm != null;
	}

	/**
	 * Return the JDK's name of the curve of a signed suite.
	 * @return the JDK's name of the curve of a signed suite
	 */
	@Nullable String curve() {
		return this.curve;
	}

	/**
	 * Return the JDK's name of the signature algorithm of a signed suite.
	 * @return the JDK's name of the signature algorithm of a signed suite
	 */
	@Nullable String signatureAlgorithm() {
		return this.signatureAlgorithm;
	}

}
