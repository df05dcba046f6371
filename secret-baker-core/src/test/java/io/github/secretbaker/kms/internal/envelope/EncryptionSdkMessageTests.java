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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.MasterKeyProvider;
import com.amazonaws.encryptionsdk.jce.JceMasterKey;
import com.amazonaws.encryptionsdk.multi.MultipleProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptionSdkMessage}: messages written by two independent
 * implementations, the JavaScript Encryption SDK (committed messages, see
 * {@code src/test/node/generate-messages.mjs}) and the Java Encryption SDK (written
 * here), in every algorithm suite, both format versions, framed and non-framed, each also
 * opened by the Java Encryption SDK as an oracle (with the Bouncy Castle release of the
 * build); then every truncation and a bit flip in every byte of a few of them. The data
 * key is wrapped by a raw AES key, unwrapped by {@link RawAesDataKeys} where KMS would
 * decrypt it.
 */
class EncryptionSdkMessageTests {

	private static final String JAVASCRIPT = "/encryption-sdk/javascript/";

	private static final String PARAMETER_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/secret, \"value\"";

	private static final String VALUE = "  a value, with \"quotes\", commas, regex .*+?[](){}|^$ and ü€ at its end\n";

	private static final byte[] WRAPPING_KEY = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	@ParameterizedTest(name = "{0}")
	@MethodSource("javascriptMessages")
	void opensEveryMessageTheJavaScriptEncryptionSdkWrote(String file, int suiteId, String plaintext,
			String keyNamespace, String keyName) throws Exception {
		EncryptionSdkMessage message = EncryptionSdkMessage.parse(resource(JAVASCRIPT + file));
		assertThat(message.suite().id()).isEqualTo(suiteId);
		assertThat(message.encryptionContext()).containsEntry("PARAMETER_ARN",
				"arn:aws:ssm:us-east-1:123456789012:parameter/app/tls, \"chain\"");
		message.verifySignature();
		byte[] dataKey = new RawAesDataKeys(keyNamespace, keyName, WRAPPING_KEY).unwrap(message);
		assertThat(new String(message.decrypt(dataKey), StandardCharsets.UTF_8)).isEqualTo(plaintext);
		JceMasterKey oracleKey = JceMasterKey.getInstance(new SecretKeySpec(WRAPPING_KEY, "AES"), keyNamespace, keyName,
				"AES/GCM/NoPadding");
		byte[] oracle = AwsCrypto.builder()
			.withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
			.build()
			.decryptData(oracleKey, resource(JAVASCRIPT + file))
			.getResult();
		assertThat(new String(oracle, StandardCharsets.UTF_8)).isEqualTo(plaintext);
	}

	static Stream<Arguments> javascriptMessages() throws IOException {
		JsonNode manifest = JsonMapper.builder().build().readTree(resource(JAVASCRIPT + "manifest.json"));
		assertThat(manifest.get("wrappingKeyHex").asString()).isEqualTo(HexFormat.of().formatHex(WRAPPING_KEY));
		List<Arguments> messages = new ArrayList<>();
		for (JsonNode message : manifest.get("messages")) {
			String plaintext = new String(resource(JAVASCRIPT + message.get("plaintext").asString()),
					StandardCharsets.UTF_8);
			messages.add(Arguments.of(message.get("file").asString(), message.get("suiteId").asInt(), plaintext,
					manifest.get("keyNamespace").asString(), manifest.get("keyName").asString()));
		}
		assertThat(messages).extracting((arguments) -> arguments.get()[1])
			.containsExactlyInAnyOrderElementsOf(everySuiteId(messages.size() / AlgorithmSuite.values().length));
		return messages.stream();
	}

