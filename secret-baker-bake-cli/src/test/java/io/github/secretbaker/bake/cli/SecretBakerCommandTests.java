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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.bake.manifest.ExpansionBombs;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretBakerCommand} and its subcommands, run in-process against the
 * local KMS and SSM server.
 */
@LocalAwsTest
@LocalCredentials
class SecretBakerCommandTests {

	private final LocalAwsServer server;

	@TempDir
	Path folder;

	private String keyArn;

	private final SecretLeakCheck leakCheck;

	private final List<Run> runs = new ArrayList<>();

	SecretBakerCommandTests(LocalAwsServer server) {
		this.server = server;
		this.leakCheck = new SecretLeakCheck(server);
	}

	@BeforeEach
	void setUp() {
		this.keyArn = this.server.createKey();
	}

	@AfterEach
	void neverPrintsValuesOrCiphertexts() {
		this.leakCheck.assertNoneIn(this.runs.stream().map((run) -> run.out() + run.err()).toList());
	}

	@Test
	void bakesSecretsIntoOutputFileAndPrintsOneSummaryLine() {
		put("/app/db/password");
		put("/app/api-key");
		Path output = this.folder.resolve("target/classes/secret-baker-secrets.json");
		Run run = run("bake", "--secret", "DB_PASSWORD=/app/db/password", "-s", "API_KEY=/app/api-key", "--output",
				output.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("Baked 2 secrets into " + output + System.lineSeparator());
		assertThat(run.err()).isEmpty();
		BakedSecrets baked = BakedSecretsFile.read(output);
		assertThat(baked.names()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(baked.get("DB_PASSWORD").keyId()).isEqualTo(this.keyArn);
	}

	@Test
	void bakesFromManifestAndServerlessConfigTogetherIgnoringLegacySecretsWithAWarning() throws IOException {
		put("/app/db/password");
		put("API_KEY");
		put("/legacy/token");
		Path manifest = write("secret-baker.yml", "secrets:\n  - name: DB_PASSWORD\n    path: /app/db/password:1\n");
		Path serverless = write("serverless.yml", """
				provider:
				  environment:
				    TABLE: !Ref Table
				  environmentSecrets:
				    TOKEN: /legacy/token
				custom:
				  secretBaker:
				    - API_KEY
				""");
		Path output = this.folder.resolve("out.json");
		Run run = run("bake", "--manifest", manifest.toString(), "--serverless-config", serverless.toString(), "-o",
				output.toString(), "--verbose");
		assertThat(run.exitCode()).isZero();
		assertThat(BakedSecretsFile.read(output).names()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(run.err()).contains("warning: " + serverless + ": provider.environmentSecrets (line 4) is ignored");
		assertThat(run.out())
			.contains("DB_PASSWORD <- /app/db/password:1 (version 1, key " + this.keyArn + ", Standard)")
			.contains("1 GetParameters calls")
			.endsWith("Baked 2 secrets into " + output + System.lineSeparator());
	}

	@Test
	void bakesAndChecksAServerlessConfigOfTheGivenStageAndParamsInItsProviderRegion() throws IOException {
		String db = put("/orders/prod/db");
		String token = put("/orders/eu/token");
		Path serverless = write("serverless.yml", """
				service: orders
				provider:
				  name: aws
				  stage: ${opt:stage, 'dev'}
				  region: ${param:region}
				params:
				  default:
				    tokenPath: /${self:service}/${env:TOKEN_ZONE}/token
				custom:
				  secretBaker:
				    DB_PASSWORD: /${self:service}/${sls:stage}/db
				    TOKEN: ${param:tokenPath}
				""");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		Map<String, String> environment = Map.of("TOKEN_ZONE", "eu");
		Run run = runIn(environment, "bake", "--serverless-config", serverless.toString(), "--stage", "prod", "--param",
				"region=" + this.server.region(), "-o", output.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		BakedSecrets baked = BakedSecretsFile.read(output);
		assertThat(baked.get("DB_PASSWORD").arn()).isEqualTo(db);
		assertThat(baked.get("TOKEN").arn()).isEqualTo(token);
		Run check = runIn(environment, "check", "--serverless-config", serverless.toString(), "--stage", "prod",
				"--param", "region=" + this.server.region(), "--file", output.toString());
		assertThat(check.exitCode()).isZero();
		Run withoutStage = runIn(environment, "check", "--serverless-config", serverless.toString(), "--param",
				"region=" + this.server.region(), "--file", output.toString());
		assertThat(withoutStage.exitCode()).isEqualTo(ExitCodes.FINDINGS);
		assertThat(withoutStage.out()).contains("DB_PASSWORD");
	}

	@Test
	void exitsWithTwoNamingTheLineWhenTheStageIsNeededAndNotGiven() throws IOException {
		Path serverless = write("serverless.yml", """
				custom:
				  secretBaker:
				    DB_PASSWORD: /app/${opt:stage}/db
				""");
		Path output = write("secret-baker-secrets.json", "{}\n");
		Run run = run("bake", "--serverless-config", serverless.toString(), "-o", output.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err()).isEqualTo("error: invalid manifest '" + serverless + "':" + System.lineSeparator()
				+ "  line 3: secret 'DB_PASSWORD' path: '${opt:stage}' has no value: pass --stage "
				+ "(secret-baker.stage in the Maven plugin), or give a default, such as ${opt:stage, 'value'}"
				+ System.lineSeparator());
		assertThat(output).hasContent("{}");
	}

	@Test
	void refusesAnEndpointOverPlainHttpToAnotherHostBeforeCallingIt() {
		Path output = this.folder.resolve("secret-baker-secrets.json");
		Run run = run("bake", "-s", "DB=/app/db", "--endpoint-url", "http://192.0.2.10:4566", "-o", output.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err())
			.contains(
					"the endpoint in --endpoint-url is plain http to 192.0.2.10, a host that is " + "not this machine")
			.contains("or set --allow-insecure-endpoint if that network path is trusted");
		assertThat(output).doesNotExist();
	}

	@Test
	void writesEmptyObjectForEmptyManifestAndSaysSo() throws IOException {
		Path manifest = write("secret-baker.yml", "secrets:\n");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		Run run = run("bake", "-m", manifest.toString(), "-o", output.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(Files.readString(output)).isEqualTo("{}\n");
		assertThat(run.out()).isEqualTo("Baked no secrets into " + output
				+ " (the manifest lists none, so the file is {})" + System.lineSeparator());
		assertThat(this.server.callCount("GetParameters")).isZero();
	}

	@Test
	void recordsKeyArnOfAliasOrWarnsOnceThatPolicyWillNeedKeyArn() {
		String aliasedKey = this.server.createKey("alias/app");
		this.server.putSecureString("/app/a", this.leakCheck.newValue(), "alias/app");
		this.server.putSecureString("/app/b", this.leakCheck.newValue(), "alias/app");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		Run run = run("bake", "-s", "A=/app/a", "-s", "B=/app/b", "-o", output.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(BakedSecretsFile.read(output).asList()).extracting(BakedSecret::keyId).containsOnly(aliasedKey);
		assertThat(run("policy", output.toString()).exitCode()).isZero();
		this.server.faults().deny("DescribeKey", "*");
		Run denied = run("bake", "-s", "A=/app/a", "-s", "B=/app/b", "-o", output.toString(), "--quiet");
		assertThat(denied.exitCode()).isZero();
		assertThat(denied.out()).isEmpty();
		assertThat(denied.err().lines()).singleElement()
			.asString()
			.startsWith("warning: Secrets A, B: the key alias ARN is recorded as keyId")
			.contains("AccessDeniedException", "'secret-baker policy' will need --key-arn", "kms:DescribeKey");
		assertThat(BakedSecretsFile.read(output).asList()).extracting(BakedSecret::keyId)
			.allSatisfy((keyId) -> assertThat(keyId).endsWith(":alias/app"));
		Run policy = run("policy", output.toString());
		assertThat(policy.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(policy.err()).contains("--key-arn");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void quietPrintsNothingOnSuccess() {
		put("/app/db");
		Run run = run("bake", "-s", "DB=/app/db", "-o", this.folder.resolve("f.json").toString(), "--quiet");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEmpty();
	}

	@Test
	void exitsWithTwoListingEveryGuardOffenderAndKeepsPreviousFile() throws IOException {
		put("/app/ok");
		this.server.putString("/app/plain", this.leakCheck.newValue());
		this.server.putStringList("/app/list", this.leakCheck.newValue());
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "OK=/app/ok", "-o", output.toString()).exitCode()).isZero();
		byte[] before = Files.readAllBytes(output);
		Run run = run("bake", "-s", "OK=/app/ok", "-s", "PLAIN=/app/plain", "-s", "LIST=/app/list", "-s",
				"GONE=/app/gone", "-s", "OLD=/app/ok:9", "-o", output.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("4 of the requested secrets cannot be baked")
			.contains("Secret 'PLAIN' (/app/plain)", "Secret 'LIST' (/app/list)", "Secret 'GONE' (/app/gone)",
					"Secret 'OLD' (/app/ok:9)");
		assertThat(Files.readAllBytes(output)).isEqualTo(before);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(output);
		}
	}

	@Test
	void exitsWithThreeNamingDeniedParameter() {
		put("/app/ok");
		put("/app/secret");
		this.server.faults().deny("GetParameters", "/app/secret");
		Run run = run("bake", "-s", "OK=/app/ok", "-s", "SECRET=/app/secret", "-o",
				this.folder.resolve("f.json").toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(run.err()).contains("Secret 'SECRET' (/app/secret)", "AccessDeniedException")
			.doesNotContain("Secret 'OK'");
		assertThat(this.folder.resolve("f.json")).doesNotExist();
	}

	@Test
	void exitsWithThreeWhenOutputCannotBeWritten() throws IOException {
		put("/app/db");
		Path blocker = write("not-a-folder", "");
		Run run = run("bake", "-s", "DB=/app/db", "-o", blocker.resolve("secret-baker-secrets.json").toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(run.err()).contains("Cannot write baked secrets file", "not-a-folder");
	}

	@Test
	void exitsWithThreeWhenOutputIsNonEmptyFolderLeavingItUntouchedAndNoTemporaryFile() throws IOException {
		put("/app/db");
		Path output = Files.createDirectories(this.folder.resolve("secret-baker-secrets.json"));
		Path previous = write("secret-baker-secrets.json/previous.json", "{}\n");
		Run run = run("bake", "-s", "DB=/app/db", "-o", output.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("Cannot write baked secrets file '" + output + "'");
		assertThat(output).isDirectory();
		assertThat(previous).hasContent("{}\n");
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(output);
		}
		try (Stream<Path> files = Files.list(output)) {
			assertThat(files).containsExactly(previous);
		}
	}

	@Test
	void exitsWithTwoNamingManifestLines() throws IOException {
		Path manifest = write("secret-baker.yml", "secrets:\n  - A\n  - A\nunknown: 1\n");
		Run run = run("bake", "-m", manifest.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err()).contains("invalid manifest '" + manifest + "'",
				"line 3: secret 'A' is already listed at line 2", "line 4: unknown key 'unknown'");
	}

	@Test
	void exitsWithTwoOnUnknownOptionAndInvalidConcurrencyPrintingOneErrorLineAndTheHelpHint() {
		Run unknown = run("bake", "--no-such-option");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(unknown.err().lines()).first().isEqualTo("error: Unknown option: '--no-such-option'");
		assertThat(unknown.err().lines()).last().isEqualTo("Run 'secret-baker bake --help' for usage.");
		assertThat(unknown.err()).doesNotContain("Usage:");
		Run run = run("bake", "-s", "A=/a", "--concurrency", "0");
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err().lines()).containsExactly("error: --concurrency must be 1 or more but was 0",
				"Run 'secret-baker bake --help' for usage.");
	}

	@Test
	void printsOneErrorLineAndTheHelpHintForAnOptionWithoutItsValue() {
		Run run = run("policy", "--format");
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err().lines()).containsExactly(
				"error: Missing required parameter for option '--format' (FORMAT)",
				"Run 'secret-baker policy --help' for usage.");
	}

	@Test
	void callsAnInvalidParamAnInvalidParamNotAnInvalidManifest() throws IOException {
		Path serverless = write("serverless.yml", "custom:\n  secretBaker:\n    - API_KEY\n");
		Run run = run("bake", "--serverless-config", serverless.toString(), "--param", "no-equals-sign", "-o",
				this.folder.resolve("out.json").toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err().lines()).containsExactly(
				"error: invalid --param: value 1 is not KEY=VALUE, such as \"domain=example.com\"",
				"Run 'secret-baker bake --help' for usage.");
		Run secret = run("bake", "-s", "A=/a", "-s", "A=/b", "-o", this.folder.resolve("out.json").toString());
		assertThat(secret.err().lines()).containsExactly("error: invalid --secret: secret 'A' is listed more than once",
				"Run 'secret-baker bake --help' for usage.");
	}

	@Test
	void reportsMissingCredentialsInOneShortLineNamingTheCommandLineOption() {
		Run run = run("bake", "-s", "A=/app/a", "-s", "B=/app/b", "--profile",
				"secret-baker-missing-" + UUID.randomUUID(), "-o", this.folder.resolve("out.json").toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(run.err()).isEqualTo("error: no AWS credentials found: set AWS_ACCESS_KEY_ID and "
				+ "AWS_SECRET_ACCESS_KEY, or pass --profile" + System.lineSeparator());
		assertThat(this.folder.resolve("out.json")).doesNotExist();
	}

	@ParameterizedTest
	@MethodSource("expansionBombs")
	void refusesAServerlessConfigThatExpandsBeyondTheLimitsInAFewLinesKeepingThePreviousFile(String content,
			String line) throws IOException {
		put("/app/db");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "DB_PASSWORD=/app/db", "-o", output.toString()).exitCode()).isZero();
		byte[] before = Files.readAllBytes(output);
		Path serverless = write("serverless.yml", content);
		this.server.resetCounters();
		Run run = run("bake", "--serverless-config", serverless.toString(), "-o", output.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).startsWith("error: invalid manifest '" + serverless + "':")
			.contains(line)
			.doesNotContain("\tat ", "Exception", "Error")
			.hasSizeLessThan(600);
		assertThat(run.err().lines()).hasSize(2);
		assertThat(Files.readAllBytes(output)).isEqualTo(before);
		assertThat(this.server.callCount("GetParameters")).isZero();
	}

	static Stream<Arguments> expansionBombs() {
		return Stream.of(Arguments.of(ExpansionBombs.doubling("abcdefghij", 24), "line 10: "),
				Arguments.of(ExpansionBombs.chain(2000), "line 1939: "),
				Arguments.of(ExpansionBombs.aliases(9, 8), "at line 7: "),
				Arguments.of(ExpansionBombs.nesting(20_000), "line 2: "));
	}

	@Test
	void describesAdvancedTierParametersAsBakedWithAWarningInTheHelp() {
		Run help = run("bake", "--help");
		assertThat(help.out()).contains("Bakes Advanced-tier parameters (AWS Encryption SDK messages) with a warning")
			.doesNotContain("Advanced-tier parameters, values");
	}

	@Test
	void checkExitsWithOneAfterOverwriteAndZeroAfterRebake() {
		put("/app/db");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "DB=/app/db", "-o", output.toString()).exitCode()).isZero();
		Run clean = run("check", "-s", "DB=/app/db", "--file", output.toString());
		assertThat(clean.exitCode()).isZero();
		assertThat(clean.out()).contains("is up to date");
		put("/app/db");
		Run drift = run("check", "-s", "DB=/app/db", "--file", output.toString());
		assertThat(drift.exitCode()).isEqualTo(ExitCodes.FINDINGS);
		assertThat(drift.out()).contains("Secret 'DB': /app/db is at version 2 in SSM but version 1 is baked")
			.contains("1 difference");
		Run json = run("check", "-s", "DB=/app/db", "--file", output.toString(), "--format", "json");
		assertThat(json.exitCode()).isEqualTo(ExitCodes.FINDINGS);
		JsonNode report = JsonMapper.shared().readTree(json.out());
		assertThat(report.get("clean").asBoolean()).isFalse();
		assertThat(report.get("findings").get(0).get("secret").asString()).isEqualTo("DB");
		assertThat(report.get("findings").get(0).get("kind").asString()).isEqualTo("NEWER_VERSION");
		assertThat(run("bake", "-s", "DB=/app/db", "-o", output.toString()).exitCode()).isZero();
		assertThat(run("check", "-s", "DB=/app/db", "--file", output.toString()).exitCode()).isZero();
	}

	@Test
	void policyPrintsStatementAsJsonAndYaml() {
		String arn = put("/app/db");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "DB=/app/db", "-o", output.toString()).exitCode()).isZero();
		Run json = run("policy", output.toString());
		assertThat(json.exitCode()).isZero();
		JsonNode statement = JsonMapper.shared().readTree(json.out());
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").get(0).asString()).isEqualTo(this.keyArn);
		assertThat(statement.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.get(0)
			.asString()).isEqualTo(arn);
		Run yaml = run("policy", output.toString(), "--format", "yaml", "--document");
		assertThat(yaml.exitCode()).isZero();
		JsonNode document = new YAMLMapper().readTree(yaml.out());
		assertThat(document.get("Statement").get(0)).isEqualTo(statement);
	}

	@Test
	void policyExitsWithTwoForNodePluginFileWithoutKeyArn() throws IOException {
		String arn = put("/app/db");
		String ciphertext = this.leakCheck.storedCiphertexts().get(0);
		Path file = this.folder.resolve("node.json");
		BakedSecretsFile.write(BakedSecrets.of(List.of(BakedSecret.of("DB", ciphertext, arn))), file);
		Run run = run("policy", file.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err()).contains("secret 'DB' has no keyId", "--key-arn");
		Run withKey = run("policy", file.toString(), "--key-arn", this.keyArn);
		assertThat(withKey.exitCode()).isZero();
		assertThat(withKey.err()).startsWith("warning: Secret 'DB' records no key ARN")
			.contains("cannot be checked against it");
		assertThat(JsonMapper.shared().readTree(withKey.out()).get("Resource").get(0).asString())
			.isEqualTo(this.keyArn);
	}

	@Test
	void inspectListsMetadataWithoutValues() {
		String arn = put("/app/db");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "-s", "DB=/app/db", "-o", output.toString()).exitCode()).isZero();
		Run run = run("inspect", output.toString());
		assertThat(run.exitCode()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("NAME").contains("ARN", "VERSION", "KEY", "TIER");
		assertThat(lines.get(1).split("\\s+")).containsExactly("DB", arn, "1", this.keyArn, "Standard",
				"kms-ciphertext");
	}

