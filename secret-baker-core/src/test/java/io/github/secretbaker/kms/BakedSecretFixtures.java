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

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.http.HttpKmsDecrypter;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Bakes secrets the way the bake step does: a SecureString is put into the local server's
 * Parameter Store, then read back without decryption, giving its KMS ciphertext and ARN.
 */
public final class BakedSecretFixtures {

	private BakedSecretFixtures() {
	}

	/**
	 * Return a new random secret value.
	 * @return the value
	 */
	public static String randomValue() {
		return "value-" + UUID.randomUUID();
	}

	/**
	 * Put a SecureString under the given key and bake it.
	 * @param server the local server
	 * @param name the secret name
	 * @param value the plaintext
	 * @param keyArn the key ARN
	 * @return the baked secret, with version, key id and tier
	 */
	public static BakedSecret bake(LocalAwsServer server, String name, String value, String keyArn) {
		String parameterName = "/app/" + name.toLowerCase(Locale.ROOT);
		server.putSecureString(parameterName, value, keyArn);
		Parameter parameter = server.ssmClient()
			.getParameter((request) -> request.name(parameterName).withDecryption(false))
			.parameter();
		return new BakedSecret(name, parameter.value(), parameter.arn(), parameter.version(), keyArn,
				BakedSecret.STANDARD_TIER);
	}

	/**
	 * Return the given secret as the Node plugin bakes it: only ciphertext and ARN.
	 * @param secret the secret
	 * @return the secret without version, key id and tier
	 */
	public static BakedSecret asNodePluginEntry(BakedSecret secret) {
		return BakedSecret.of(secret.name(), secret.ciphertext(), secret.arn());
	}

	/**
	 * Return a KMS client of the given type for the local server, with the server's
	 * credentials.
	 * @param server the local server
	 * @param type the implementation
	 * @param timeout the call timeout
	 * @return the client
	 */
	public static KmsDecrypter decrypter(LocalAwsServer server, KmsClientType type, Duration timeout) {
		return switch (type) {
			case SDK -> SdkKmsDecrypter.builder()
				.settings(new KmsClientSettings(server.region(), server.endpoint(), null, timeout))
				.credentialsProvider(server.credentialsProvider())
				.build();
			case HTTP -> HttpKmsDecrypter.builder()
				.settings(new KmsClientSettings(server.region(), server.endpoint(), null, timeout))
				.credentialsProvider(server.credentialsProvider())
				.build();
		};
	}

}
