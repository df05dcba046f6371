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

import io.github.secretbaker.aws.KmsKeyReference.Form;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KmsKeyReference}.
 */
class KmsKeyReferenceTests {

	private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/" + KEY_ID;

	private static final String ALIAS_ARN = "arn:aws-cn:kms:cn-north-1:123456789012:alias/app/db";

	private static final Arn PARAMETER = Arn.parse("arn:aws-us-gov:ssm:us-gov-west-1:210987654321:parameter/app/db");

	@Test
	void parsesEachOfTheFourForms() {
		assertThat(KmsKeyReference.parse(KEY_ID)).extracting(KmsKeyReference::form).isEqualTo(Form.KEY_ID);
		assertThat(KmsKeyReference.parse(KEY_ARN)).extracting(KmsKeyReference::form).isEqualTo(Form.KEY_ARN);
		assertThat(KmsKeyReference.parse("alias/app/db")).extracting(KmsKeyReference::form).isEqualTo(Form.ALIAS_NAME);
		assertThat(KmsKeyReference.parse(ALIAS_ARN)).extracting(KmsKeyReference::form).isEqualTo(Form.ALIAS_ARN);
	}

	@Test
	void refusesWhatIsNotAKeyReference() {
		assertThat(KmsKeyReference.parse("arn:aws:ssm:eu-west-1:123456789012:parameter/app/db")).isNull();
		assertThat(KmsKeyReference.parse("arn:aws:kms:eu-west-1:123456789012:grant/x")).isNull();
		assertThat(KmsKeyReference.parse("arn:aws:kms:eu-west-1::key/" + KEY_ID)).isNull();
		assertThat(KmsKeyReference.parse("arn:aws:kms:EU-WEST-1:123456789012:key/" + KEY_ID)).isNull();
		assertThat(KmsKeyReference.parse("arn:aws:kms:eu-west-1:123456789012:key/a b")).isNull();
		assertThat(KmsKeyReference.parse("alias/")).isNull();
		assertThat(KmsKeyReference.parse("not a key")).isNull();
		assertThat(KmsKeyReference.parse("")).isNull();
	}

	@Test
	void tellsAKeyArnFromAnAlias() {
		assertThat(KmsKeyReference.isKeyArn(KEY_ARN)).isTrue();
		assertThat(KmsKeyReference.isKeyArn(ALIAS_ARN)).isFalse();
		assertThat(KmsKeyReference.isKeyArn(KEY_ID)).isFalse();
		assertThat(KmsKeyReference.isKeyArn(null)).isFalse();
		assertThat(KmsKeyReference.isAlias(ALIAS_ARN)).isTrue();
		assertThat(KmsKeyReference.isAlias("alias/app/db")).isTrue();
		assertThat(KmsKeyReference.isAlias(KEY_ARN)).isFalse();
		assertThat(KmsKeyReference.isAlias(null)).isFalse();
	}

	@Test
	void namesOneKeyOnlyByKeyArnOrByAKeyIdOfTheFormKmsGives() {
		assertThat(KmsKeyReference.parse(KEY_ARN).namesOneKey()).isTrue();
		assertThat(KmsKeyReference.parse(KEY_ID).namesOneKey()).isTrue();
		assertThat(KmsKeyReference.parse("mrk-" + "0123456789abcdef".repeat(2)).namesOneKey()).isTrue();
		assertThat(KmsKeyReference.parse("my-key").namesOneKey()).isFalse();
		assertThat(KmsKeyReference.parse("alias/app/db").namesOneKey()).isFalse();
		assertThat(KmsKeyReference.parse(ALIAS_ARN).namesOneKey()).isFalse();
	}

	@Test
	void qualifiesAKeyIdOrAliasNameInThePartitionRegionAndAccountOfTheResource() {
		assertThat(KmsKeyReference.parse(KEY_ID).qualifiedBy(PARAMETER)).isEqualTo(
				new KmsKeyReference(Form.KEY_ARN, "arn:aws-us-gov:kms:us-gov-west-1:210987654321:key/" + KEY_ID));
		assertThat(KmsKeyReference.parse("alias/app/db").qualifiedBy(PARAMETER)).isEqualTo(
				new KmsKeyReference(Form.ALIAS_ARN, "arn:aws-us-gov:kms:us-gov-west-1:210987654321:alias/app/db"));
		assertThat(KmsKeyReference.parse(KEY_ARN).qualifiedBy(PARAMETER).value()).isEqualTo(KEY_ARN);
	}

	@Test
	void givesTheRegionAndAccountOfAnArnOnly() {
		KmsKeyReference arn = KmsKeyReference.parse(ALIAS_ARN);
		assertThat(arn.region()).isEqualTo("cn-north-1");
		assertThat(arn.accountId()).isEqualTo("123456789012");
		assertThat(KmsKeyReference.parse(KEY_ID).region()).isNull();
		assertThat(KmsKeyReference.parse(KEY_ID).accountId()).isNull();
	}

	@Test
	void recognizesTheAwsManagedKeyOfSsmByNameOrArnOnly() {
		assertThat(KmsKeyReference.parse("alias/aws/ssm").isAwsManagedSsmKey()).isTrue();
		assertThat(KmsKeyReference.parse("arn:aws:kms:eu-west-1:123456789012:alias/aws/ssm").isAwsManagedSsmKey())
			.isTrue();
		assertThat(KmsKeyReference.parse("alias/aws/ssm-copy").isAwsManagedSsmKey()).isFalse();
		assertThat(KmsKeyReference.parse("alias/team/aws/ssm").isAwsManagedSsmKey()).isFalse();
		assertThat(KmsKeyReference.parse(KEY_ARN).isAwsManagedSsmKey()).isFalse();
	}

}
