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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptionSdkMessage} with the public decrypt test vectors of the AWS
 * Encryption SDK ({@code aws-encryption-sdk-test-vectors}, an unpacked
 * {@code vectors/awses-decrypt/*.zip}, whose directory the system property
 * {@code encryption-sdk.test-vectors} names; they are not copied into this repository).
 * Their data keys are encrypted by AWS KMS keys of the SDK's own account, which no test
 * can call, so every vector is parsed, its encrypted data keys checked against its
 * manifest, and the signature of a signed suite verified, then refused once altered.
 */
@EnabledIfSystemProperty(named = "encryption-sdk.test-vectors", matches = ".+")
class EncryptionSdkTestVectorsTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void parsesEveryVectorAndVerifiesItsSignature(String test, Path ciphertext, List<String> keyArns) throws Exception {
		byte[] written = Files.readAllBytes(ciphertext);
		EncryptionSdkMessage message = EncryptionSdkMessage.parse(written);
		assertThat(message.encryptedDataKeys()).allSatisfy((key) -> {
			assertThat(key.providerId()).isEqualTo("aws-kms");
			assertThat(keyArns).contains(new String(key.providerInformation(), StandardCharsets.UTF_8));
		});
		message.verifySignature();
		if (message.suite().isSigned()) {
			byte[] altered = written.clone();
			altered[written.length / 2] ^= 1;
			assertThatExceptionOfType(InvalidMessageException.class)
				.isThrownBy(() -> EncryptionSdkMessage.parse(altered).verifySignature());
		}
	}

	static Stream<Arguments> vectors() throws IOException {
		Path directory = Path.of(System.getProperty("encryption-sdk.test-vectors"));
		JsonMapper json = JsonMapper.builder().build();
		JsonNode manifest = json.readTree(Files.readString(directory.resolve("decrypt_message.json")));
		JsonNode keys = json.readTree(Files.readString(directory.resolve("keys.json"))).get("keys");
		List<Arguments> vectors = new ArrayList<>();
		for (Map.Entry<String, JsonNode> test : manifest.get("tests").properties()) {
			List<String> keyArns = new ArrayList<>();
			for (JsonNode masterKey : test.getValue().get("master-keys")) {
				keyArns.add(keys.get(masterKey.get("key").asString()).get("key-id").asString());
			}
			String ciphertext = test.getValue().get("ciphertext").asString().substring("file://".length());
			vectors.add(Arguments.of(test.getKey(), directory.resolve(ciphertext), keyArns));
		}
		assertThat(vectors).isNotEmpty();
		return vectors.stream();
	}

}
