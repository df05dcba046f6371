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
			.containsExactly(tuple("DB_PASSWORD", "DB_PASSWORD"),
					tuple("API_KEY", "/app/api-key"));
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
				  - name: bad-name
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
						"line 9: secret name 'bad-name' is not valid: use letters, digits and underscores, "
								+ "not starting with a digit",
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
			.satisfies((ex) -> assertThat(ex.getProblems()).contains("line 1: has no 'secrets:' key listing the "
					+ "secrets to bake"));
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
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("is not valid YAML at line 3, column",
					"unclosed quote", "the file content is not shown").doesNotContain(unclosedValue));
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
	void reportsDuplicateAcrossCustomAndProvider() throws IOException {
		Path file = write("serverless.yml", """
				provider:
				  environmentSecrets:
				    MY_SECRET: /a
				custom:
				  secretBaker:
				    MY_SECRET: /b
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("line 3: secret 'MY_SECRET' is already listed at line 6"));
	}

	@Test
	void refusesServerlessVariablesInSecretPaths() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker:
				    DB_PASSWORD: /app/${self:provider.stage}/db
				    API_KEY: ${ssm:/app/api-key}
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2)
				.allSatisfy((problem) -> assertThat(problem).contains("does not resolve Serverless variables"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("line 3:"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("line 4:")));
	}

	@Test
	void refusesSecretBakerGivenAsServerlessVariable() throws IOException {
		Path file = write("serverless.yml", """
				custom:
				  secretBaker: ${file(./secrets.yml)}
				""");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.withMessageContaining("line 2")
			.withMessageContaining("does not resolve Serverless variables");
	}

	@Test
	void reportsServerlessConfigWithoutSecrets() throws IOException {
		Path file = write("serverless.yml", "service: x\n");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> Manifest.loadServerlessConfig(file))
			.withMessageContaining("neither 'custom.secretBaker' nor 'provider.environmentSecrets'");
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
			.isThrownBy(() -> Manifest.parseArguments(List.of("NO_EQUALS", "bad-name=/x", "EMPTY=")))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3)
				.anySatisfy((problem) -> assertThat(problem).contains("'NO_EQUALS' is not NAME=PATH"))
				.anySatisfy((problem) -> assertThat(problem).contains("'bad-name'"))
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

}
