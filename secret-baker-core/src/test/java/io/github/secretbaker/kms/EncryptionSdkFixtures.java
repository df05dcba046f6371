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

import java.security.SecureRandom;
import java.util.Locale;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Bakes Advanced-tier secrets the way the bake step does: an Advanced-tier SecureString
 * is put into the local server's Parameter Store, then read back without decryption,
 * giving its AWS Encryption SDK message and ARN.
 */
public final class EncryptionSdkFixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	private EncryptionSdkFixtures() {
	}

	/**
	 * Return a new random value of the given length, in printable ASCII with line breaks,
	 * as a PEM chain would be.
	 * @param length the length
	 * @return the value
	 */
	public static String randomValue(int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(((i + 1) % 65 == 0) ? '\n' : (char) ('A' + RANDOM.nextInt(26)));
		}
		return value.toString();
	}

	/**
	 * Put an Advanced-tier SecureString under the given key and bake it.
	 * @param server the local server
	 * @param name the secret name
	 * @param value the plaintext
	 * @param keyArn the key ARN
	 * @param suite the algorithm suite of the message
	 * @return the baked secret, with version, key id and tier
	 */
	public static BakedSecret bake(LocalAwsServer server, String name, String value, String keyArn,
			CryptoAlgorithm suite) {
		String parameterName = "/app/" + name.toLowerCase(Locale.ROOT);
		server.putAdvancedSecureString(parameterName, value, keyArn, suite);
		return read(server, name, parameterName, keyArn);
	}

	/**
	 * Put an Advanced-tier SecureString of the server's default suite and bake it.
	 * @param server the local server
	 * @param name the secret name
	 * @param value the plaintext
	 * @param keyArn the key ARN
	 * @return the baked secret
	 */
	public static BakedSecret bake(LocalAwsServer server, String name, String value, String keyArn) {
		return bake(server, name, value, keyArn, LocalAwsServer.ADVANCED_TIER_SUITE);
	}

	/**
	 * Read a parameter without decryption, by name or ARN, and bake it as an
	 * Advanced-tier secret.
	 * @param server the local server
	 * @param name the secret name
	 * @param reference the parameter name or ARN
	 * @param keyArn the key ARN to record
	 * @return the baked secret
	 */
	public static BakedSecret read(LocalAwsServer server, String name, String reference, String keyArn) {
		Parameter parameter = server.ssmClient()
			.getParameter((request) -> request.name(reference).withDecryption(false))
			.parameter();
		return new BakedSecret(name, parameter.value(), parameter.arn(), parameter.version(), keyArn,
				BakedSecret.ADVANCED_TIER);
	}

}
