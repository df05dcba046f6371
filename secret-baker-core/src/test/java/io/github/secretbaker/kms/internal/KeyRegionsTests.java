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

package io.github.secretbaker.kms.internal;

import java.util.List;
import java.util.Map;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyRegions}.
 */
class KeyRegionsTests {

	private static final String EU_KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String US_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String EU_PARAMETER = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/";

	private final KmsClientSettings none = KmsClientSettings.defaults();

	@Test
	void takesTheRegionEveryKeyNamesWhenNoneIsConfigured() {
		BakedSecrets secrets = secrets(secret("A", EU_KEY), secret("B", EU_KEY), secret("C", null));
		assertThat(KeyRegions.apply(this.none, secrets, Map.<String, String>of()::get).region()).isEqualTo("eu-west-1");
	}

	@Test
	void keepsTheConfiguredRegionOrTheEnvironmentsWhateverTheKeys() {
		BakedSecrets secrets = secrets(secret("A", EU_KEY), secret("B", US_KEY));
		assertThat(
				KeyRegions.apply(this.none.withRegion("ap-south-1"), secrets, Map.<String, String>of()::get).region())
			.isEqualTo("ap-south-1");
		assertThat(KeyRegions.apply(this.none, secrets, Map.of("AWS_REGION", "us-west-2")::get)).isSameAs(this.none);
	}

	@Test
	void refusesListingTheRegionsAndTheirSecretsWhenTheKeysAreInSeveral() {
		BakedSecrets secrets = secrets(secret("B", EU_KEY), secret("A", US_KEY), secret("C", null));
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> KeyRegions.apply(this.none, secrets, Map.of("AWS_REGION", " ")::get))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.CLIENT_CONFIGURATION);
				assertThat(ex.getDetail()).isEqualTo("no AWS region is configured (secret-baker.region or AWS_REGION) "
						+ "and the baked keys are in 2 regions (eu-west-1: B, C; us-east-1: A); set "
						+ "secret-baker.region to the region to call KMS in");
			});
	}

	private static BakedSecrets secrets(BakedSecret... secrets) {
		return BakedSecrets.of(List.of(secrets));
	}

	private static BakedSecret secret(String name, @Nullable String keyArn) {
		return new BakedSecret(name, "AQID", EU_PARAMETER + name, 1L, keyArn, null);
	}

}
