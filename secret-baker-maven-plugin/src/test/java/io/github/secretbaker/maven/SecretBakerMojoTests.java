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

package io.github.secretbaker.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the plugin's goals, run against the local KMS and SSM server.
 */
@LocalAwsTest
@LocalCredentials
class SecretBakerMojoTests {

	private final LocalAwsServer server;

	private final CapturingLog log = new CapturingLog();

	@TempDir
	Path project;

	SecretBakerMojoTests(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void bakesManifestIntoBuildOutputWithoutDecrypting() throws Exception {
		String value = secretValue();
		String keyArn = this.server.createKey("alias/app");
		String arn = this.server.putSecureString("/app/db/password", value, keyArn);
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n");
		this.server.resetCounters();
		BakeMojo mojo = configure(new BakeMojo());
		mojo.output = output().toFile();
		mojo.execute();
		BakedSecrets baked = BakedSecretsFile.read(output());
		BakedSecret secret = baked.get("DB_PASSWORD");
		assertThat(secret).isNotNull();
		assertThat(secret.arn()).isEqualTo(arn);
		assertThat(secret.keyId()).isEqualTo(keyArn);
		assertThat(secret.version()).isEqualTo(1L);
		assertThat(this.server.callCount("Decrypt")).isZero();
		assertThat(this.log.text()).contains("Baked 1 secret into " + output())
			.contains("DB_PASSWORD <- " + arn)
			.doesNotContain(value)
			.doesNotContain(secret.ciphertext());
	}

	@Test
	void combinesPomSecretsWithManifest() throws Exception {
		String keyArn = this.server.createKey();
		this.server.putSecureString("/app/db/password", secretValue(), keyArn);
		this.server.putSecureString("/app/api/token", secretValue(), keyArn);
		writeManifest("secrets:\n  - name: DB_PASSWORD\n    path: /app/db/password\n");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.manifest = this.project.resolve("secret-baker.yml").toFile();
		mojo.secrets = Map.of("API_TOKEN", "/app/api/token");
		mojo.output = output().toFile();
		mojo.execute();
		assertThat(BakedSecretsFile.read(output()).names()).containsExactly("API_TOKEN", "DB_PASSWORD");
	}

	@Test
	void readsTheDefaultManifestOnlyWhenNoOtherSourceIsConfiguredAsTheCommandLineDoes() throws Exception {
		String db = this.server.putSecureString("/orders/db", secretValue(), this.server.createKey());
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n");
		Path serverless = this.project.resolve("serverless.yml");
		Files.writeString(serverless, "custom:\n  secretBaker:\n    DB_PASSWORD: /orders/db\n");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.serverlessConfig = serverless.toFile();
		mojo.output = output().toFile();
		mojo.execute();
		assertThat(BakedSecretsFile.read(output()).get("DB_PASSWORD").arn()).isEqualTo(db);
		mojo.manifest = this.project.resolve("secret-baker.yml").toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageEndingWith("secret 'DB_PASSWORD' is listed both in " + mojo.manifest + " and in " + serverless
					+ "; list it in one of them, or switch one source off by removing <manifest> or <serverlessConfig>");
	}

	@Test
	void failsNamingAConfiguredManifestThatDoesNotExist() {
		BakeMojo mojo = configure(new BakeMojo());
		mojo.manifest = this.project.resolve("other.yml").toFile();
		mojo.secrets = Map.of("API_TOKEN", "/app/api/token");
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("other.yml")
			.withMessageContaining("no such manifest file");
	}

	@Test
	void bakesPomSecretsAloneWhenThereIsNoManifest() throws Exception {
		this.server.putSecureString("/app/api/token", secretValue(), this.server.createKey());
		BakeMojo mojo = configure(new BakeMojo());
		mojo.secrets = Map.of("API_TOKEN", "/app/api/token:1");
		mojo.output = output().toFile();
		mojo.execute();
		assertThat(BakedSecretsFile.read(output()).names()).containsExactly("API_TOKEN");
	}

	@Test
	void failsNamingTheManifestWhenNoSecretsAreConfigured() {
		BakeMojo mojo = configure(new BakeMojo());
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("secret-baker.yml")
			.withMessageContaining("no such manifest file");
	}

	@Test
	void failsTheBuildListingEveryRefusedParameterAndKeepsThePreviousFile() throws Exception {
		this.server.putString("/app/plain", "not-a-secret");
		this.server.putSecureString("/app/ok", secretValue(), this.server.createKey());
		writeManifest("secrets:\n  PLAIN: /app/plain\n  MISSING: /app/missing\n  OK: /app/ok\n");
		Files.createDirectories(output().getParent());
		Files.writeString(output(), "{}\n");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("PLAIN")
			.withMessageContaining("/app/plain")
			.withMessageContaining("MISSING")
			.withMessageContaining("/app/missing")
			.withMessageNotContaining("'OK'")
			.withMessageNotContaining("not-a-secret");
		assertThat(output()).hasContent("{}");
		try (Stream<Path> files = Files.list(output().getParent())) {
			assertThat(files).containsExactly(output());
		}
	}

	@Test
	void reportsMissingCredentialsInOneLineNamingThePluginSetting() throws Exception {
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n  API_KEY: /app/api-key\n");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.profile = "secret-baker-missing-" + UUID.randomUUID();
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(mojo::execute)
			.withMessage("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure "
					+ "<profile> (-Dsecret-baker.profile=NAME)");
		assertThat(output()).doesNotExist();
	}

	@Test
	void reportsDeniedAccessAsBuildErrorNamingTheParameter() throws Exception {
		this.server.putSecureString("/app/db/password", secretValue());
		this.server.faults().deny("GetParameters", "/app/db/password");
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(mojo::execute)
			.withMessageContaining("DB_PASSWORD")
			.withMessageContaining("/app/db/password");
		assertThat(output()).doesNotExist();
	}

	@Test
	void skipsWhenAskedTo() throws Exception {
		BakeMojo mojo = configure(new BakeMojo());
		mojo.skip = true;
		mojo.output = output().toFile();
		mojo.execute();
		assertThat(output()).doesNotExist();
		assertThat(this.log.text()).contains("Skipping secret-baker:bake");
	}

	@Test
	void rejectsEndpointThatIsNotAUrl() {
		BakeMojo mojo = configure(new BakeMojo());
		mojo.secrets = Map.of("A", "/a");
		mojo.endpoint = "localhost";
		mojo.output = output().toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("<endpoint> 'localhost' is not a URL");
	}

	@Test
	void checkPassesAfterBakeAndFailsNamingTheSecretAfterRotation() throws Exception {
		String keyArn = this.server.createKey();
		this.server.putSecureString("/app/db/password", secretValue(), keyArn);
		this.server.putSecureString("/app/api/token", secretValue(), keyArn);
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n  API_TOKEN: /app/api/token\n");
		BakeMojo bake = configure(new BakeMojo());
		bake.output = output().toFile();
		bake.execute();
		CheckMojo check = configure(new CheckMojo());
		check.file = output().toFile();
		check.execute();
		assertThat(this.log.text()).contains("is up to date");
		String rotated = secretValue();
		this.server.putSecureString("/app/db/password", rotated, keyArn);
		CheckMojo checkAfterRotation = configure(new CheckMojo());
		checkAfterRotation.file = output().toFile();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(checkAfterRotation::execute)
			.withMessageContaining("1 difference")
			.withMessageContaining("DB_PASSWORD")
			.withMessageNotContaining("API_TOKEN")
			.withMessageNotContaining(rotated);
		CheckMojo lenientCheck = configure(new CheckMojo());
		lenientCheck.file = output().toFile();
		lenientCheck.failOnDrift = false;
		lenientCheck.execute();
		assertThat(this.log.text()).contains("[WARN] 1 difference");
	}

	@Test
	void policyAllowsDecryptOnlyOnBakedKeysAndParameters() throws Exception {
		String keyArn = this.server.createKey();
		String arn = this.server.putSecureString("/app/db/password", secretValue(), keyArn);
		String otherKeyArn = this.server.createKey();
		this.server.putSecureString("/app/other", secretValue(), otherKeyArn);
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n");
		BakeMojo bake = configure(new BakeMojo());
		bake.output = output().toFile();
		bake.execute();
		PolicyMojo policy = configure(new PolicyMojo());
		policy.file = output().toFile();
		policy.policyOutput = this.project.resolve("target/policy.json").toFile();
		policy.execute();
		JsonNode statement = JsonMapper.builder().build().readTree(policy.policyOutput);
		assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").values()).extracting(JsonNode::asString).containsExactly(keyArn);
		assertThat(statement.get("Condition").propertyNames()).containsExactly("StringEquals");
		JsonNode equals = statement.get("Condition").get("StringEquals");
		assertThat(equals.propertyNames()).containsExactly("kms:EncryptionContext:PARAMETER_ARN");
		assertThat(equals.get("kms:EncryptionContext:PARAMETER_ARN").values()).extracting(JsonNode::asString)
			.containsExactly(arn);
		assertThat(this.log.text()).contains("kms:Decrypt");
	}

	@Test
	void policyPrintsTheStatementOnItsOutputStreamAndLogsNothingButLogLines() throws Exception {
		String keyArn = this.server.createKey();
		String arn = this.server.putSecureString("/app/db/password", secretValue(), keyArn);
		writeManifest("secrets:\n  DB_PASSWORD: /app/db/password\n");
		BakeMojo bake = configure(new BakeMojo());
		bake.output = output().toFile();
		bake.execute();
		CapturingLog policyLog = new CapturingLog();
		PolicyMojo policy = configure(new PolicyMojo());
		policy.setLog(policyLog);
		policy.file = output().toFile();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		policy.out = new PrintStream(out, true, StandardCharsets.UTF_8);
		policy.execute();
		JsonNode statement = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(statement.get("Resource").get(0).asString()).isEqualTo(keyArn);
		assertThat(statement.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.get(0)
			.asString()).isEqualTo(arn);
		assertThat(policyLog.text()).isEmpty();
	}

	@Test
	void policyWarnsThatTheKeyArnsCannotBeCheckedAgainstANodePluginFile() throws Exception {
		String keyArn = this.server.createKey();
		String arn = this.server.putSecureString("/app/db/password", secretValue(), keyArn);
		String ciphertext = this.server.ssmClient()
			.getParameter((request) -> request.name("/app/db/password").withDecryption(false))
			.parameter()
			.value();
		BakedSecretsFile.write(BakedSecrets.of(List.of(BakedSecret.of("DB_PASSWORD", ciphertext, arn))), output());
		PolicyMojo policy = configure(new PolicyMojo());
		policy.file = output().toFile();
		policy.keyArns = List.of(keyArn);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		policy.out = new PrintStream(out, true, StandardCharsets.UTF_8);
		policy.execute();
		assertThat(this.log.text()).startsWith("[WARN] Secret 'DB_PASSWORD' records no key ARN")
			.contains("cannot be checked against it")
			.doesNotContain(ciphertext);
		assertThat(JsonMapper.builder()
			.build()
			.readTree(out.toString(StandardCharsets.UTF_8))
			.get("Resource")
			.get(0)
			.asString()).isEqualTo(keyArn);
	}

	@Test
	void bakesAServerlessConfigOfTheConfiguredStageAndParamsInItsProviderRegion() throws Exception {
		String db = this.server.putSecureString("/orders/prod/db", secretValue(), this.server.createKey());
		Path serverless = this.project.resolve("serverless.yml");
		Files.writeString(serverless, """
				service: orders
				provider:
				  stage: ${opt:stage, 'dev'}
				  region: ${param:region}
				custom:
				  secretBaker:
				    DB_PASSWORD: /${self:service}/${sls:stage}/${env:DB_SUFFIX}
				""");
		BakeMojo mojo = configure(new BakeMojo());
		mojo.region = null;
		mojo.serverlessConfig = serverless.toFile();
		mojo.stage = "prod";
		mojo.params = Map.of("region", this.server.region());
		mojo.environment = Map.of("DB_SUFFIX", "db")::get;
		mojo.output = output().toFile();
		mojo.execute();
		assertThat(BakedSecretsFile.read(output()).get("DB_PASSWORD").arn()).isEqualTo(db);
	}

	@Test
	void policyRejectsUnknownFormat() {
		PolicyMojo policy = configure(new PolicyMojo());
		policy.file = output().toFile();
		policy.format = "xml";
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(policy::execute)
			.withMessage("<format> must be 'json' or 'yaml' but was 'xml'");
	}

	private <T extends AbstractSecretBakerMojo> T configure(T mojo) {
		mojo.setLog(this.log);
		if (mojo instanceof AbstractSsmMojo ssmMojo) {
			ssmMojo.basedir = this.project.toFile();
			ssmMojo.endpoint = this.server.endpoint().toString();
			ssmMojo.region = this.server.region();
			ssmMojo.maxAttempts = 2;
		}
		return mojo;
	}

	private Path output() {
		return this.project.resolve("target/classes/secret-baker-secrets.json");
	}

	private void writeManifest(String content) throws IOException {
		Files.writeString(this.project.resolve("secret-baker.yml"), content, StandardCharsets.UTF_8);
	}

	private static String secretValue() {
		return "s3cr3t-" + UUID.randomUUID();
	}

}
