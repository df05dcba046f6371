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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the executable jar with {@code java -jar} against the local KMS and SSM server,
 * with credentials and region from the environment as in CI.
 */
@LocalAwsTest
class ExecutableJarIT {

	private static final Path JAR = Path
		.of(System.getProperty("secret-baker.executable-jar", "target/secret-baker-bake-cli-0.1.0-SNAPSHOT.jar"));

	private final LocalAwsServer server;

	@TempDir
	Path folder;

	private String keyArn;

	private final SecretLeakCheck leakCheck;

	private final List<Run> runs = new ArrayList<>();

	ExecutableJarIT(LocalAwsServer server) {
		this.server = server;
		this.leakCheck = new SecretLeakCheck(server);
	}

	@BeforeEach
	void setUp() {
		assertThat(JAR).as("the executable jar, built by 'package'").isRegularFile();
		this.keyArn = this.server.createKey("alias/app");
	}

	@AfterEach
	void neverPrintsValuesOrCiphertexts() {
		this.leakCheck.assertNoneIn(this.runs.stream().map((run) -> run.out() + run.err()).toList());
	}

	@Test
	void bakesDefaultManifestInEverySyntaxIdenticallyTwice() throws IOException {
		put("/app/db/password");
		put("/app/db/password");
		put("API_KEY");
		String tokenArn = put("/shared/token");
		put("/app/legacy");
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/db/password").parameterVersion(1L).labels("prod"));
		Files.writeString(this.folder.resolve("secret-baker.yml"), """
				secrets:
				  - API_KEY
				  - name: DB_PASSWORD
				    path: /app/db/password:prod
				  - {name: DB_PASSWORD_LATEST, path: /app/db/password}
				  - name: TOKEN
				    path: %s
				  - name: PINNED
				    path: /app/db/password:2
				""".formatted(tokenArn));
		Run first = jar("bake", "--endpoint-url", this.server.endpoint().toString());
		assertThat(first.exitCode()).isZero();
		assertThat(first.out()).isEqualTo("Baked 5 secrets into secret-baker-secrets.json\n");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		BakedSecrets baked = BakedSecretsFile.read(output);
		assertThat(baked.get("DB_PASSWORD").version()).isEqualTo(1L);
		assertThat(baked.get("DB_PASSWORD_LATEST").version()).isEqualTo(2L);
		assertThat(baked.get("PINNED").version()).isEqualTo(2L);
		assertThat(baked.get("TOKEN").arn()).isEqualTo(tokenArn);
		assertThat(baked.get("API_KEY").keyId()).isEqualTo(this.keyArn);
		byte[] firstBytes = Files.readAllBytes(output);
		Run second = jar("bake", "--endpoint-url", this.server.endpoint().toString());
		assertThat(second.exitCode()).isZero();
		assertThat(Files.readAllBytes(output)).isEqualTo(firstBytes);
		assertThat(new String(firstBytes, StandardCharsets.UTF_8))
			.startsWith("{\n  \"API_KEY\": {\n    \"ciphertext\": \"")
			.endsWith("}\n");
	}

	@Test
	void bakesServerlessConfigWithEndpointFromEnvironmentIgnoringTheLegacyKeyAsTwoDotXDoes() throws IOException {
		put("/app/db");
		put("/app/legacy");
		Files.writeString(this.folder.resolve("serverless.yml"), """
				service: app
				provider:
				  name: aws
				  stage: ${opt:stage, 'dev'}
				  environment:
				    TABLE: !Ref Table
				  environmentSecrets:
				    LEGACY: /app/legacy
				custom:
				  secretBaker:
				    DB: /app/db
				""");
		Run run = jar(Map.of("AWS_ENDPOINT_URL", this.server.endpoint().toString()), "bake", "--serverless-config",
				"serverless.yml", "--output", "target/classes/secret-baker-secrets.json");
		assertThat(run.exitCode()).isZero();
		assertThat(BakedSecretsFile.read(this.folder.resolve("target/classes/secret-baker-secrets.json")).names())
			.containsExactly("DB");
		assertThat(run.err()).contains("warning: serverless.yml: provider.environmentSecrets (line 7) is ignored");
	}

