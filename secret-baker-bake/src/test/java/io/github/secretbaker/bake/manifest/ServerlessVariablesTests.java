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

package io.github.secretbaker.bake.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.secretbaker.bake.SecretRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServerlessVariables}, through
 * {@link Manifest#loadServerlessConfig(Path, ServerlessOptions)}.
 */
class ServerlessVariablesTests {

	@TempDir
	Path folder;

	@Test
	void resolvesStageVariablesFromTheStageOption() throws IOException {
		Path file = write("""
				service: orders
				provider:
				  name: aws
				  stage: ${opt:stage, 'qa'}
				custom:
				  prefix: /${self:service}/${sls:stage}
				  secretBaker:
				    DB_PASSWORD: ${self:custom.prefix}/db/password
				    API_KEY: /${self:provider.stage}/api-key:${opt:stage, "live"}
				""");
		assertThat(Manifest.loadServerlessConfig(file, options("prod", Map.of(), Map.of())).secrets()).containsExactly(
				new SecretRequest("DB_PASSWORD", "/orders/prod/db/password", null),
				new SecretRequest("API_KEY", "/prod/api-key", "prod"));
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())).secrets()).containsExactly(
				new SecretRequest("DB_PASSWORD", "/orders/qa/db/password", null),
				new SecretRequest("API_KEY", "/qa/api-key", "live"));
	}

	@Test
	void takesDevAsTheStageWhenNeitherOptionNorProviderStageGivesOne() throws IOException {
		Path file = write("""
				custom:
				  secretBaker:
				    - ${sls:stage}_TOKEN
				""");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())).secrets())
			.containsExactly(new SecretRequest("dev_TOKEN", "dev_TOKEN", null));
	}

	@Test
	void failsNamingTheLineAndTheFixWhenOptStageHasNoValueAndNoDefault() throws IOException {
		Path file = write("""
				custom:
				  secretBaker:
				    DB_PASSWORD: /app/${opt:stage}/db
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 3: secret 'DB_PASSWORD' path: "
					+ "'${opt:stage}' has no value: pass --stage (secret-baker.stage in the Maven plugin), or give a "
					+ "default, such as ${opt:stage, 'value'}"))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Invalid manifest '" + file + "'"));
	}

	@Test
	void resolvesNestedVariablesInAddressesAndDefaults() throws IOException {
		Path file = write("""
				provider:
				  stage: staging
				custom:
				  paths:
				    staging: /staging/db
				    prod: /prod/db
				  secretBaker:
				    - name: DB_PASSWORD
				      path: ${self:custom.paths.${opt:stage, self:provider.stage}}
				    - name: TOKEN
				      path: ${env:TOKEN_PATH, ${param:tokenPath, '/default/token'}}
				""");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())).secrets()).containsExactly(
				new SecretRequest("DB_PASSWORD", "/staging/db", null),
				new SecretRequest("TOKEN", "/default/token", null));
		assertThat(Manifest.loadServerlessConfig(file, options("prod", Map.of("tokenPath", "/p/token"), Map.of()))
			.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/prod/db", null),
					new SecretRequest("TOKEN", "/p/token", null));
		assertThat(Manifest
			.loadServerlessConfig(file, options("prod", Map.of("tokenPath", "/p/token"), Map.of("TOKEN_PATH", "/e/t")))
			.secrets()).contains(new SecretRequest("TOKEN", "/e/t", null));
	}

	@Test
	void resolvesParamsFromTheOptionsThenTheStageThenTheDefaultAsServerlessDoes() throws IOException {
		Path file = write("""
				params:
				  default:
				    prefix: /${sls:stage}/shared
				    keyName: api-key
				  prod:
				    prefix: /prod/own
				stages:
				  qa:
				    params:
				      keyName: qa-key
				custom:
				  secretBaker:
				    API_KEY: ${param:prefix}/${param:keyName}
				""");
		assertThat(Manifest.loadServerlessConfig(file, options("prod", Map.of(), Map.of())).secrets())
			.containsExactly(new SecretRequest("API_KEY", "/prod/own/api-key", null));
		assertThat(Manifest.loadServerlessConfig(file, options("qa", Map.of(), Map.of())).secrets())
			.containsExactly(new SecretRequest("API_KEY", "/qa/shared/qa-key", null));
		assertThat(Manifest.loadServerlessConfig(file, options("prod", Map.of("keyName", "given"), Map.of())).secrets())
			.containsExactly(new SecretRequest("API_KEY", "/prod/own/given", null));
	}

	@Test
	void readsEnvironmentVariablesFromTheGivenEnvironment() throws IOException {
		Path file = write("""
				custom:
				  secretBaker:
				    TOKEN: /${env:TEAM}/token
				""");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of("TEAM", "payments"))).secrets())
			.containsExactly(new SecretRequest("TOKEN", "/payments/token", null));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 3: secret 'TOKEN' path: "
					+ "'${env:TEAM}' has no value: the environment variable TEAM is not set; set it, or give a "
					+ "default, such as ${env:TEAM, 'value'}"));
	}

	@Test
	void resolvesSecretBakerGivenAsAVariableAndTheStageSpecificListItRefersTo() throws IOException {
		Path file = write("""
				custom:
				  secretsByStage:
				    prod:
				      - DB_PASSWORD
				      - name: API_KEY
				        path: /${sls:stage}/api-key
				  secretBaker: ${self:custom.secretsByStage.${sls:stage}}
				""");
		assertThat(Manifest.loadServerlessConfig(file, options("prod", Map.of(), Map.of())).secrets()).containsExactly(
				new SecretRequest("DB_PASSWORD", "DB_PASSWORD", null),
				new SecretRequest("API_KEY", "/prod/api-key", null));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options("qa", Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 7: custom.secretBaker: "
					+ "'${self:custom.secretsByStage.${sls:stage}}' has no value: the file has no "
					+ "custom.secretsByStage.qa; add it, or give a default, such as "
					+ "${self:custom.secretsByStage.qa, 'value'}"));
	}

	@Test
	void resolvesVariablesOfTheLegacyProviderEnvironmentSecrets() throws IOException {
		Path file = write("""
				provider:
				  stage: prod
				  environmentSecrets:
				    MY_SECRET: /${self:provider.stage}/secret
				""");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())).secrets())
			.containsExactly(new SecretRequest("MY_SECRET", "/prod/secret", null));
	}

	@Test
	void refusesEverySourceItCannotResolveWithItsLineAndWhatToDo() throws IOException {
		Path file = write("""
				custom:
				  loop: ${self:custom.other}
				  other: /x/${self:custom.loop}
				  secretBaker:
				    A: ${ssm:/app/a}
				    B: ${file(./secrets.yml):b}
				    C: ${cf:stack.output}
				    D: ${opt:stage, dev}
				    E: ${self:custom.loop}
				    F: ${AWS::Region}
				    ${opt:stage}_G: /g
				    H: /h/${opt:stage
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"line 5: secret 'A' path: '${ssm:/app/a}' reads ssm:, which secret-baker does not resolve at "
							+ "build time (it resolves opt:stage, opt:region, sls:stage, self:, env: and param:); write "
							+ "the value literally, or pass it with --param NAME=VALUE and write ${param:NAME}",
					"line 6: secret 'B' path: '${file(./secrets.yml):b}' reads file(...), which secret-baker does "
							+ "not resolve at build time (it resolves opt:stage, opt:region, sls:stage, self:, env: and "
							+ "param:); write the value literally, or pass it with --param NAME=VALUE and write "
							+ "${param:NAME}",
					"line 7: secret 'C' path: '${cf:stack.output}' reads cf:, which secret-baker does not resolve "
							+ "at build time (it resolves opt:stage, opt:region, sls:stage, self:, env: and param:); "
							+ "write the value literally, or pass it with --param NAME=VALUE and write ${param:NAME}",
					"line 8: secret 'D' path: '${opt:stage, dev}' has the default 'dev', which is neither quoted "
							+ "text nor a variable; quote it ('dev'), or write a variable such as self:provider.stage",
					"line 9: secret 'E' path: '${self:custom.loop}' refers to itself through self:custom.loop -> "
							+ "self:custom.other -> self:custom.loop; break the cycle with a literal value (in the value at line 3)",
					"line 10: secret 'F' path: '${AWS::Region}' reads AWS:, which secret-baker does not resolve at "
							+ "build time (it resolves opt:stage, opt:region, sls:stage, self:, env: and param:); write "
							+ "the value literally, or pass it with --param NAME=VALUE and write ${param:NAME}",
					"line 11: key '${opt:stage}_G' holds a Serverless variable, which Serverless resolves only in "
							+ "values, never in keys; write the secret name literally, or use the {name, path} form "
							+ "with the variable in 'name'",
					"line 12: secret 'H' path: a '${' has no closing '}'; close the variable"));
	}

	@Test
	void resolvesProviderRegionOnlyWhenNeitherTheRegionOptionNorAwsRegionGivesOne() throws IOException {
		Path file = write("""
				provider:
				  region: ${param:region, 'eu-central-1'}
				custom:
				  secretBaker:
				    - TOKEN
				""");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of("region", "eu-west-3"), Map.of())).region())
			.isEqualTo("eu-west-3");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())).region())
			.isEqualTo("eu-central-1");
		assertThat(Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of("AWS_REGION", "us-west-2")))
			.region()).isNull();
		assertThat(
				Manifest.loadServerlessConfig(file, new ServerlessOptions(null, "ap-south-1", Map.of(), (name) -> null))
					.region())
			.isNull();
	}

	@Test
	void answersOptRegionWithTheRegionOption() throws IOException {
		Path file = write("""
				custom:
				  secretBaker:
				    TOKEN: /${opt:region}/token
				""");
		assertThat(
				Manifest.loadServerlessConfig(file, new ServerlessOptions(null, "ap-south-1", Map.of(), (name) -> null))
					.secrets())
			.containsExactly(new SecretRequest("TOKEN", "/ap-south-1/token", null));
	}

	@Test
	void parsesParamsAtTheFirstEqualsSignWithoutQuotingInvalidOnes() {
		assertThat(ServerlessOptions.parseParams("--param", List.of("url=https://x?a=b", "empty=")))
			.containsExactly(Map.entry("url", "https://x?a=b"), Map.entry("empty", ""));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> ServerlessOptions.parseParams("--param", List.of("a=1", "no-equals-sign", "a=2")))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"value 2 is not KEY=VALUE, such as \"domain=example.com\"",
					"parameter 'a' is given more than once"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("no-equals-sign"));
	}

	@Test
	void refusesVariablesThatDoubleBeyondTheLongestParameterNameNamingTheLine() throws IOException {
		Path file = write(ExpansionBombs.doubling("abcdefghij", 24));
		assertThat(file).satisfies((path) -> assertThat(Files.size(path)).isLessThan(1200));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("line 10: custom.secretBaker: the variables "
						+ "here expand to more than 2048 characters, the most an SSM parameter name may have, as when each "
						+ "variable refers to the previous one more than once; write the value literally"));
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void refusesEmptyVariablesThatDoubleBeyondTheStepLimitNamingTheLine() throws IOException {
		Path file = write(ExpansionBombs.doubling("", 60));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.matches("line \\d+: custom.secretBaker: resolving the variables of this file takes more than 100000 "
						+ "steps, .*; write the values literally"));
	}

	@Test
	void refusesAChainOfVariablesDeeperThanTheLimitNamingTheLineAndTheChain() throws IOException {
		Path file = write(ExpansionBombs.chain(2000));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 1939: custom.secretBaker: variables "
					+ "refer to variables more than 64 levels deep (self:custom.c2000 -> self:custom.c1999 -> "
					+ "self:custom.c1998 -> ... -> self:custom.c1939 -> self:custom.c1938 -> self:custom.c1937); refer "
					+ "to the value more directly"));
	}

	@Test
	void refusesAliasesThatExpandBeyondTheStepLimit() throws IOException {
		Path file = write(ExpansionBombs.aliases(7, 6));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file, options(null, Map.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("line 1: custom.secretBaker: resolving the variables of this file takes more than 100000 "
						+ "steps"));
	}

	@Test
	void refusesAnEnvironmentValueHoldingAVariableSayingServerlessDoesNotResolveItAgain() throws IOException {
		Path file = write("""
				custom:
				  secretBaker:
				    DB_PASSWORD: ${env:DB_PATH}
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file,
					options(null, Map.of(), Map.of("DB_PATH", "/app/${opt:stage}/db"))))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 3: secret 'DB_PASSWORD' path: "
					+ "'${env:DB_PATH}' gives a value that holds '${', which Serverless uses as it is, without "
					+ "resolving variables in it again (a value of an environment variable, --stage, --param or a "
					+ "quoted default); give the value literally there"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("--serverless-config", "/app/"));
	}

	private static ServerlessOptions options(@Nullable String stage, Map<String, String> params,
			Map<String, String> environment) {
		return new ServerlessOptions(stage, null, params, environment::get);
	}

	private Path write(String content) throws IOException {
		return Files.writeString(this.folder.resolve("serverless.yml"), content);
	}

}
