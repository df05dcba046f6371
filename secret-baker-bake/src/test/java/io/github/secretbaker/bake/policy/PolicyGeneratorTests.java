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

package io.github.secretbaker.bake.policy;

import java.util.Base64;
import java.util.List;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PolicyGenerator} and {@link DecryptPolicy}.
 */
class PolicyGeneratorTests {

	private static final String KEY_A = "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-1111-2222-3333-444444444444";

	private static final String KEY_B = "arn:aws:kms:us-east-1:123456789012:key/bbbbbbbb-1111-2222-3333-444444444444";

	private static final String CIPHERTEXT = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5 });

	private final PolicyGenerator generator = new PolicyGenerator();

	@Test
	void allowsDecryptOnExactlyTheKeysForExactlyTheParameters() {
		BakedSecrets secrets = BakedSecrets
			.of(List.of(secret("A", "/app/a", KEY_A), secret("B", "/app/b", KEY_B), secret("C", "/app/c", KEY_A)));
		JsonNode statement = JsonMapper.shared().readTree(this.generator.generate(secrets, List.of()).toJson(false));
		assertStatement(statement);
	}

	@Test
	void rendersYamlThatParsesToTheSameStatement() {
		BakedSecrets secrets = BakedSecrets
			.of(List.of(secret("A", "/app/a", KEY_A), secret("B", "/app/b", KEY_B), secret("C", "/app/c", KEY_A)));
		DecryptPolicy policy = this.generator.generate(secrets, List.of());
		JsonNode statement = new YAMLMapper().readTree(policy.toYaml(false));
		assertStatement(statement);
		JsonNode document = new YAMLMapper().readTree(policy.toYaml(true));
		assertThat(document.get("Version").asString()).isEqualTo("2012-10-17");
		assertStatement(document.get("Statement").get(0));
	}

	@Test
	void namesEverySecretWithoutKeyArnAndSaysWhatToDo() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("NODE_ONE", CIPHERTEXT, arn("/app/one")),
				BakedSecret.of("NODE_TWO", CIPHERTEXT, arn("/app/two")), new BakedSecret("ALIASED", CIPHERTEXT,
						arn("/app/three"), 1L, "arn:aws:kms:us-east-1:123456789012:alias/app", "Standard")));
		assertThatExceptionOfType(PolicyGenerationException.class)
			.isThrownBy(() -> this.generator.generate(secrets, List.of()))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3)
				.anySatisfy((problem) -> assertThat(problem).contains("'NODE_ONE'", "bake it again", "--key-arn"))
				.anySatisfy((problem) -> assertThat(problem).contains("'NODE_TWO'"))
				.anySatisfy((problem) -> assertThat(problem).contains("'ALIASED'", "alias")));
	}

	@Test
	void usesGivenKeyArnForNodePluginFile() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("NODE", CIPHERTEXT, arn("/app/one"))));
		DecryptPolicy policy = this.generator.generate(secrets, List.of(KEY_B));
		assertThat(policy.keyArns()).containsExactly(KEY_B);
		assertThat(policy.parameterArns()).containsExactly(arn("/app/one"));
	}

	@Test
	void warnsThatGivenKeysCannotBeCheckedAgainstEntriesWithoutKeyArn() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("NODE", CIPHERTEXT, arn("/app/one")),
				new BakedSecret("ALIASED", CIPHERTEXT, arn("/app/two"), 1L,
						"arn:aws:kms:us-east-1:123456789012:alias/app", "Standard"),
				secret("KNOWN", "/app/three", KEY_A)));
		DecryptPolicy policy = this.generator.generate(secrets, List.of(KEY_B));
		assertThat(policy.keyArns()).containsExactly(KEY_A, KEY_B);
		assertThat(policy.warnings()).containsExactly("Secrets 'ALIASED', 'NODE' record no key ARN (a file of the "
				+ "Node plugin, or a key named by alias), so the given key ARNs cannot be checked against them: the "
				+ "statement allows them as given; make sure they are the keys that encrypt these parameters, or bake "
				+ "again with secret-baker, allowed ssm:DescribeParameters and kms:DescribeKey, to record each key");
		assertThat(
				this.generator.generate(BakedSecrets.of(List.of(secret("KNOWN", "/app/three", KEY_A))), List.of(KEY_B))
					.warnings())
			.isEmpty();
	}

	@Test
	void refusesInvalidKeyArnAndEmptyFile() {
		assertThatExceptionOfType(PolicyGenerationException.class)
			.isThrownBy(() -> this.generator.generate(BakedSecrets.empty(), List.of("alias/app")))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2)
				.anySatisfy((problem) -> assertThat(problem).contains("'alias/app' is not a KMS key ARN"))
				.anySatisfy((problem) -> assertThat(problem).contains("no secrets")));
	}

	private static void assertStatement(JsonNode statement) {
		assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").valueStream().map(JsonNode::asString)).containsExactly(KEY_A, KEY_B);
		JsonNode condition = statement.get("Condition").get("StringEquals").get("kms:EncryptionContext:PARAMETER_ARN");
		assertThat(condition.valueStream().map(JsonNode::asString)).containsExactly(arn("/app/a"), arn("/app/b"),
				arn("/app/c"));
		assertThat(statement.propertyNames()).containsExactly("Sid", "Effect", "Action", "Resource", "Condition");
	}

	private static BakedSecret secret(String name, String parameter, String key) {
		return new BakedSecret(name, CIPHERTEXT, arn(parameter), 1L, key, BakedSecret.STANDARD_TIER);
	}

	private static String arn(String parameter) {
		return "arn:aws:ssm:us-east-1:123456789012:parameter" + parameter;
	}

}
