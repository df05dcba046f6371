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

package io.github.secretbaker.test;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Creates the KMS and SSM clients that {@link LocalAwsExtension} injects into parameters
 * of those types. The default clients come from {@link LocalAwsServer#kmsClientBuilder()}
 * and {@link LocalAwsServer#ssmClientBuilder()}; subclass it, with a public no-argument
 * constructor, and name it in {@link LocalAwsTest#clients()} to inject clients built
 * another way.
 *
 * @since 0.1.0
 */
public class LocalAwsClients {

	/**
	 * Create a KMS client for the server. The extension closes it.
	 * @param server the server
	 * @return a new client
	 */
	public KmsClient createKmsClient(LocalAwsServer server) {
		return server.kmsClientBuilder().build();
	}

	/**
	 * Create an SSM client for the server. The extension closes it.
	 * @param server the server
	 * @return a new client
	 */
	public SsmClient createSsmClient(LocalAwsServer server) {
		return server.ssmClientBuilder().build();
	}

}