	@ParameterizedTest(name = "{0}, frame size {1}")
	@MethodSource("everySuiteFramedAndNonFramed")
	void opensEveryMessageTheJavaEncryptionSdkWrites(CryptoAlgorithm suite, int frameSize) throws Exception {
		String value = VALUE.repeat(40);
		byte[] written = javaSdk(suite, frameSize)
			.encryptData(jceMasterKey(), value.getBytes(StandardCharsets.UTF_8), Map.of("PARAMETER_ARN", PARAMETER_ARN))
			.getResult();
		EncryptionSdkMessage message = EncryptionSdkMessage.parse(written);
		assertThat(message.suite().id()).isEqualTo(suite.getValue() & 0xFFFF);
		message.verifySignature();
		assertThat(new String(message.decrypt(unwrap(message)), StandardCharsets.UTF_8)).isEqualTo(value);
		assertThat(javaSdk(suite, frameSize).decryptData(jceMasterKey(), written).getResult())
			.isEqualTo(value.getBytes(StandardCharsets.UTF_8));
	}

	static Stream<Arguments> everySuiteFramedAndNonFramed() {
		return Stream.of(CryptoAlgorithm.values())
			.flatMap((suite) -> Stream.of(0, 7, 100, 4096).map((frameSize) -> Arguments.of(suite, frameSize)));
	}

	@Test
	void opensAMessageWithoutEncryptionContextAndAnEmptyValue() throws Exception {
		for (int frameSize : new int[] { 0, 4096 }) {
			byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY, frameSize)
				.encryptData(jceMasterKey(), new byte[0])
				.getResult();
			EncryptionSdkMessage message = EncryptionSdkMessage.parse(written);
			assertThat(message.encryptionContext()).isEmpty();
			assertThat(message.decrypt(unwrap(message))).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tamperedMessages")
	void refusesEveryTruncationOfAMessage(String name, byte[] written, byte[] dataKey) {
		Set<String> reasons = new TreeSet<>();
		for (int length = 0; length < written.length; length++) {
			byte[] truncated = Arrays.copyOf(written, length);
			reasons.add(refusal(truncated, dataKey));
		}
		assertThat(reasons).allSatisfy(EncryptionSdkMessageTests::assertFixedWords);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tamperedMessages")
	void refusesABitFlipInEveryByteOfAMessage(String name, byte[] written, byte[] dataKey)
			throws InvalidMessageException {
		Set<String> reasons = new TreeSet<>();
		for (int index = 0; index < written.length; index++) {
			byte[] flipped = written.clone();
			flipped[index] ^= (byte) (1 << (index % 8));
			reasons.add(refusal(flipped, dataKey));
		}
		boolean signed = EncryptionSdkMessage.parse(written).suite().isSigned();
		assertThat(reasons).allSatisfy(EncryptionSdkMessageTests::assertFixedWords)
			.contains(signed ? "its signature does not verify" : "its header does not authenticate with its data key");
	}

	static Stream<Arguments> tamperedMessages() throws Exception {
		List<Arguments> messages = new ArrayList<>();
		String[] javascript = { "0578-frame-1-one-byte.message", "0478-frame-1-one-byte.message",
				"0214-frame-65536-awkward.message", "0014-frame-65536-awkward.message" };
		for (String file : javascript) {
			byte[] written = resource(JAVASCRIPT + file);
			EncryptionSdkMessage message = EncryptionSdkMessage.parse(written);
			messages.add(Arguments.of("JavaScript " + file, written,
					new RawAesDataKeys("secret-baker-tests", "raw-aes-256", WRAPPING_KEY).unwrap(message)));
		}
		for (CryptoAlgorithm suite : List.of(CryptoAlgorithm.ALG_AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
				CryptoAlgorithm.ALG_AES_128_GCM_IV12_TAG16_NO_KDF)) {
			byte[] written = javaSdk(suite, 0)
				.encryptData(jceMasterKey(), VALUE.getBytes(StandardCharsets.UTF_8),
						Map.of("PARAMETER_ARN", PARAMETER_ARN))
				.getResult();
			messages
				.add(Arguments.of("Java non-framed " + suite, written, unwrap(EncryptionSdkMessage.parse(written))));
		}
		return messages.stream();
	}

	@Test
	void refusesAMessageWithMoreEncryptedDataKeysThanTheLimit() throws Exception {
		List<JceMasterKey> keys = new ArrayList<>();
		for (int i = 0; i <= EncryptionSdkMessage.MAX_ENCRYPTED_DATA_KEYS; i++) {
			keys.add(JceMasterKey.getInstance(new SecretKeySpec(WRAPPING_KEY, "AES"), "secret-baker-tests", "key-" + i,
					"AES/GCM/NoPadding"));
		}
		MasterKeyProvider<?> provider = MultipleProviderFactory.buildMultiProvider(keys);
		byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, 4096)
			.encryptData(provider, VALUE.getBytes(StandardCharsets.UTF_8))
			.getResult();
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> EncryptionSdkMessage.parse(written))
			.withMessage("it holds no encrypted data key or more than 4");
	}

