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

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KmsCiphertexts}.
 */
class KmsCiphertextsTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void acceptsBase64OfBinaryBlob() {
		byte[] blob = new byte[180];
		this.random.nextBytes(blob);
		blob[0] = 0x01;
		assertThat(KmsCiphertexts.findProblem(Base64.getEncoder().encodeToString(blob))).isNull();
	}

	@Test
	void refusesLocalStackAndMotoFormatWithoutQuotingIt() {
		String plaintext = "value-" + UUID.randomUUID();
		String problem = KmsCiphertexts.findProblem("kms:alias/aws/ssm:" + plaintext);
		assertThat(problem).contains("this endpoint does not return KMS ciphertext").doesNotContain(plaintext);
	}

	@Test
	void refusesValueThatIsNotBase64() {
		String plaintext = "value with spaces " + UUID.randomUUID();
		assertThat(KmsCiphertexts.findProblem(plaintext)).contains("this endpoint does not return KMS ciphertext")
			.contains("not base64")
			.doesNotContain(plaintext);
	}

	@Test
	void refusesBase64OfText() {
		String plaintext = "a plaintext value that is long enough " + UUID.randomUUID();
		String encoded = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
		assertThat(KmsCiphertexts.findProblem(encoded)).contains("this endpoint does not return KMS ciphertext")
			.doesNotContain(encoded)
			.doesNotContain(plaintext);
	}

	@Test
	void refusesBlobTooShortForKmsCiphertext() {
		byte[] blob = new byte[KmsCiphertexts.MIN_BLOB_LENGTH - 1];
		blob[0] = (byte) 0xFF;
		assertThat(KmsCiphertexts.findProblem(Base64.getEncoder().encodeToString(blob)))
			.contains("too short to be a KMS ciphertext");
	}

}
