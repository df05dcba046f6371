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

package io.github.secretbaker.bake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SecretRequest}.
 */
class SecretRequestTests {

	@Test
	void readsPathWithoutSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password");
		assertThat(request.parameter()).isEqualTo("/app/db/password");
		assertThat(request.selector()).isNull();
		assertThat(request.isPinned()).isFalse();
		assertThat(request.path()).isEqualTo("/app/db/password");
	}

	@Test
	void readsVersionSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password:3");
		assertThat(request.parameter()).isEqualTo("/app/db/password");
		assertThat(request.pinnedVersion()).isEqualTo(3L);
		assertThat(request.label()).isNull();
		assertThat(request.path()).isEqualTo("/app/db/password:3");
	}

	@Test
	void readsLabelSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password:prod");
		assertThat(request.label()).isEqualTo("prod");
		assertThat(request.pinnedVersion()).isNull();
	}

	@Test
	void readsSelectorAfterParameterArn() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD",
				"arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password:prod");
		assertThat(request.parameter()).isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password");
		assertThat(request.label()).isEqualTo("prod");
		assertThat(request.isArn()).isTrue();
	}

	@Test
	void keepsNameWithoutLeadingSlash() {
		assertThat(SecretRequest.of("API_KEY", "api-key").parameter()).isEqualTo("api-key");
	}

	@Test
	void acceptsEveryNameTheNodePluginAccepts() {
		assertThat(SecretRequest.of("db-password", "/app/db").name()).isEqualTo("db-password");
		assertThat(SecretRequest.of("my-secret.v1", "/app/db").name()).isEqualTo("my-secret.v1");
		assertThat(SecretRequest.of("/app/db/password", "/app/db/password").name()).isEqualTo("/app/db/password");
	}

	@Test
	void rejectsBlankNamesAndNamesWithCharactersThatAreNotPrintableWithoutQuotingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of(" ", "/app/db"))
			.withMessage("a secret name is blank: give every secret a name");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB\u001b[2J", "/app/db"))
			.withMessageContaining("not printable")
			.withMessageNotContaining("\u001b");
	}

	@Test
	void rejectsServerlessVariableNamingSecretBakerDoesNotResolveIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/${self:provider.stage}/db"))
			.withMessageContaining("/app/${self:provider.stage}/db")
			.withMessageContaining(
					"Serverless variables are resolved only in a serverless.yml read with --serverless-config");
	}

	@Test
	void rejectsEmptyPathEmptySelectorAndVersionZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", " "))
			.withMessageContaining("empty parameter path");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db:"))
			.withMessageContaining("empty selector");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db:0"))
			.withMessageContaining("versions start at 1");
	}

	@Test
	void rejectsInvalidParameterNameAndArn() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db password"))
			.withMessageContaining("not a valid SSM parameter name");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "arn:aws:s3:::bucket"))
			.withMessageContaining("not an SSM parameter ARN");
	}

}
