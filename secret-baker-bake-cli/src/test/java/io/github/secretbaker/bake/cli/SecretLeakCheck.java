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

package io.github.secretbaker.bake.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.secretbaker.bake.TestSecrets;
import io.github.secretbaker.test.LocalAwsServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembers the secret values a test stores and reads every ciphertext the local server
 * holds, to assert that command output contains none of them, nor the base64 of a value.
 */
final class SecretLeakCheck {

	private final LocalAwsServer server;

	private final List<String> values = new ArrayList<>();

	SecretLeakCheck(LocalAwsServer server) {
		this.server = server;
	}

	/**
	 * Return a new random secret value, remembered.
	 * @return the value
	 */
	String newValue() {
		String value = TestSecrets.newValue();
		this.values.add(value);
		return value;
	}

	/**
	 * Return the ciphertext of every version of every SecureString the server holds.
	 * @return the ciphertexts
	 */
	List<String> storedCiphertexts() {
		List<String> ciphertexts = new ArrayList<>();
		this.server.ssmClient()
			.describeParametersPaginator((request) -> request.maxResults(50))
			.forEach((page) -> page.parameters().forEach((metadata) -> {
				if ("SecureString".equals(metadata.typeAsString())) {
					this.server.ssmClient()
						.getParameterHistoryPaginator((request) -> request.name(metadata.name()).withDecryption(false))
						.forEach((history) -> history.parameters()
							.forEach((version) -> ciphertexts.add(version.value())));
				}
			}));
		return ciphertexts;
	}

	/**
	 * Assert that the output contains no remembered value, no base64 of one and no stored
	 * ciphertext.
	 * @param outputs what the commands printed
	 */
	void assertNoneIn(List<String> outputs) {
		List<String> secrets = new ArrayList<>(this.values);
		this.values.forEach(
				(value) -> secrets.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
		secrets.addAll(storedCiphertexts());
		for (String output : outputs) {
			for (String secret : secrets) {
				assertThat(output).doesNotContain(secret);
			}
		}
	}

}