	@Test
	void inspectExitsWithTwoForInvalidFile() throws IOException {
		Path file = write("broken.json", "{\"A\": {\"arn\": \"x\"}}");
		Run run = run("inspect", file.toString());
		assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(run.err()).contains("broken.json", "'A'");
	}

	@Test
	void bakesInspectsChecksAndWritesPolicyForNamesThatAreNotEnvironmentVariableNames() throws IOException {
		String dbArn = put("/app/db/password");
		put("/app/my-secret");
		Path serverless = write("serverless.yml", """
				custom:
				  secretBaker:
				    - /app/db/password
				    - name: my-secret.v1
				      path: /app/my-secret
				""");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		Run bake = run("bake", "--serverless-config", serverless.toString(), "-o", output.toString());
		assertThat(bake.exitCode()).isZero();
		assertThat(bake.err()).contains("warning: Secrets '/app/db/password', 'my-secret.v1': the names are not valid "
				+ "environment variable names");
		assertThat(BakedSecretsFile.read(output).names()).containsExactly("/app/db/password", "my-secret.v1");
		Run inspect = run("inspect", output.toString());
		assertThat(inspect.exitCode()).isZero();
		assertThat(inspect.out().lines().skip(1).map((line) -> line.split("\\s+")[0]))
			.containsExactly("/app/db/password", "my-secret.v1");
		Run check = run("check", "--serverless-config", serverless.toString(), "--file", output.toString());
		assertThat(check.exitCode()).isZero();
		Run policy = run("policy", output.toString());
		assertThat(policy.exitCode()).isZero();
		assertThat(JsonMapper.shared()
			.readTree(policy.out())
			.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.get(0)
			.asString()).isEqualTo(dbArn);
	}

