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

package io.github.secretbaker.aws;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DecryptPermission}.
 */
class DecryptPermissionTests {

	private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final List<String> PARAMETERS = List.of("arn:aws:ssm:eu-west-1:123456789012:parameter/app/api",
			"arn:aws:ssm:eu-west-1:123456789012:parameter/app/db");

	private final DecryptPermission permission = new DecryptPermission(List.of(KEY_ARN), PARAMETERS);

	@Test
	void allowsDecryptOnTheKeysOnlyForTheParametersEncryptionContexts() {
		JsonNode statement = JsonMapper.builder().build().readTree(this.permission.toJson(false));
		assertThat(statement.get("Sid").asString()).isEqualTo(DecryptPermission.STATEMENT_ID);
		assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").valueStream().map(JsonNode::asString)).containsExactly(KEY_ARN);
		JsonNode condition = statement.get("Condition");
		assertThat(condition.propertyNames()).containsExactly("StringEquals");
		assertThat(condition.get("StringEquals").propertyNames())
			.containsExactly("kms:EncryptionContext:PARAMETER_ARN");
		assertThat(condition.get("StringEquals")
			.get(DecryptPermission.CONDITION_KEY)
			.valueStream()
			.map(JsonNode::asString)).containsExactlyElementsOf(PARAMETERS);
	}

	@Test
	void wrapsTheStatementInAPolicyDocument() {
		JsonNode document = JsonMapper.builder().build().readTree(this.permission.toJson(true));
		assertThat(document.get("Version").asString()).isEqualTo("2012-10-17");
		assertThat(document.get("Statement")).hasSize(1);
		assertThat(document.get("Statement").get(0))
			.isEqualTo(JsonMapper.builder().build().readTree(this.permission.toJson(false)));
	}

	@Test
	void rendersTheJsonThatJacksonIndentsForTheSameStructure() {
		JsonMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		assertThat(this.permission.toJson(false))
			.isEqualTo(indenting.writeValueAsString(this.permission.statement()) + "\n");
		assertThat(this.permission.toJson(true))
			.isEqualTo(indenting.writeValueAsString(this.permission.document()) + "\n");
	}

	@Test
	void keepsItsListsFromChanging() {
		List<String> keys = new java.util.ArrayList<>(List.of(KEY_ARN));
		DecryptPermission copy = new DecryptPermission(keys, PARAMETERS);
		keys.clear();
		assertThat(copy.keyArns()).containsExactly(KEY_ARN);
		assertThat(copy.statement()).containsEntry("Condition",
				Map.of("StringEquals", Map.of(DecryptPermission.CONDITION_KEY, PARAMETERS)));
	}

}
