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

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests that run the standalone jar built by this module with
 * {@code java -jar}.
 */
class LocalAwsServerMainIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void printsEndpointFirstServesSeedAndStopsOnSigterm() throws Exception {
		Path seed = Files.writeString(this.directory.resolve("seed.json"),
				"""
						{"keys": [{"alias": "alias/app"}],
						 "parameters": [{"name": "/app/password", "type": "SecureString", "value": "s3cr3t", "keyId": "alias/app"}]}
						""");
		Process process = start("--seed", seed.toString(), "--latency", "GetParameter=1ms", "--account-id",
				"210987654321");
		try {
			BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8);
			String endpoint = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
			assertThat(endpoint).matches("http://127\\.0\\.0\\.1:\\d+");
			try (SsmClient ssm = SsmClient.builder()
				.endpointOverride(URI.create(endpoint))
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
				.httpClient(UrlConnectionHttpClient.create())
				.build()) {
				assertThat(ssm.getParameter((request) -> request.name("/app/password").withDecryption(true))
					.parameter()
					.value()).isEqualTo("s3cr3t");
			}
			assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			String output = endpoint + "\n" + readAll(stdout)
					+ new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(output).doesNotContain("s3cr3t").contains("210987654321");
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void rejectsUnsignedRequests() throws Exception {
		Process process = start();
		try {
			String endpoint = CompletableFuture.supplyAsync(() -> readLine(process.inputReader(StandardCharsets.UTF_8)))
				.get(60, TimeUnit.SECONDS);
			try (SsmClient ssm = SsmClient.builder()
				.endpointOverride(URI.create(endpoint))
				.region(Region.US_EAST_1)
				.credentialsProvider(AnonymousCredentialsProvider.create())
				.httpClient(UrlConnectionHttpClient.create())
				.build()) {
				assertThatExceptionOfType(SsmException.class).isThrownBy(ssm::describeParameters)
					.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode())
						.isEqualTo("MissingAuthenticationTokenException"));
			}
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void exitsWithUsageErrorListingEveryProblem() throws Exception {
		Process process = start("--port", "none", "--fail", "Nope=1");
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		List<String> errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		assertThat(errors).hasSize(3);
		assertThat(errors.get(0)).startsWith("secret-baker-test: --port none");
		assertThat(errors.get(1)).contains("Unknown operation 'Nope'");
		assertThat(errors.get(2)).isEqualTo("Run with --help for usage.");
	}

	@Test
	void printsHelp() throws Exception {
		Process process = start("--help");
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("Usage:");
	}

	private static Process start(String... args) throws IOException {
		String jar = System.getProperty("standalone.jar");
		assertThat(jar).as("standalone.jar system property").isNotBlank();
		assertThat(Path.of(jar)).exists();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(jar);
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

	private static String readLine(BufferedReader reader) {
		try {
			return reader.readLine();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readAll(BufferedReader reader) throws IOException {
		StringBuilder content = new StringBuilder();
		String line;
		while ((line = reader.readLine()) != null) {
			content.append(line).append('\n');
		}
		return content.toString();
	}

}
