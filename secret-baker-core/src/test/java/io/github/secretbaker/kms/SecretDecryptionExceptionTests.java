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

package io.github.secretbaker.kms;

import java.util.List;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretDecryptionException}.
 */
class SecretDecryptionExceptionTests {

	private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String PARAMETER = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/";

	@Test
	void statesAFailureSharedByEverySecretOnce() {
		BakedSecrets secrets = BakedSecrets.of(List.of(secret("DB_PASSWORD"), secret("API_KEY"), secret("TOKEN")));
		SecretDecryptionException ex = SecretDecryptionException.forEverySecret(secrets, Kind.CLIENT_CONFIGURATION,
				"no AWS credentials found");
		assertThat(ex.isSharedByEverySecret()).isTrue();
		assertThat(ex.getMessage())
			.startsWith("Failed to decrypt all 3 baked secrets (API_KEY, DB_PASSWORD, TOKEN) for "
					+ "the same reason: CLIENT_CONFIGURATION no AWS credentials found\nAction: ");
		assertThat(ex.getMessage().split("no AWS credentials found", -1)).hasSize(2);
		assertThat(ex.getFailures()).hasSize(3);
	}

	@Test
	void describesEachSecretWhenTheFailuresDifferOrSomeSecretsWereDecrypted() {
		SecretDecryptionFailure denied = new SecretDecryptionFailure("A", PARAMETER + "a", KEY, "AccessDeniedException",
				Kind.ACCESS_DENIED, "not authorized");
		SecretDecryptionFailure timedOut = new SecretDecryptionFailure("B", PARAMETER + "b", KEY, null, Kind.TIMEOUT,
				"no answer");
		SecretDecryptionException different = new SecretDecryptionException(List.of(denied, timedOut), 2);
		assertThat(different.isSharedByEverySecret()).isFalse();
		assertThat(different.getMessage()).startsWith("Failed to decrypt 2 of 2 baked secrets: A (parameter ");
		SecretDecryptionException some = new SecretDecryptionException(List.of(denied, denied), 3);
		assertThat(some.isSharedByEverySecret()).isFalse();
		assertThat(some.getMessage()).startsWith("Failed to decrypt 2 of 3 baked secrets: A (parameter ");
	}

	private static BakedSecret secret(String name) {
		return new BakedSecret(name, "AQID", PARAMETER + name, 1L, KEY, null);
	}

}
