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

package io.github.secretbaker.kms.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the signatures of {@link HttpKmsDecrypter}, against the local server, which
 * verifies the signature of every request made with its credentials.
 */
@LocalAwsTest
class HttpKmsDecrypterSignatureTests {

	private static final String TOKEN = "IQoJb3JpZ2luX2VjE, \"awkward\" token/+= with spaces  and a newline\n";

	private final LocalAwsServer server;

	HttpKmsDecrypterSignatureTests(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void decryptsWithLongTermCredentialsAsTheServerVerifiesTheSignature() {
		assertDecrypts(this.server.credentialsProvider());
	}

	@Test
	void decryptsWithASessionTokenAsTheServerVerifiesTheSignature() {
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		assertDecrypts(StaticCredentialsProvider
			.create(AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), TOKEN)));
	}

	@Test
	void isRefusedWhenSignedWithAWrongSecretAccessKey() {
		String accessKeyId = this.server.credentialsProvider().resolveCredentials().accessKeyId();
		String value = BakedSecretFixtures.randomValue();
		BakedSecret secret = BakedSecretFixtures.bake(this.server, "WRONG", value, this.server.createKey());
		try (HttpKmsDecrypter client = client(StaticCredentialsProvider
			.create(AwsSessionCredentials.create(accessKeyId, "wrong-secret-access-key", TOKEN)))) {
			assertThatExceptionOfType(KmsDecryptException.class).isThrownBy(() -> client.decrypt(request(secret)))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("InvalidSignatureException"))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong-secret")
					.doesNotContain("awkward")
					.doesNotContain(value));
		}
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	private void assertDecrypts(AwsCredentialsProvider credentials) {
		String value = BakedSecretFixtures.randomValue() + ", \"quoted\" é\n";
		BakedSecret secret = BakedSecretFixtures.bake(this.server, "SIGNED", value, this.server.createKey());
		try (HttpKmsDecrypter client = client(credentials)) {
			for (int i = 0; i < 3; i++) {
				assertThat(new String(client.decrypt(request(secret)), StandardCharsets.UTF_8)).isEqualTo(value);
			}
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
	}

	private HttpKmsDecrypter client(AwsCredentialsProvider credentials) {
		return HttpKmsDecrypter.builder()
			.settings(new KmsClientSettings(this.server.region(), this.server.endpoint(), null, Duration.ofSeconds(10)))
			.credentialsProvider(credentials)
			.build();
	}

	private static KmsDecryptRequest request(BakedSecret secret) {
		return KmsDecryptRequest.of(secret.ciphertextBlob(),
				Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, secret.arn()), null,
				Deadline.in(Duration.ofSeconds(10)));
	}

}
