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

import java.net.URI;
import java.util.UUID;

import io.github.secretbaker.test.LocalAwsClients;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Helpers shared by the tests: generated secret values and clients built the way the
 * command line builds them.
 */
public final class TestSecrets {

	private TestSecrets() {
	}

	/**
	 * Return a new random secret value.
	 * @return the value
	 */
	public static String newValue() {
		return "value-" + UUID.randomUUID();
	}

	/**
	 * Return the options the command line would use for the server; the test class needs
	 * {@link LocalCredentials} for the credentials.
	 * @param server the server
	 * @return the options
	 */
	public static AwsClientOptions bakeOptions(LocalAwsServer server) {
		URI endpoint = server.endpoint();
		return new AwsClientOptions(server.region(), null, endpoint, AwsClientOptions.DEFAULT_MAX_ATTEMPTS);
	}

	/**
	 * The clients {@code @LocalAwsTest(clients = BakeClients.class)} injects: built with
	 * {@link AwsClientOptions} as the command line builds them (adaptive retry, signer,
	 * transport), credentials from {@link LocalCredentials}.
	 */
	public static class BakeClients extends LocalAwsClients {

		@Override
		public SsmClient createSsmClient(LocalAwsServer server) {
			return bakeOptions(server).createSsmClient();
		}

		@Override
		public KmsClient createKmsClient(LocalAwsServer server) {
			return bakeOptions(server).createKmsClient();
		}

	}

}
