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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the commands print no secret value, no base64 of one and no ciphertext, with
 * every logger at DEBUG and the AWS SDK's at TRACE.
 */
@LocalAwsTest
@LocalCredentials
class SecretBakerCommandLoggingTests {

	private final LocalAwsServer server;

	private final SecretLeakCheck leakCheck;

	@TempDir
	Path folder;

	SecretBakerCommandLoggingTests(LocalAwsServer server) {
		this.server = server;
		this.leakCheck = new SecretLeakCheck(server);
	}

	@Test
	void bakesChecksAndWritesThePolicyWithoutPrintingValuesOrCiphertextsAtDebugAndSdkTrace() throws IOException {
		String keyArn = this.server.createKey("alias/orders");
		this.server.putSecureString("/orders/prod/db", this.leakCheck.newValue(), keyArn);
		this.server.putSecureString("/orders/prod/token", this.leakCheck.newValue(), "alias/orders");
		Path serverless = Files.writeString(this.folder.resolve("serverless.yml"), """
				service: orders
				custom:
				  secretBaker:
				    DB_PASSWORD: /${self:service}/${sls:stage}/db
				    TOKEN: /${self:service}/${sls:stage}/token
				""");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		List<String> aws = List.of("--region", this.server.region(), "--endpoint-url",
				this.server.endpoint().toString());
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream systemOut = System.out;
		PrintStream systemErr = System.err;
		PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		StandardErrorLoggerProvider.enable(Level.DEBUG, Level.TRACE);
		try {
			assertThat(execute(concat(List.of("bake", "--serverless-config", serverless.toString(), "--stage", "prod",
					"-o", output.toString(), "--verbose"), aws)))
				.isZero();
			this.server.putSecureString("/orders/prod/db", this.leakCheck.newValue(), keyArn);
			assertThat(execute(concat(List.of("check", "--serverless-config", serverless.toString(), "--stage", "prod",
					"--file", output.toString()), aws)))
				.isEqualTo(ExitCodes.FINDINGS);
			assertThat(execute(List.of("policy", output.toString(), "--format", "yaml"))).isZero();
			assertThat(execute(List.of("inspect", output.toString()))).isZero();
		}
		finally {
			StandardErrorLoggerProvider.disable();
			System.setOut(systemOut);
			System.setErr(systemErr);
		}
		String text = captured.toString(StandardCharsets.UTF_8);
		BakedSecrets baked = BakedSecretsFile.read(output);
		assertThat(baked.names()).containsExactly("DB_PASSWORD", "TOKEN");
		assertThat(text).contains("DEBUG software.amazon.awssdk", "TRACE software.amazon.awssdk", "kms:Decrypt",
				"1 difference");
		this.leakCheck.assertNoneIn(List.of(text));
		baked.forEach((secret) -> assertThat(text).doesNotContain(secret.ciphertext()));
	}

	private static int execute(List<String> arguments) {
		CommandLine commandLine = SecretBakerCommand.commandLine(Map.<String, String>of()::get);
		commandLine.setOut(new PrintWriter(System.out, true));
		commandLine.setErr(new PrintWriter(System.err, true));
		return commandLine.execute(arguments.toArray(String[]::new));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
