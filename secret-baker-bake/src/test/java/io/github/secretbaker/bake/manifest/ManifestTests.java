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

import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link Manifest}.
 */
class ManifestTests {

	@TempDir
	Path folder;

	@Test
	void readsListOfNamesAsNameAndPath() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  - DB_PASSWORD
				  - API_KEY
				"""));
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "DB_PASSWORD", null),
				new SecretRequest("API_KEY", "API_KEY", null));
	}

	@Test
	void readsMapOfNameToPathWithSelectorsAndArn() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  DB_PASSWORD: /app/db/password
				  API_KEY: /app/api-key:3
				  TOKEN: /app/token:prod
				  SHARED: arn:aws:ssm:us-east-1:123456789012:parameter/shared/token
				  NO_SLASH: plain-name
				"""));
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/app/db/password", null),
				new SecretRequest("API_KEY", "/app/api-key", "3"), new SecretRequest("TOKEN", "/app/token", "prod"),
				new SecretRequest("SHARED", "arn:aws:ssm:us-east-1:123456789012:parameter/shared/token", null),
				new SecretRequest("NO_SLASH", "plain-name", null));
	}

	@Test
	void readsListOfNameAndPathObjects() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  - name: DB_PASSWORD
				    path: /app/db/password
				  - {name: API_KEY, path: "/app/api-key:2"}
				"""));
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/app/db/password", null),
				new SecretRequest("API_KEY", "/app/api-key", "2"));
	}

	@Test
	void readsListMixingNamesAndObjects() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  - DB_PASSWORD
				  - name: API_KEY
				    path: /app/api-key
				"""));
		assertThat(manifest.secrets()).extracting(SecretRequest::name, SecretRequest::path)
			.containsExactly(tuple("DB_PASSWORD", "DB_PASSWORD"), tuple("API_KEY", "/app/api-key"));
	}

	@Test
	void readsEmptySecretsAsNoSecrets() throws IOException {
		assertThat(Manifest.load(write("empty.yml", "secrets:\n")).secrets()).isEmpty();
		assertThat(Manifest.load(write("empty-list.yml", "secrets: []\n")).secrets()).isEmpty();
		assertThat(Manifest.load(write("empty-map.yml", "secrets: {}\n")).secrets()).isEmpty();
	}

	@Test
	void reportsEveryProblemWithItsLine() throws IOException {
		Path file = write("secret-baker.yml", """
				secrets:
				  - DB_PASSWORD
				  - name: API_KEY
				    path: /app/api-key
				    key: alias/app
				  - DB_PASSWORD
				  - name: EMPTY
				    path: ""
				  - name: "BELL\\a"
				    path: /app/bad
				  - name: NO_PATH
				extra: true
				""");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo(file.toString());
				assertThat(ex.getProblems()).containsExactly(
						"line 5: unknown key 'key': a secret object has 'name' and 'path'",
						"line 6: secret 'DB_PASSWORD' is already listed at line 2",
						"line 7: secret 'EMPTY' has an empty path",
						"line 9: a secret name holds a character that is not printable (a control, format or "
								+ "line separator character): use printable characters only",
						"line 11: secret 'NO_PATH' has no 'path'",
						"line 12: unknown key 'extra': the only key is 'secrets'");
				assertThat(ex.getMessage()).contains(file.toString(), "6 problems");
			});
	}

	@Test
	void reportsEmptyPathInMap() throws IOException {
		Path file = write("secret-baker.yml", """
				secrets:
				  DB_PASSWORD:
				  API_KEY: /app/api-key
				""");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("line 2: secret 'DB_PASSWORD' has an empty path"));
	}

	@Test
	void reportsMissingSecretsKeyAndInvalidYaml() throws IOException {
		Path noKey = write("no-key.yml", "other: 1\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(noKey))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.contains("line 1: has no 'secrets:' key listing the " + "secrets to bake"));
		Path invalid = write("invalid.yml", "secrets:\n  - [unclosed\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(invalid))
			.withMessageContaining("is not valid YAML");
		Path missing = this.folder.resolve("missing.yml");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(missing))
			.withMessageContaining("no such manifest file");
	}

	@Test
	void reportsInvalidYamlByLineAndColumnWithoutQuotingTheFile() throws IOException {
		String unclosedValue = TestSecrets.newValue();
		Path unclosed = write("serverless.yml", """
				provider:
				  environment:
				    PASSWORD: "%s
				""".formatted(unclosedValue));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(unclosed))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("is not valid YAML at line 3, column", "unclosed quote", "the file content is not shown")
				.doesNotContain(unclosedValue));
		String nestedValue = TestSecrets.newValue();
		Path nested = write("secret-baker.yml", "secrets:\n  DB: /app/db\n  TOKEN: " + nestedValue + ": x\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(nested))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("is not valid YAML at line 3, column")
				.doesNotContain(nestedValue));
	}

	@Test
	void readsServerlessCustomSecretBakerInEverySyntaxIgnoringTagsAndVariablesElsewhere() throws IOException {
		Path file = write("serverless.yml", """
				service: my-service
				provider:
				  name: aws
				  runtime: java21
				  stage: ${opt:stage, 'dev'}
				  environment:
				    TABLE: !Ref UsersTable
				    QUEUE_ARN: !GetAtt [Queue, Arn]
				    URL: !Sub "https://${AWS::Region}.example.com"
				  iam:
				    role:
				      statements:
				        - Effect: Allow
				          Action: dynamodb:GetItem
				          Resource: !GetAtt UsersTable.Arn
				custom:
				  other: ${self:service}
				  secretBaker:
				    - DB_PASSWORD
				    - name: API_KEY
				      path: /app/api-key:prod
				resources:
				  Resources:
				    UsersTable:
				      Type: AWS::DynamoDB::Table
				      Properties:
				        TableName: !Join ["-", [!Ref AWS::StackName, users]]
				""");
		Manifest manifest = Manifest.loadServerlessConfig(file);
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "DB_PASSWORD", null),
				new SecretRequest("API_KEY", "/app/api-key", "prod"));
	}

	@Test
	void readsServerlessMapForm() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker:
				    DB_PASSWORD: /app/db/password
				""");
		assertThat(Manifest.loadServerlessConfig(file).secrets())
			.containsExactly(new SecretRequest("DB_PASSWORD", "/app/db/password", null));
	}

	@Test
	void readsServerlessProviderEnvironmentSecretsOfVersionOne() throws IOException {
		Path file = write("serverless.yml", """
				provider:
				  name: aws
				  environmentSecrets:
				    MY_SECRET: /path/to/ssm/secret
				    OTHER: /path/to/other
				""");
		assertThat(Manifest.loadServerlessConfig(file).secrets()).containsExactly(
				new SecretRequest("MY_SECRET", "/path/to/ssm/secret", null),
				new SecretRequest("OTHER", "/path/to/other", null));
	}

	@Test
	void ignoresProviderEnvironmentSecretsWithAWarningWhenCustomSecretBakerIsPresent() throws IOException {
		Path file = write("serverless.yml", """
				provider:
				  environmentSecrets:
				    MY_SECRET: /a
				    LEGACY_ONLY: /legacy
				custom:
				  secretBaker:
				    MY_SECRET: /b
				""");
		Manifest manifest = Manifest.loadServerlessConfig(file);
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("MY_SECRET", "/b", null));
		assertThat(manifest.warnings()).containsExactly(file + ": provider.environmentSecrets (line 2) is ignored "
				+ "because custom.secretBaker (line 6) is present, as serverless-secret-baker 2.x does; move its "
				+ "secrets under custom.secretBaker");
	}

	@Test
	void readsServerlessConfigWithoutSecretsAsNoSecretsWithAWarning() throws IOException {
		Path file = write("serverless.yml", "service: x\n");
		Manifest manifest = Manifest.loadServerlessConfig(file);
		assertThat(manifest.secrets()).isEmpty();
		assertThat(manifest.warnings()).singleElement()
			.asString()
			.contains("neither 'custom.secretBaker' nor 'provider.environmentSecrets'", "the baked file is {}");
	}

	@Test
	void parsesNameEqualsPathArguments() {
		Manifest manifest = Manifest.parseArguments(List.of("DB_PASSWORD=/app/db/password:2", "TOKEN=token"));
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/app/db/password", "2"),
				new SecretRequest("TOKEN", "token", null));
	}

	@Test
	void reportsEveryInvalidArgument() {
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.parseArguments(List.of("NO_EQUALS", " =/x", "EMPTY=")))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3)
				.anySatisfy((problem) -> assertThat(problem).contains("'NO_EQUALS' is not NAME=PATH"))
				.anySatisfy((problem) -> assertThat(problem)
					.isEqualTo("' =/x': a secret name is blank: give every " + "secret a name"))
				.anySatisfy((problem) -> assertThat(problem).contains("empty parameter path")));
	}

	@Test
	void combinesManifestsRefusingNamesListedTwice() throws IOException {
		Manifest file = Manifest.load(write("secret-baker.yml", "secrets:\n  A: /a\n"));
		Manifest arguments = Manifest.parseArguments(List.of("B=/b"));
		assertThat(Manifest.combine(List.of(file, arguments)).secrets()).extracting(SecretRequest::name)
			.containsExactly("A", "B");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.combine(List.of(file, Manifest.parseArguments(List.of("A=/other")))))
			.withMessageContaining("secret 'A' is listed both in");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

	@Test
	void readsEveryNameTheNodePluginAcceptsAndWarnsTheyCannotBeOverriddenByEnvironmentVariables() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker:
				    - /app/db/password
				    - /app/api-key:3
				    - name: my-secret.v1
				      path: /app/my-secret
				    - DB_PASSWORD
				""");
		Manifest manifest = Manifest.loadServerlessConfig(file);
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("/app/db/password", "/app/db/password", null),
				new SecretRequest("/app/api-key:3", "/app/api-key", "3"),
				new SecretRequest("my-secret.v1", "/app/my-secret", null),
				new SecretRequest("DB_PASSWORD", "DB_PASSWORD", null));
		assertThat(manifest.warnings()).containsExactly("Secrets '/app/db/password', '/app/api-key:3', "
				+ "'my-secret.v1': the names are not valid environment variable names (letters, digits and "
				+ "underscores, not starting with a digit), so no environment variable can override them at "
				+ "runtime; a system property or a command-line argument of the same name still can");
	}

	@Test
	void readsNamesOfTheMapFormThatAreNotEnvironmentVariableNames() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  api-key: /app/api-key
				  2FA_SEED: /app/2fa
				"""));
		assertThat(manifest.secrets()).extracting(SecretRequest::name).containsExactly("api-key", "2FA_SEED");
		assertThat(manifest.warnings()).singleElement().asString().startsWith("Secrets 'api-key', '2FA_SEED': ");
	}

	@Test
	void givesNoWarningWhenEveryNameIsAnEnvironmentVariableName() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n"));
		assertThat(manifest.warnings()).isEmpty();
	}

	@Test
	void resolvesAnAliasToTheAnchoredValueNotToTheAnchorName() throws IOException {
		Manifest manifest = Manifest.load(write("secret-baker.yml", """
				secrets:
				  DB_PASSWORD: &p /app/db/password
				  DB_PASSWORD_COPY: *p
				"""));
		assertThat(manifest.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/app/db/password", null),
				new SecretRequest("DB_PASSWORD_COPY", "/app/db/password", null));
	}

	@Test
	void resolvesAliasesOfObjectsAndMergeKeysInServerlessConfig() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  shared: &shared
				    DB_PASSWORD: /shared/db
				    API_KEY: /shared/api
				  extra: &extra
				    API_KEY: /extra/api
				    TOKEN: /extra/token
				  secretBaker:
				    <<: [*shared, *extra]
				    DB_PASSWORD: /own/db
				    OWN: /own/only
				""");
		assertThat(Manifest.loadServerlessConfig(file).secrets()).containsExactlyInAnyOrder(
				new SecretRequest("DB_PASSWORD", "/own/db", null), new SecretRequest("API_KEY", "/shared/api", null),
				new SecretRequest("TOKEN", "/extra/token", null), new SecretRequest("OWN", "/own/only", null));
	}

	@Test
	void resolvesAnAliasOfANameAndPathObjectInAList() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  db: &db {name: DB_PASSWORD, path: /app/db}
				  secretBaker:
				    - *db
				    - name: API_KEY
				      <<: {path: /app/api}
				""");
		assertThat(Manifest.loadServerlessConfig(file).secrets()).containsExactly(
				new SecretRequest("DB_PASSWORD", "/app/db", null), new SecretRequest("API_KEY", "/app/api", null));
	}

	@Test
	void refusesAnAliasToNoAnchorWithItsLine() throws IOException {
		Path file = write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n  API_KEY: *nowhere\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("is not valid YAML at line 3, column")
				.contains("an alias (*name) that refers to no anchor")
				.doesNotContain("nowhere"));
	}

	@Test
	void refusesAnAliasInsideTheNodeItRefersTo() throws IOException {
		Path file = write("secret-baker.yml", "secrets: &loop\n  - *loop\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.withMessageContaining("an alias refers to a node that contains the alias itself");
	}

	@Test
	void refusesAnAliasBombWithTheLineOfTheAliasBeyondTheLimit() throws IOException {
		Path file = write("serverless.yml", ExpansionBombs.aliases(9, 8));
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("is not valid YAML at line 7: more than 50 "
					+ "aliases (*name) of lists or mappings, each of which can multiply the document (an alias bomb); "
					+ "use fewer aliases; fix the file (its content is not shown)"));
	}

	@Test
	void refusesListsNestedDeeperThanTheLimitWithTheirLine() throws IOException {
		Path serverless = write("serverless.yml", ExpansionBombs.nesting(20_000));
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(serverless))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("line 2: lists and mappings are nested more than 100 deep here; flatten the file"));
		Path manifest = write("secret-baker.yml", "secrets:\n  A: " + "{a: ".repeat(20_000) + "b" + "}".repeat(20_000));
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(manifest))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("line 2: lists and mappings are nested more than 100 deep here; flatten the file"));
	}

	@Test
	void refusesListsNestedDeeperThanTheLimitThroughAliasesWithTheirLine() throws IOException {
		StringBuilder yaml = new StringBuilder("n0: &n0 " + "[".repeat(60) + "]".repeat(60) + "\n");
		for (int i = 1; i <= 2; i++) {
			yaml.append("n")
				.append(i)
				.append(": &n")
				.append(i)
				.append(" ")
				.append("[".repeat(59))
				.append("*n")
				.append(i - 1)
				.append("]".repeat(59))
				.append("\n");
		}
		Path file = write("secret-baker.yml", yaml.append("secrets: *n2\n").toString());
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("line 1: lists and mappings are nested "
					+ "more than 100 deep here, aliases expanded; flatten the file"));
	}

	@Test
	void refusesAMergeKeyThatDoesNotTakeAMapping() throws IOException {
		Path file = write("secret-baker.yml", "secrets:\n  <<: /app/db\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("is not valid YAML at line")
				.contains("a merge key '<<' that does not take a mapping or a list of mappings")
				.doesNotContain("/app/db"));
	}

	@Test
	void refusesDuplicateKeysInSecretsObjectsAndTopLevelKeysWithTheirLines() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker:
				    DB_PASSWORD: /a
				    DB_PASSWORD: /b
				provider:
				  name: aws
				custom:
				  secretBaker:
				    - name: X
				      path: /x
				      path: /y
				""");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"line 4: key 'DB_PASSWORD' appears more than once in this mapping (first at line 3); keep one",
					"line 7: key 'custom' appears more than once in this mapping (first at line 1); keep one",
					"line 11: key 'path' appears more than once in this mapping (first at line 10); keep one"));
	}

	@Test
	void refusesMoreThanOneYamlDocument() throws IOException {
		Path file = write("secret-baker.yml", "secrets:\n  A: /a\n---\nsecrets:\n  B: /b\n");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.load(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("line 4: a second YAML document starts here"));
	}

	@Test
	void refusesCloudFormationFunctionsAsSecretPaths() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker:
				    DB_PASSWORD: !Ref DbPasswordParameter
				    API_KEY:
				      Fn::Join: ["", ["/app/", "api"]]
				""");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"line 3: secret 'DB_PASSWORD' path is tagged !Ref, a CloudFormation function that secret-baker "
							+ "cannot resolve at build time; write the parameter path literally",
					"line 5: secret 'API_KEY' path is the CloudFormation function Fn::Join, which secret-baker cannot "
							+ "resolve at build time; write the parameter path literally"));
	}

}