	@Test
	void bakesTheAnchoredPathOfAnAliasNotTheAnchorName() throws IOException {
		String arn = put("/app/db/password");
		put("p");
		Path manifest = write("secret-baker.yml", """
				secrets:
				  DB_PASSWORD: &p /app/db/password
				  DB_PASSWORD_COPY: *p
				""");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(run("bake", "--manifest", manifest.toString(), "-o", output.toString()).exitCode()).isZero();
		assertThat(BakedSecretsFile.read(output).get("DB_PASSWORD_COPY").arn()).isEqualTo(arn);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "bake", "check", "policy", "inspect" })
	void printsHelpAndVersionOnEveryCommand(String command) {
		Run help = command.isEmpty() ? run("--help") : run(command, "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: secret-baker", "Exit codes:");
		Run version = command.isEmpty() ? run("--version") : run(command, "--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).startsWith("secret-baker 0.1.0");
	}

	private String put(String name) {
		return this.server.putSecureString(name, this.leakCheck.newValue(), this.keyArn);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

	private Run run(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		if (List.of("bake", "check").contains(args[0]) && !arguments.contains("--help")
				&& !arguments.contains("--version")) {
			arguments.addAll(List.of("--region", this.server.region()));
		}
		return runIn(Map.of(), arguments.toArray(String[]::new));
	}

	private Run runIn(Map<String, String> environment, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		if (List.of("bake", "check").contains(args[0]) && !arguments.contains("--help")
				&& !arguments.contains("--version") && !arguments.contains("--endpoint-url")) {
			arguments.addAll(List.of("--endpoint-url", this.server.endpoint().toString()));
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = SecretBakerCommand.commandLine(environment::get);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(arguments.toArray(String[]::new));
		Run run = new Run(exitCode, out.toString(), err.toString());
		this.runs.add(run);
		return run;
	}

	/**
	 * The outcome of one command.
	 */
	record Run(int exitCode, String out, String err) {

	}

}
