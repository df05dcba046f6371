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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.internal.AwsCredentials;
import io.github.secretbaker.kms.internal.CredentialsResolver;
import io.github.secretbaker.kms.internal.CredentialsSource;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CredentialsResolver}, with the local server's container credentials
 * endpoint over real sockets.
 */
@LocalAwsTest
class CredentialsResolverTests {

	private final LocalAwsServer server;

	private CredentialsResolver resolver;

	CredentialsResolverTests(LocalAwsServer server) {
		this.server = server;
	}

	@AfterEach
	void close() {
		if (this.resolver != null) {
			this.resolver.close();
		}
	}

	@Test
	void readsTheEnvironmentVariablesOfAnOnDemandLambda() {
		this.resolver = CredentialsResolver.of(Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00000",
				"AWS_SECRET_ACCESS_KEY", "env/secret+key, \"quoted\"", "AWS_SESSION_TOKEN", "env-session-token")::get,
				null);
		AwsCredentials credentials = this.resolver.resolve(Deadline.in(Duration.ofSeconds(1)));
		assertThat(this.resolver.source()).isEqualTo(CredentialsSource.ENVIRONMENT);
		assertThat(credentials.accessKeyId()).isEqualTo("AKIAENVIRONMENT00000");
		assertThat(credentials.secretAccessKey()).isEqualTo("env/secret+key, \"quoted\"");
		assertThat(credentials.sessionToken()).isEqualTo("env-session-token");
		assertThat(credentials).hasToString("AwsCredentials[temporary]");
		assertThat(this.resolver.toString()).doesNotContain("AKIA", "secret", "token");
	}

	@Test
	void getsCredentialsFromTheContainerEndpointOfSnapStart() {
		this.resolver = CredentialsResolver.of(container(), null);
		AwsCredentials credentials = this.resolver.resolve(Deadline.in(Duration.ofSeconds(5)));
		assertThat(credentials.accessKeyId()).isEqualTo(LocalAwsServer.CONTAINER_ACCESS_KEY_ID);
		assertThat(credentials.secretAccessKey()).isEqualTo(LocalAwsServer.CONTAINER_SECRET_ACCESS_KEY);
		assertThat(credentials.sessionToken()).isEqualTo(LocalAwsServer.CONTAINER_SESSION_TOKEN);
		assertThat(credentials.expiration()).isNotNull();
		assertThat(credentials.toString()).doesNotContain(LocalAwsServer.CONTAINER_ACCESS_KEY_ID,
				LocalAwsServer.CONTAINER_SECRET_ACCESS_KEY, LocalAwsServer.CONTAINER_SESSION_TOKEN);
		this.resolver.resolve(Deadline.in(Duration.ofSeconds(5)));
		assertThat(this.server.callCount("ContainerCredentials")).isEqualTo(1);
	}

	@Test
	void endsAtTheDeadlineWhenTheContainerEndpointHangs() {
		this.server.faults().hangNext("ContainerCredentials", 1);
		this.resolver = CredentialsResolver.of(container(), null);
		assertCredentialsFailure(Duration.ofMillis(800), "did not answer within the 800 ms deadline");
	}

	@Test
	void reportsEverySecretAsACredentialsFailureWhenTheContainerEndpointHangsThroughTheDeadline() {
		String keyArn = this.server.createKey();
		String arn = this.server.putSecureString("/app/db", "v, a\"l ue\n", keyArn);
		String ciphertext = this.server.ssmClient()
			.getParameter((request) -> request.name("/app/db").withDecryption(false))
			.parameter()
			.value();
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("DB", ciphertext, arn),
				BakedSecret.of("API", ciphertext, arn), BakedSecret.of("TOKEN", ciphertext, arn)));
		this.server.faults().hangNext("ContainerCredentials", 10);
		try (HttpKmsDecrypter client = HttpKmsDecrypter.builder()
			.settings(new KmsClientSettings(this.server.region(), this.server.endpoint(), false, Duration.ofSeconds(1)))
			.environment(container())
			.build()) {
			SecretDecryptionException failure = catchThrowableOfType(SecretDecryptionException.class,
					() -> BakedSecretsDecrypter.builder(client)
						.timeout(Duration.ofSeconds(1))
						.build()
						.decryptAll(secrets));
			assertThat(failure).isNotNull();
			assertThat(failure.getFailures()).extracting(SecretDecryptionFailure::kind).containsOnly(Kind.CREDENTIALS);
			assertThat(this.server.callCount("Decrypt")).isZero();
		}
	}

	@Test
	void endsAtTheDeadlineWhenTheContainerEndpointDrips() {
		this.server.faults().dripNext("ContainerCredentials", 1, Duration.ofMillis(100));
		this.resolver = CredentialsResolver.of(container(), null);
		assertCredentialsFailure(Duration.ofMillis(800), "did not answer within the 800 ms deadline");
	}

	@Test
	void saysTheContainerEndpointFailedAndKmsWasNotCalled() {
		this.server.faults().failNext("ContainerCredentials", 1);
		this.resolver = CredentialsResolver.of(container(), null);
		KmsDecryptException failure = assertCredentialsFailure(Duration.ofSeconds(5), "answered HTTP 500");
		assertThat(failure.getDetail()).endsWith("; KMS was not called");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void refusesAContainerEndpointOverPlainHttpToAnotherHost() {
		this.resolver = CredentialsResolver.of(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
				"http://192.0.2.10:8080/credentials", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token")::get, null);
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> this.resolver.resolve(Deadline.in(Duration.ofSeconds(5))))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.INSECURE_ENDPOINT);
				assertThat(ex.getDetail()).startsWith("AWS_CONTAINER_CREDENTIALS_FULL_URI is plain http to 192.0.2.10, "
						+ "which is neither a loopback address nor the ECS or EKS container agent");
			});
	}

	@Test
	void acceptsTheEcsAgentOfARelativeUri() {
		this.resolver = CredentialsResolver
			.of(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x")::get, null);
		// Nothing answers at the ECS agent's address here: what matters is that it is
		// tried.
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> this.resolver.resolve(Deadline.in(Duration.ofMillis(300))))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.CREDENTIALS));
	}

	@Test
	void endsAtTheDeadlineWhenASuppliedProviderBlocks() {
		this.resolver = CredentialsResolver.of((name) -> null, () -> {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("interrupted");
		});
		assertCredentialsFailure(Duration.ofMillis(500), "were not obtained within the 500 ms deadline");
	}

	private KmsDecryptException assertCredentialsFailure(Duration timeout, String detail) {
		long start = System.nanoTime();
		KmsDecryptException failure = catchThrowableOfType(KmsDecryptException.class,
				() -> this.resolver.resolve(Deadline.in(timeout)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(2));
		assertThat(failure).isNotNull();
		assertThat(failure.getKind()).isEqualTo(Kind.CREDENTIALS);
		assertThat(failure.getDetail()).contains(detail);
		return failure;
	}

	private Function<String, String> container() {
		Map<String, String> environment = new HashMap<>();
		environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", this.server.containerCredentialsUri().toString());
		environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", LocalAwsServer.CONTAINER_AUTHORIZATION_TOKEN);
		return environment::get;
	}

}
