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

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.EncryptionSdkFixtures;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptionSdkMessages} on the runtime's own path: Advanced-tier values
 * of the local server (written by the Java Encryption SDK, their data key a ciphertext of
 * the server's KMS), opened through a real {@link KmsDecrypter}, then cut at every length
 * and flipped in every byte, each of which must fail as {@link Kind#INVALID_CIPHERTEXT}
 * and nothing else, with fixed words; except the bytes of the encrypted data key of an
 * unsigned suite, which nothing but KMS authenticates, and which fail with KMS's own
 * refusal.
 */
@LocalAwsTest
class EncryptionSdkMessagesTests {

	private final LocalAwsServer server;

	private KmsDecrypter kms;

	private String keyArn;

	EncryptionSdkMessagesTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void createKeyAndClient() {
		this.keyArn = this.server.createKey("alias/app");
		this.kms = BakedSecretFixtures.decrypter(this.server, KmsClientType.HTTP, Duration.ofSeconds(5));
	}

	@AfterEach
	void closeClient() {
		this.kms.close();
	}

	@ParameterizedTest
	@MethodSource("suites")
	void refusesEveryTruncationAndABitFlipInEveryByteAsInvalidCiphertext(CryptoAlgorithm suite)
			throws InvalidMessageException {
		String value = EncryptionSdkFixtures.randomValue(200);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", value, this.keyArn, suite);
		byte[] message = secret.ciphertextBlob();
		assertThat(new String(open(secret, message))).isEqualTo(value);
		Set<String> details = new HashSet<>();
		for (int length = 0; length < message.length; length++) {
			details.add(refusal(secret, Arrays.copyOf(message, length)));
		}
		int[] dataKey = encryptedDataKeyRange(message);
		for (int index = 0; index < message.length; index++) {
			byte[] flipped = message.clone();
			flipped[index] ^= (byte) (1 << (index % 8));
			if (index >= dataKey[0] && index < dataKey[1] && !isSigned(suite)) {
				assertThat(kmsRefusal(secret, flipped).getErrorCode()).isNotNull();
			}
			else {
				details.add(refusal(secret, flipped));
			}
		}
		assertThat(details).allSatisfy((detail) -> assertThat(detail).matches("[a-zA-Z0-9 ,.'_:()-]+")
			.doesNotContainPattern("[0-9a-fA-F]{8}")
			.doesNotContain(secret.ciphertext().substring(0, 8)));
	}

	static Stream<CryptoAlgorithm> suites() {
		return Stream.of(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384,
				CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY,
				CryptoAlgorithm.ALG_AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
				CryptoAlgorithm.ALG_AES_128_GCM_IV12_TAG16_NO_KDF);
	}

	private static boolean isSigned(CryptoAlgorithm suite) {
		return AlgorithmSuite.of(suite.getValue() & 0xFFFF).isSigned();
	}

	private byte[] open(BakedSecret secret, byte[] message) {
		return EncryptionSdkMessages.open(this.kms, message, secret.arn(), secret.keyId(),
				Deadline.in(Duration.ofSeconds(5)));
	}

	private KmsDecryptException kmsRefusal(BakedSecret secret, byte[] tampered) {
		try {
			open(secret, tampered);
		}
		catch (KmsDecryptException ex) {
			return ex;
		}
		throw new AssertionError("A tampered message opened");
	}

	// Where the encrypted data key lies: only KMS can tell that it was altered.
	private static int[] encryptedDataKeyRange(byte[] message) throws InvalidMessageException {
		byte[] ciphertext = EncryptionSdkMessage.parse(message).encryptedDataKeys().get(0).ciphertext();
		for (int start = 0; start + ciphertext.length <= message.length; start++) {
			if (Arrays.equals(message, start, start + ciphertext.length, ciphertext, 0, ciphertext.length)) {
				return new int[] { start, start + ciphertext.length };
			}
		}
		throw new AssertionError("No encrypted data key in the message");
	}

	private String refusal(BakedSecret secret, byte[] tampered) {
		try {
			open(secret, tampered);
		}
		catch (KmsDecryptException ex) {
			assertThat(ex.getKind()).as(ex.getDetail()).isEqualTo(Kind.INVALID_CIPHERTEXT);
			return ex.getDetail();
		}
		throw new AssertionError("A tampered message opened");
	}

}
