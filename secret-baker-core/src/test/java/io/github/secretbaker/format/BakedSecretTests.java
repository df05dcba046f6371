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

package io.github.secretbaker.format;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BakedSecret}.
 */
class BakedSecretTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db";

	@Test
	void toStringNeverContainsTheCiphertext() {
		String ciphertext = java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
		BakedSecret secret = new BakedSecret("DB_PASSWORD", ciphertext, ARN, 2L, null, "Standard");
		assertThat(secret.toString()).contains("DB_PASSWORD", ARN).doesNotContain(ciphertext);
	}

	@Test
	void decodesTheCiphertextBlob() {
		assertThat(BakedSecret.of("A", "AQID", ARN).ciphertextBlob()).containsExactly(1, 2, 3);
	}

	@Test
	void acceptsArnsOfEveryPartitionAndParametersWithoutLeadingSlash() {
		assertThat(BakedSecret.isParameterArn("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x")).isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/plain")).isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws-iso:ssm:us-iso-east-1:123456789012:parameter/a/b")).isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws-iso-b:ssm:us-isob-east-1:123456789012:parameter/a.b_c-d"))
			.isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws:kms:us-east-1:123456789012:key/abc")).isFalse();
	}

	@Test
	void rejectsArnsWithUnknownPartitionOrMalformedRegionAccountOrName() {
		assertThat(BakedSecret.isParameterArn("arn:awsx:ssm:us-east-1:123456789012:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws-eu:ssm:us-east-1:123456789012:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:US-EAST-1:123456789012:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:useast1:123456789012:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:-:123456789012:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:us-east-1:12345:parameter/x")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:us-east-1:123456789012:parameter/a b")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:us-east-1:123456789012:parameter/x\u00e9")).isFalse();
		assertThat(BakedSecret.isParameterArn("arn:aws:ssm:us-east-1:123456789012:parameter/")).isFalse();
	}

	@Test
	void acceptsEveryNonBlankPrintableNameTheNodePluginCanWrite() {
		assertThat(BakedSecret.isValidName("DB_PASSWORD")).isTrue();
		assertThat(BakedSecret.isValidName("my-secret.v1")).isTrue();
		assertThat(BakedSecret.isValidName("api-key")).isTrue();
		assertThat(BakedSecret.isValidName("/app/db/password")).isTrue();
		assertThat(BakedSecret.isValidName("/app/db/password:3")).isTrue();
		assertThat(BakedSecret.isValidName("2FA")).isTrue();
		assertThat(BakedSecret.isValidName("cl\u00e9 secr\u00e8te")).isTrue();
	}

	@Test
	void rejectsBlankNamesAndNamesWithCharactersThatAreNotPrintable() {
		assertThat(BakedSecret.isValidName("")).isFalse();
		assertThat(BakedSecret.isValidName(" \t")).isFalse();
		assertThat(BakedSecret.isValidName("A\nB")).isFalse();
		assertThat(BakedSecret.isValidName("A\u0000")).isFalse();
		assertThat(BakedSecret.isValidName("A\u001b[31m")).isFalse();
		assertThat(BakedSecret.isValidName("A\u202eB")).isFalse();
		assertThat(BakedSecret.isValidName("A\u2028B")).isFalse();
		assertThat(BakedSecret.isValidName("A\ud800")).isFalse();
	}

	@Test
	void tellsNamesThatAreEnvironmentVariableNames() {
		assertThat(BakedSecret.isEnvironmentVariableName("DB_PASSWORD")).isTrue();
		assertThat(BakedSecret.isEnvironmentVariableName("_private2")).isTrue();
		assertThat(BakedSecret.isEnvironmentVariableName("db.password")).isFalse();
		assertThat(BakedSecret.isEnvironmentVariableName("my-secret")).isFalse();
		assertThat(BakedSecret.isEnvironmentVariableName("/app/db")).isFalse();
		assertThat(BakedSecret.isEnvironmentVariableName("2FA")).isFalse();
		assertThat(BakedSecret.isEnvironmentVariableName("")).isFalse();
	}

	@Test
	void createsSecretsWithNamesThatAreNotEnvironmentVariableNames() {
		assertThat(BakedSecret.of("my-secret.v1", "AQID", ARN).name()).isEqualTo("my-secret.v1");
		assertThat(BakedSecret.of("/app/db/password", "AQID", ARN).name()).isEqualTo("/app/db/password");
	}

	@Test
	void rejectsKeyIdThatIsNeitherAKmsArnNorAKeyIdNorAnAliasName() {
		assertThat(new BakedSecret("A", "AQID", ARN, 1L, "arn:aws:kms:us-east-1:123456789012:alias/app", null).keyId())
			.endsWith(":alias/app");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BakedSecret("A", "AQID", ARN, 1L, "arn:aws:kms:moon-1:123456789012:key/k", null))
			.withMessageStartingWith("'keyId' 'arn:aws:kms:moon-1:123456789012:key/k' is not a KMS key ARN");
		assertThat(new BakedSecret("A", "AQID", ARN, 1L, "1234abcd-12ab", null).keyId()).isEqualTo("1234abcd-12ab");
		assertThat(new BakedSecret("A", "AQID", ARN, 1L, "alias/app", null).keyId()).isEqualTo("alias/app");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BakedSecret("A", "AQID", ARN, 1L, "key id with spaces", null))
			.withMessageStartingWith("'keyId' is not a KMS key ARN");
	}

	@Test
	void rejectsEmptyCiphertextAndZeroVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> BakedSecret.of("A", "", ARN))
			.withMessage("'ciphertext' is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new BakedSecret("A", "AQID", ARN, 0L, null, null))
			.withMessage("'version' must be 1 or more but was 0");
	}

}
