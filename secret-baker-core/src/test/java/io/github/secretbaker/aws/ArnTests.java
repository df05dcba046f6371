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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Arn}.
 */
class ArnTests {

	@Test
	void parsesEveryPartOfAnArnAndWritesItBackAsGiven() {
		String text = "arn:aws-iso-b:ssm:us-isob-east-1:123456789012:parameter/app/db:with/colon";
		Arn arn = Arn.parse(text);
		assertThat(arn)
			.isEqualTo(new Arn("aws-iso-b", "ssm", "us-isob-east-1", "123456789012", "parameter/app/db:with/colon"));
		assertThat(arn.isRegional()).isTrue();
		assertThat(arn).hasToString(text);
	}

	@Test
	void knowsTheEuropeanSovereignCloudPartitionAndItsRegions() {
		Arn arn = Arn.parse("arn:aws-eusc:kms:eusc-de-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
		assertThat(arn).isNotNull();
		assertThat(arn.region()).isEqualTo("eusc-de-east-1");
		assertThat(KmsKeyReference.isKeyArn(arn.toString())).isTrue();
	}

	@Test
	void acceptsAnEmptyRegionAndAccountAsIamArnsHaveThem() {
		Arn arn = Arn.parse("arn:aws:iam::123456789012:role/app");
		assertThat(arn.region()).isEmpty();
		assertThat(arn.isRegional()).isFalse();
		assertThat(Arn.regionOf("arn:aws:iam::123456789012:role/app")).isNull();
	}

	@Test
	void refusesAnUnknownPartitionABadRegionOrAccountAndTextThatIsNoArn() {
		assertThat(Arn.parse("arn:aws-eu:ssm:eu-west-1:123456789012:parameter/x")).isNull();
		assertThat(Arn.parse("arn:aws:ssm:euwest1:123456789012:parameter/x")).isNull();
		assertThat(Arn.parse("arn:aws:ssm:eu-west-1:12345:parameter/x")).isNull();
		assertThat(Arn.parse("arn:aws:ssm:eu-west-1:123456789012:")).isNull();
		assertThat(Arn.parse("arn:aws:ssm:eu-west-1")).isNull();
		assertThat(Arn.parse("/app/db")).isNull();
		assertThat(Arn.regionOf(null)).isNull();
		assertThat(Arn.regionOf("/app/db")).isNull();
	}

	@Test
	void namesASiblingInTheSamePartitionRegionAndAccount() {
		Arn parameter = Arn.parse("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/x");
		assertThat(parameter.sibling("kms", "alias/x")).hasToString("arn:aws-cn:kms:cn-north-1:123456789012:alias/x");
	}

}
