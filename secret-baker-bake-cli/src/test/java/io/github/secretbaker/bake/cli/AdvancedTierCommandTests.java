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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the commands on Advanced-tier parameters and on a parameter shared from
 * another account, named by its ARN in the manifest, run in-process against the local KMS
 * and SSM server.
 */
@LocalAwsTest
@LocalCredentials
class AdvancedTierCommandTests {

	private static final String OTHER_ACCOUNT = "111122223333";

	private final LocalAwsServer server;

	private final SecretLeakCheck leakCheck;

	private final List<String> sharedCiphertexts = new ArrayList<>();

	private final List<String> outputs = new ArrayList<>();

	@TempDir
	Path folder;

	private String keyArn;

	private String sharedKeyArn;

	private String advancedArn;

	private String sharedArn;

	private Path manifest;

	private Path output;

	AdvancedTierCommandTests(LocalAwsServer server) {
		this.server = server;
		this.leakCheck = new SecretLeakCheck(server);
	}

	@BeforeEach
	void bake() throws IOException {
		this.keyArn = this.server.createKey("alias/app");
		this.sharedKeyArn = this.server.createKeyInAccount(OTHER_ACCOUNT);
		this.advancedArn = this.server.putAdvancedSecureString("/app/tls/chain", this.leakCheck.newValue().repeat(90),
				"alias/app");
		this.sharedArn = putShared();
		this.manifest = Files.writeString(this.folder.resolve("secret-baker.yml"), """
				secrets:
				  TLS_CHAIN: /app/tls/chain
				  SHARED_TOKEN: %s
				""".formatted(this.sharedArn));
		this.output = this.folder.resolve("secret-baker-secrets.json");
	}

	@AfterEach
	void neverPrintsValuesOrCiphertexts() {
		this.leakCheck.assertNoneIn(this.outputs);
		for (String output : this.outputs) {
			for (String ciphertext : this.sharedCiphertexts) {
				assertThat(output).doesNotContain(ciphertext);
			}
		}
	}

	@Test
	void bakesAdvancedAndSharedParametersWithoutAWarning() {
		Run run = run("bake", "-m", this.manifest.toString(), "-o", this.output.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).doesNotContain("warning");
		assertThat(BakedSecretsFile.read(this.output).asList()).extracting(BakedSecret::arn)
			.containsExactly(this.sharedArn, this.advancedArn);
	}

	@Test
	void inspectShowsTheTierAndTheMessageFormat() {
		assertThat(run("bake", "-m", this.manifest.toString(), "-o", this.output.toString()).exitCode()).isZero();
		Run inspect = run("inspect", this.output.toString());
		assertThat(inspect.exitCode()).isZero();
		List<String> lines = inspect.out().lines().toList();
		assertThat(lines.get(0)).endsWith("TIER      FORMAT");
		assertThat(lines).filteredOn((line) -> line.startsWith("SHARED_TOKEN"))
			.singleElement()
			.asString()
			.contains(this.sharedArn, this.sharedKeyArn)
			.endsWith("Advanced  encryption-sdk-message");
	}

	@Test
	void policyAllowsDecryptOnEachDataKeysKeyForItsParameterArn() {
		assertThat(run("bake", "-m", this.manifest.toString(), "-o", this.output.toString()).exitCode()).isZero();
		Run policy = run("policy", this.output.toString());
		assertThat(policy.exitCode()).isZero();
		JsonNode statement = JsonMapper.shared().readTree(policy.out());
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(this.keyArn, this.sharedKeyArn);
		assertThat(statement.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.valueStream()
			.map(JsonNode::asString)).containsExactlyInAnyOrder(this.advancedArn, this.sharedArn);
	}

	@Test
	void checkFindsANewVersionOfTheSharedParameter() {
		assertThat(run("bake", "-m", this.manifest.toString(), "-o", this.output.toString()).exitCode()).isZero();
		assertThat(run("check", "-m", this.manifest.toString(), "--file", this.output.toString()).exitCode()).isZero();
		putShared();
		Run drift = run("check", "-m", this.manifest.toString(), "--file", this.output.toString());
		assertThat(drift.exitCode()).isEqualTo(1);
		assertThat(drift.out())
			.contains("SHARED_TOKEN", this.sharedArn + " is at version 2 in SSM but version 1 is baked")
			.doesNotContain("TLS_CHAIN");
	}

	private String putShared() {
		String arn = this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", this.leakCheck.newValue(),
				this.sharedKeyArn);
		this.sharedCiphertexts.add(this.server.ssmClient()
			.getParameter((request) -> request.name(arn).withDecryption(false))
			.parameter()
			.value());
		return arn;
	}

	private Run run(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		if (List.of("bake", "check").contains(args[0])) {
			arguments
				.addAll(List.of("--region", this.server.region(), "--endpoint-url", this.server.endpoint().toString()));
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = SecretBakerCommand.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(arguments.toArray(String[]::new));
		this.outputs.add(out + "\n" + err);
		return new Run(exitCode, out.toString(), err.toString());
	}

	/**
	 * The outcome of one command.
	 */
	record Run(int exitCode, String out, String err) {

	}

}
