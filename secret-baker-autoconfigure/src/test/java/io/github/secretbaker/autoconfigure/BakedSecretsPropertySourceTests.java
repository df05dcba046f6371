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

package io.github.secretbaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretValues;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BakedSecretsPropertySource}.
 */
@LocalAwsTest
class BakedSecretsPropertySourceTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db_password";

	private static final String LOCATION = "classpath:secret-baker-secrets.json";

	private final BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("DB_PASSWORD", "AQIDBA==", ARN),
			BakedSecret.of("API_KEY", "BQYHCA==", "arn:aws:ssm:us-east-1:123456789012:parameter/app/api_key")));

	private final String password = BakedSecretFixtures.randomValue();

	private final String apiKey = BakedSecretFixtures.randomValue();

	private KmsDecrypter kms;

	@AfterEach
	void closeClient() {
		if (this.kms != null) {
			this.kms.close();
		}
	}

	@Test
	void exposesEachSecretUnderItsName() {
		BakedSecretsPropertySource source = eager(null);
		assertThat(source.getName()).isEqualTo("secretBaker");
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("OTHER")).isNull();
		assertThat(source.containsProperty("OTHER")).isFalse();
	}

	@Test
	void resolvesRelaxedNamesLikeEnvironmentVariables() {
		BakedSecretsPropertySource source = eager(null);
		assertThat(source.getProperty("db.password")).isEqualTo(this.password);
		assertThat(source.getProperty("db-password")).isEqualTo(this.password);
		assertThat(source.getProperty("api.key")).isEqualTo(this.apiKey);
		assertThat(source.containsProperty("db.password")).isTrue();
		assertThat(source.getProperty("db.pass")).isNull();
	}

	@Test
	void bindsSecretsToConfigurationProperties() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(eager(null));
		assertThat(Binder.get(environment).bind("db.password", String.class).get()).isEqualTo(this.password);
	}

	@Test
	void exposesSecretsUnderThePrefixToo() {
		BakedSecretsPropertySource source = eager("secrets.");
		assertThat(source.getPropertyPrefix()).isEqualTo("secrets.");
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD", "secrets.API_KEY",
				"secrets.DB_PASSWORD");
		assertThat(source.getProperty("secrets.DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("secrets.db-password")).isEqualTo(this.password);
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("secrets.")).isNull();
	}

	@Test
	void namesTheParameterAndFileAsOrigin() {
		Origin origin = eager(null).getOrigin("db.password");
		assertThat(origin).hasToString("SSM parameter '" + ARN + "' baked into '" + LOCATION + "'");
		assertThat(eager(null).getOrigin("OTHER")).isNull();
	}

	@Test
	void keepsValuesOutOfToString() {
		BakedSecretsPropertySource source = eager("secrets");
		assertThat(source.toString()).contains("secretBaker", "DB_PASSWORD", LOCATION)
			.doesNotContain(this.password)
			.doesNotContain(this.apiKey);
		assertThat(source.isLazy()).isFalse();
		assertThat(source.isDecrypted("DB_PASSWORD")).isTrue();
	}

	@Test
	void decryptsEachSecretOnceOnItsFirstReadInLazyMode(LocalAwsServer server) throws Exception {
		BakedSecretsPropertySource source = lazy(server);
		assertThat(source.isLazy()).isTrue();
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(source.containsProperty("db.password")).isTrue();
		assertThat(server.callCount("Decrypt")).isZero();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Object>> reads = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				reads.add(() -> source.getProperty("DB_PASSWORD"));
			}
			for (Future<Object> read : executor.invokeAll(reads)) {
				assertThat(read.get()).isEqualTo(this.password);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(1);
		assertThat(source.isDecrypted("DB_PASSWORD")).isTrue();
		assertThat(source.isDecrypted("API_KEY")).isFalse();
		assertThat(source.toString()).doesNotContain(this.password);
	}

	@Test
	void retriesAFailedLazyReadOnTheNextRead(LocalAwsServer server) {
		BakedSecretsPropertySource source = lazy(server);
		server.faults().deny("Decrypt", "*");
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> source.getProperty("DB_PASSWORD"))
			.withMessageContaining("DB_PASSWORD")
			.withMessageNotContaining(this.password);
		assertThat(source.isDecrypted("DB_PASSWORD")).isFalse();
		server.faults().clear();
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
	}

	@Test
	void exposesNamesThatAreNotEnvironmentVariableNamesExactlyAndWithoutRelaxedForms() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("my-secret.v1", "AQIDBA==", ARN),
				BakedSecret.of("/app/db/password", "BQYHCA==", ARN), BakedSecret.of("DB_PASSWORD", "CQoLDA==", ARN)));
		DecryptedSecrets values = DecryptedSecrets
			.of(Map.of("my-secret.v1", this.password, "/app/db/password", this.apiKey, "DB_PASSWORD", "env-style"));
		BakedSecretsPropertySource source = new BakedSecretsPropertySource(SecretValues.of(secrets, values), LOCATION,
				null);
		assertThat(source.getPropertyNames()).contains("my-secret.v1", "/app/db/password");
		assertThat(source.getProperty("my-secret.v1")).isEqualTo(this.password);
		assertThat(source.getProperty("/app/db/password")).isEqualTo(this.apiKey);
		assertThat(source.getProperty("MY-SECRET.V1")).isNull();
		assertThat(source.getProperty("my_secret_v1")).isNull();
		assertThat(source.getProperty("db.password")).isEqualTo("env-style");
		assertThat(source.getProperty("db-password")).isEqualTo("env-style");
	}

	private BakedSecretsPropertySource eager(String prefix) {
		DecryptedSecrets values = DecryptedSecrets.of(Map.of("DB_PASSWORD", this.password, "API_KEY", this.apiKey));
		return new BakedSecretsPropertySource(SecretValues.of(this.secrets, values), LOCATION, prefix);
	}

	private BakedSecretsPropertySource lazy(LocalAwsServer server) {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets
			.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn),
					BakedSecretFixtures.bake(server, "API_KEY", this.apiKey, keyArn)));
		server.resetCounters();
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		SecretValues values = SecretValues.lazy(baked, BakedSecretsDecrypter.builder(this.kms).build(), (secret) -> {
		});
		return new BakedSecretsPropertySource(values, LOCATION, null);
	}

}
