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

package io.github.secretbaker.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;

/**
 * The secrets every cold start benchmark reads: N SecureStrings with generated values,
 * baked into a file by secret-baker's bake library.
 *
 * @since 0.1.0
 */
public final class BenchmarkSecrets {

	private BenchmarkSecrets() {
	}

	/**
	 * Put N SecureStrings under the given path and bake them into the given file.
	 * @param server the local server
	 * @param keyArn the key that encrypts them
	 * @param parameterPath the Parameter Store path, ending with {@code /}
	 * @param secrets how many
	 * @param file the baked file to write
	 * @return the requests that were baked, by secret name
	 */
	public static List<SecretRequest> bake(LocalAwsServer server, String keyArn, String parameterPath, int secrets,
			Path file) {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < secrets; i++) {
			String parameter = parameterPath + secretName(i);
			server.putSecureString(parameter, UUID.randomUUID().toString(), keyArn);
			requests.add(SecretRequest.of(secretName(i), parameter));
		}
		if (requests.isEmpty()) {
			BakedSecretsFile.write(BakedSecrets.empty(), file);
		}
		else {
			ParameterStoreBaker.builder(server.ssmClient()).build().bakeTo(requests, file);
		}
		return requests;
	}

	/**
	 * Bake the given secrets again with the first one read from an Advanced-tier
	 * SecureString (an Encryption SDK message), for the variant that reads an
	 * Advanced-tier secret.
	 * @param server the local server
	 * @param keyArn the key that encrypts it
	 * @param parameterPath the Parameter Store path, ending with {@code /}
	 * @param requests the secrets {@link #bake} baked, at least one
	 * @param file the baked file to write
	 */
	public static void bakeWithAdvancedFirst(LocalAwsServer server, String keyArn, String parameterPath,
			List<SecretRequest> requests, Path file) {
		String advanced = parameterPath + "advanced-" + secretName(0);
		server.putAdvancedSecureString(advanced, UUID.randomUUID().toString(), keyArn);
		List<SecretRequest> withAdvanced = new ArrayList<>(requests);
		withAdvanced.set(0, SecretRequest.of(secretName(0), advanced));
		ParameterStoreBaker.builder(server.ssmClient()).build().bakeTo(withAdvanced, file);
	}

	/**
	 * Return the name of the secret at the given index, such as {@code BENCH_SECRET_000}.
	 * @param index the index
	 * @return the name
	 */
	public static String secretName(int index) {
		return String.format(Locale.ROOT, "BENCH_SECRET_%03d", index);
	}

}
