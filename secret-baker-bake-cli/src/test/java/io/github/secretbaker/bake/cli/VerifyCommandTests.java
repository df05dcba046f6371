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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.bake.LocalCredentials;
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
 * Tests for {@link VerifyCommand} and {@code check --verify}, run in-process against the
 * local KMS, SSM and STS server.
 */
@LocalAwsTest
@LocalCredentials
class VerifyCommandTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/orders-function";

	private final LocalAwsServer server;

	private final SecretLeakCheck leakCheck;

	private final List<SecretBakerCommandTests.Run> runs = new ArrayList<>();

	@TempDir
	Path folder;

	private String keyArn;

	private Path file;

	VerifyCommandTests(LocalAwsServer server) {
		this.server = server;
		this.leakCheck = new SecretLeakCheck(server);
	}

	@BeforeEach
	void bake() {
		this.keyArn = this.server.createKey();
		this.server.putSecureString("/orders/db", this.leakCheck.newValue(), this.keyArn);
		this.server.putSecureString("/orders/api", this.leakCheck.newValue(), this.keyArn);
		this.file = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "DB=/orders/db", "-s", "API=/orders/api", "-o", this.file.toString(), "--region",
				this.server.region())
			.exitCode()).isZero();
	}

	@AfterEach
	void neverPrintsValuesCiphertextsOrCredentials() {
		this.leakCheck.assertNoneIn(this.runs.stream().map((run) -> run.out() + run.err()).toList());
		this.runs.forEach((run) -> assertThat(run.out() + run.err()).doesNotContain("ASIA"));
	}

	@Test
	void exitsWithZeroWhenTheRoleCanDecryptEverySecret() {
		SecretBakerCommandTests.Run run = run("verify", "--file", this.file.toString(), "--role-arn", ROLE,
				"--external-id", "pipeline-1");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("Verified 2 secrets of " + this.file
				+ " as arn:aws:sts::123456789012:assumed-role/orders-function/secret-baker-verify: every one would decrypt."
				+ System.lineSeparator());
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
	}

	@Test
	void namesEachSecretAndTheStatementWhenTheRoleIsDeniedOnTheKey() {
		this.server.faults().denyTo(ROLE, "Decrypt", this.keyArn);
		SecretBakerCommandTests.Run run = run("verify", "--file", this.file.toString(), "--role-arn", ROLE);
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
		assertThat(run.out()).contains("2 would not decrypt")
			.contains("Secret 'API' (parameter " + this.server.parameterArn("/orders/api") + ", key " + this.keyArn
					+ "): access denied")
			.contains("Secret 'DB' (parameter " + this.server.parameterArn("/orders/db"))
			.contains("Add this statement to the role's policy")
			.contains("\"kms:EncryptionContext:PARAMETER_ARN\"");
		SecretBakerCommandTests.Run json = run("verify", "--file", this.file.toString(), "--role-arn", ROLE, "--format",
				"json");
		JsonNode report = JsonMapper.shared().readTree(json.out());
		assertThat(report.get("passed").asBoolean()).isFalse();
		assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("ACCESS_DENIED");
		assertThat(report.get("findings").get(0).get("statement").get("Action").asString()).isEqualTo("kms:Decrypt");
	}

	@Test
	void checkWithVerifyFailsOnADisabledKeyEvenWhenTheFileIsUpToDate() {
		this.server.kmsClient().disableKey((request) -> request.keyId(this.keyArn));
		SecretBakerCommandTests.Run run = run("check", "-s", "DB=/orders/db", "-s", "API=/orders/api", "--file",
				this.file.toString(), "--verify", "--region", this.server.region());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
		assertThat(run.out()).contains("is up to date")
			.contains("as the caller's own credentials: 2 would not decrypt")
			.contains("the key is disabled or pending deletion (DisabledException): enable " + this.keyArn);
	}

	@Test
	void reportsARoleThatCannotBeAssumedInOneLine() {
		this.server.faults().deny("AssumeRole", ROLE);
		SecretBakerCommandTests.Run run = run("verify", "--file", this.file.toString(), "--role-arn", ROLE);
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(run.err()).isEqualTo("error: Cannot assume role " + ROLE + ": STS answered AccessDenied (HTTP 403): "
				+ "the role's trust policy must allow this caller (sts:AssumeRole), with the external id if it asks for "
				+ "one, and the caller's policy must allow sts:AssumeRole on the role" + System.lineSeparator());
	}

	@Test
	void refusesRoleOptionsThatDoNotGoTogether() {
		assertThat(run("verify", "--file", this.file.toString(), "--external-id", "x").err())
			.contains("--external-id and --role-session-name go with --role-arn");
		assertThat(run("check", "-s", "DB=/orders/db", "--file", this.file.toString(), "--role-arn", ROLE).err())
			.contains("--role-arn goes with --verify");
	}

	private SecretBakerCommandTests.Run run(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.addAll(List.of("--endpoint-url", this.server.endpoint().toString()));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = SecretBakerCommand.commandLine((name) -> null);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(arguments.toArray(String[]::new));
		SecretBakerCommandTests.Run run = new SecretBakerCommandTests.Run(exitCode, out.toString(), err.toString());
		this.runs.add(run);
		return run;
	}

}