	@Test
	void refusesAMessageWithMoreFramesThanTheLimit() {
		byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY, 1)
			.encryptData(jceMasterKey(), new byte[EncryptionSdkMessage.MAX_FRAMES])
			.getResult();
		assertThat(written.length).isLessThan(EncryptionSdkMessage.MAX_MESSAGE_BYTES);
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> EncryptionSdkMessage.parse(written))
			.withMessage("it has more than 1024 frames");
	}

	@Test
	void refusesAMessageOverTheSizeLimit() {
		byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY, 4096)
			.encryptData(jceMasterKey(), new byte[EncryptionSdkMessage.MAX_MESSAGE_BYTES])
			.getResult();
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> EncryptionSdkMessage.parse(written))
			.withMessage("it is over 65536 bytes");
	}

	@Test
	void refusesAFrameLengthOverTheSizeLimit() {
		byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY, 1 << 20)
			.encryptData(jceMasterKey(), VALUE.getBytes(StandardCharsets.UTF_8))
			.getResult();
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> EncryptionSdkMessage.parse(written))
			.withMessageStartingWith("its frame length");
	}

	@Test
	void refusesADataKeyThatDoesNotMatchTheKeyCommitment() throws Exception {
		byte[] written = javaSdk(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, 4096)
			.encryptData(jceMasterKey(), VALUE.getBytes(StandardCharsets.UTF_8))
			.getResult();
		EncryptionSdkMessage message = EncryptionSdkMessage.parse(written);
		byte[] otherKey = unwrap(message);
		otherKey[0] ^= 1;
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> message.decrypt(otherKey))
			.withMessage("its key commitment does not match its data key");
	}

	private static String refusal(byte[] tampered, byte[] dataKey) {
		try {
			EncryptionSdkMessage message = EncryptionSdkMessage.parse(tampered);
			message.verifySignature();
			message.decrypt(dataKey);
		}
		catch (InvalidMessageException ex) {
			return ex.getMessage();
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("The JDK failed on a tampered message", ex);
		}
		throw new AssertionError("A tampered message opened");
	}

	private static void assertFixedWords(String reason) {
		assertThat(reason).matches("[a-zA-Z0-9 ,'-]+").doesNotContainPattern("[0-9a-fA-F]{8}");
	}

	private static List<Integer> everySuiteId(int times) {
		List<Integer> ids = new ArrayList<>();
		for (AlgorithmSuite suite : AlgorithmSuite.values()) {
			for (int i = 0; i < times; i++) {
				ids.add(suite.id());
			}
		}
		return ids;
	}

	private static AwsCrypto javaSdk(CryptoAlgorithm suite, int frameSize) {
		return AwsCrypto.builder()
			.withCommitmentPolicy(suite.isCommitting() ? CommitmentPolicy.RequireEncryptRequireDecrypt
					: CommitmentPolicy.ForbidEncryptAllowDecrypt)
			.withEncryptionAlgorithm(suite)
			.withEncryptionFrameSize(frameSize)
			.build();
	}

	private static JceMasterKey jceMasterKey() {
		return JceMasterKey.getInstance(new SecretKeySpec(WRAPPING_KEY, "AES"), "secret-baker-tests", "jce-aes-256",
				"AES/GCM/NoPadding");
	}

	private static byte[] unwrap(EncryptionSdkMessage message) throws GeneralSecurityException {
		return new RawAesDataKeys("secret-baker-tests", "jce-aes-256", WRAPPING_KEY).unwrap(message);
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = EncryptionSdkMessageTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