	@Test
	void bakesEmptyManifestWithoutRegionOrCredentials() throws IOException {
		Files.writeString(this.folder.resolve("secret-baker.yml"), "secrets: []\n");
		Run run = jar(Map.of("AWS_REGION", "", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "bake");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo(
				"Baked no secrets into secret-baker-secrets.json (the manifest lists none, so the file is {})\n");
		assertThat(this.folder.resolve("secret-baker-secrets.json")).hasContent("{}\n");
		assertThat(this.server.callCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
	}

	@Test
	void takesRegionAndCredentialsFromNamedProfile() throws IOException {
		put("/app/db");
		Path config = Files.writeString(this.folder.resolve("aws-config"),
				"[profile ci]\nregion = " + this.server.region() + "\n");
		Path credentials = Files.writeString(this.folder.resolve("aws-credentials"),
				"[ci]\naws_access_key_id = AKIAPROFILESECRETBAK\naws_secret_access_key = profile-secret-key\n");
		Run run = jar(
				Map.of("AWS_REGION", "", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "", "AWS_CONFIG_FILE",
						config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString()),
				"bake", "--profile", "ci", "--endpoint-url", this.server.endpoint().toString(), "-s", "DB=/app/db",
				"-o", "out/secrets.json");
		assertThat(run.exitCode()).isZero();
		assertThat(BakedSecretsFile.read(this.folder.resolve("out/secrets.json")).names()).containsExactly("DB");
	}

	@Test
	void succeedsWhenThrottled() {
		List<String> arguments = new ArrayList<>(List.of("bake", "--endpoint-url", this.server.endpoint().toString()));
		for (int i = 0; i < 25; i++) {
			put("/app/t" + i);
			arguments.addAll(List.of("--secret", "T" + i + "=/app/t" + i));
		}
		this.server.faults().throttleNext("GetParameters", 2);
		Run run = jar(arguments.toArray(String[]::new));
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Baked 25 secrets");
		assertThat(this.server.callCount("GetParameters")).isEqualTo(3 + 2);
	}

	@Test
	void exitsWithThreeNamingDeniedParameterAndKeepsPreviousFile() throws IOException {
		put("/app/ok");
		put("/app/denied");
		Path output = this.folder.resolve("secret-baker-secrets.json");
		assertThat(jar("bake", "--endpoint-url", this.server.endpoint().toString(), "-s", "OK=/app/ok").exitCode())
			.isZero();
		byte[] before = Files.readAllBytes(output);
		this.server.faults().deny("GetParameters", "/app/denied");
		Run run = jar("bake", "--endpoint-url", this.server.endpoint().toString(), "-s", "OK=/app/ok", "-s",
				"DENIED=/app/denied");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("Secret 'DENIED' (/app/denied)", "AccessDeniedException");
		assertThat(Files.readAllBytes(output)).isEqualTo(before);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(output);
		}
	}

	@Test
	void exitsWithTwoListingEveryGuardOffender() {
		this.server.putString("/app/plain", this.leakCheck.newValue());
		this.server.putStringList("/app/list", this.leakCheck.newValue());
		this.server.putSecureString("/app/default-key", this.leakCheck.newValue());
		Run run = jar("bake", "--endpoint-url", this.server.endpoint().toString(), "-s", "PLAIN=/app/plain", "-s",
				"LIST=/app/list", "-s", "DEFAULT_KEY=/app/default-key", "-s", "MISSING=/app/missing");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("4 of the requested secrets cannot be baked", "'PLAIN' (/app/plain)",
				"'LIST' (/app/list)", "'DEFAULT_KEY' (/app/default-key)", "'MISSING' (/app/missing)");
		assertThat(this.folder.resolve("secret-baker-secrets.json")).doesNotExist();
	}

	@Test
	void checksPoliciesAndInspectsBakedFile() {
		String arn = put("/app/db");
		String endpoint = this.server.endpoint().toString();
		assertThat(jar("bake", "--endpoint-url", endpoint, "-s", "DB=/app/db").exitCode()).isZero();
		assertThat(jar("check", "--endpoint-url", endpoint, "-s", "DB=/app/db").exitCode()).isZero();
		put("/app/db");
		Run drift = jar("check", "--endpoint-url", endpoint, "-s", "DB=/app/db", "--format", "json");
		assertThat(drift.exitCode()).isEqualTo(1);
		assertThat(JsonMapper.shared().readTree(drift.out()).get("findings").get(0).get("kind").asString())
			.isEqualTo("NEWER_VERSION");
		Run policy = jar("policy", "--format", "yaml");
		assertThat(policy.exitCode()).isZero();
		JsonNode statement = new YAMLMapper().readTree(policy.out());
		assertThat(statement.get("Resource").get(0).asString()).isEqualTo(this.keyArn);
		assertThat(statement.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.get(0)
			.asString()).isEqualTo(arn);
		Run inspect = jar("inspect", "secret-baker-secrets.json");
		assertThat(inspect.exitCode()).isZero();
		assertThat(inspect.out()).contains("DB", arn, this.keyArn, "Standard");
	}

	@Test
	void printsVersionAndUsage() {
		Run version = jar("--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).startsWith("secret-baker 0.1.0-SNAPSHOT");
		Run help = jar("bake", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: secret-baker bake", "--serverless-config", "Exit codes:");
		Run noArguments = jar();
		assertThat(noArguments.exitCode()).isEqualTo(2);
		assertThat(noArguments.err()).contains("Usage: secret-baker");
	}

	@Test
	void printsHelpWithoutColorsUnderNoColorEvenWhenAnsiIsForced() {
		Run forced = jar(Map.of(), List.of("-Dpicocli.ansi=true"), "bake", "--help");
		assertThat(forced.exitCode()).isZero();
		assertThat(forced.out()).as("forced ANSI without NO_COLOR").contains("\u001B[");
		Run noColor = jar(Map.of("NO_COLOR", "1"), List.of("-Dpicocli.ansi=true"), "bake", "--help");
		assertThat(noColor.exitCode()).isZero();
		assertThat(noColor.out()).contains("Usage: secret-baker bake").doesNotContain("\u001B[");
		Run error = jar(Map.of("NO_COLOR", "1"), List.of("-Dpicocli.ansi=true"), "bake", "--no-such-option");
		assertThat(error.exitCode()).isEqualTo(2);
		assertThat(error.err()).contains("--no-such-option").doesNotContain("\u001B[");
	}

	private String put(String name) {
		return this.server.putSecureString(name, this.leakCheck.newValue(), this.keyArn);
	}

	private Run jar(String... args) {
		return jar(Map.of(), args);
	}

	private Run jar(Map<String, String> environment, String... args) {
		return jar(environment, List.of(), args);
	}

	private Run jar(Map<String, String> environment, List<String> jvmOptions, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.folder.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("AWS_"));
		env.put("AWS_ACCESS_KEY_ID", "AKIATESTSECRETBAKER0");
		env.put("AWS_SECRET_ACCESS_KEY", "test-secret-access-key");
		env.put("AWS_REGION", this.server.region());
		env.put("AWS_CONFIG_FILE", this.folder.resolve("no-aws-config").toString());
		env.put("AWS_SHARED_CREDENTIALS_FILE", this.folder.resolve("no-aws-credentials").toString());
		env.putAll(environment);
		env.values().removeIf(String::isEmpty);
		try {
			Path stdout = Files.createTempFile("secret-baker", ".out");
			Path stderr = Files.createTempFile("secret-baker", ".err");
			try {
				Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
				if (!process.waitFor(2, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new IllegalStateException("java -jar " + String.join(" ", args) + " did not finish");
				}
				Run run = new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
				this.runs.add(run);
				return run;
			}
			finally {
				Files.deleteIfExists(stdout);
				Files.deleteIfExists(stderr);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The outcome of one run of the jar.
	 */
	record Run(int exitCode, String out, String err) {

	}

}
