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

package io.github.secretbaker.runtime;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.SecretValues;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link BakedSecretsLoader}, against the local KMS and SSM server.
 */
@LocalAwsTest
class BakedSecretsLoaderTests {

	@TempDir
	Path directory;

	@Test
	void loadsAndDecryptsAFileFromTheClasspath(LocalAwsServer server) throws Exception {
		String keyArn = server.createKey();
		String password = BakedSecretFixtures.randomValue();
		String apiKey = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn),
					BakedSecretFixtures.bake(server, "API_KEY", apiKey, keyArn))), file);
		server.resetCounters();
		try (KmsDecrypter kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
				URLClassLoader classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, null)) {
			DecryptedSecrets secrets = BakedSecretsLoader.builder().classLoader(classLoader).client(kms).load();
			assertThat(secrets.require("DB_PASSWORD")).isEqualTo(password);
			assertThat(secrets.require("API_KEY")).isEqualTo(apiKey);
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(2);
	}

	@Test
	void decryptsOnlyIncludedSecrets(LocalAwsServer server) {
		String keyArn = server.createKey();
		String password = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn),
					BakedSecretFixtures.bake(server, "API_KEY", BakedSecretFixtures.randomValue(), keyArn))), file);
		server.resetCounters();
		try (KmsDecrypter kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5))) {
			DecryptedSecrets secrets = BakedSecretsLoader.builder()
				.location("file:" + file)
				.client(kms)
				.include(List.of("DB_PASSWORD"))
				.load();
			assertThat(secrets.names()).containsExactly("DB_PASSWORD");
			assertThat(secrets.require("DB_PASSWORD")).isEqualTo(password);
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void decryptsEachSecretOnItsFirstReadOnceInLazyMode(LocalAwsServer server) {
		String keyArn = server.createKey();
		String password = "p@ss, \"word\" $1 .*\n";
		String apiKey = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn),
					BakedSecretFixtures.bake(server, "API_KEY", apiKey, keyArn))), file);
		server.resetCounters();
		try (KmsDecrypter kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5))) {
			SecretValues secrets = BakedSecretsLoader.builder().location("file:" + file).client(kms).loadLazily();
			assertThat(secrets.isLazy()).isTrue();
			assertThat(server.callCount("Decrypt")).isZero();
			assertThat(secrets.get("DB_PASSWORD")).isEqualTo(password);
			assertThat(secrets.get("DB_PASSWORD")).isEqualTo(password);
			assertThat(server.callCount("Decrypt")).isEqualTo(1);
			assertThat(secrets.isDecrypted("DB_PASSWORD")).isTrue();
			assertThat(secrets.isDecrypted("API_KEY")).isFalse();
			assertThat(secrets.join()).isNull();
			assertThat(secrets.toString()).doesNotContain(password.strip()).doesNotContain(apiKey);
		}
	}

	@Test
	void reportsAFailedLazyReadAndTriesAgainOnTheNextRead(LocalAwsServer server) {
		String keyArn = server.createKey();
		String password = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn))), file);
		try (KmsDecrypter kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5))) {
			SecretValues secrets = BakedSecretsLoader.builder().location("file:" + file).client(kms).loadLazily();
			server.faults().deny("Decrypt", "*");
			assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> secrets.get("DB_PASSWORD"))
				.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(Kind.ACCESS_DENIED)))
				.withMessageNotContaining(password);
			server.faults().clear();
			assertThat(secrets.get("DB_PASSWORD")).isEqualTo(password);
		}
	}

	@Test
	void buildsItsOwnClientForTheConfiguredRegionAndEndpoint(LocalAwsServer server) {
		String keyArn = server.createKey();
		String password = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn))), file);
		String accessKey = System.getProperty("aws.accessKeyId");
		String secretKey = System.getProperty("aws.secretAccessKey");
		System.setProperty("aws.accessKeyId", "AKIALOCALTEST0000000");
		System.setProperty("aws.secretAccessKey", "local-test-secret");
		try {
			DecryptedSecrets secrets = BakedSecretsLoader.builder()
				.location(file.toString())
				.region(server.region())
				.endpoint(server.endpoint())
				.load();
			assertThat(secrets.require("DB_PASSWORD")).isEqualTo(password);
		}
		finally {
			restore("aws.accessKeyId", accessKey);
			restore("aws.secretAccessKey", secretKey);
		}
	}

	@Test
	void callsKmsInTheRegionOfTheKeysWhenNoRegionIsConfigured(LocalAwsServer server) {
		assumeTrue(System.getenv("AWS_REGION") == null, "a region is set in the environment");
		String keyArn = server.createKey();
		String password = BakedSecretFixtures.randomValue();
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile
			.write(BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn))), file);
		String accessKey = System.getProperty("aws.accessKeyId");
		String secretKey = System.getProperty("aws.secretAccessKey");
		System.setProperty("aws.accessKeyId", "AKIALOCALTEST0000000");
		System.setProperty("aws.secretAccessKey", "local-test-secret");
		try {
			DecryptedSecrets secrets = BakedSecretsLoader.builder()
				.location(file.toString())
				.endpoint(server.endpoint())
				.load();
			assertThat(secrets.require("DB_PASSWORD")).isEqualTo(password);
		}
		finally {
			restore("aws.accessKeyId", accessKey);
			restore("aws.secretAccessKey", secretKey);
		}
	}

	@Test
	void namesTheLocationWhenTheFileIsMissing() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsLoader.builder().location("classpath:missing-secrets.json").load())
			.withMessageContaining("classpath:missing-secrets.json")
			.withMessageContaining("does not exist");
	}

	@Test
	void namesAnIncludedSecretThatWasNotBaked() {
		BakedSecrets secrets = BakedSecrets
			.of(List.of(BakedSecret.of("DB_PASSWORD", "AQID", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db")));
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsLoader.select(secrets, List.of("API_KEY"), "secrets.json"))
			.satisfies((ex) -> {
				assertThat(ex.getSecretName()).isEqualTo("API_KEY");
				assertThat(ex.getSource()).isEqualTo("secrets.json");
				assertThat(ex.getMessage()).contains("baked: DB_PASSWORD").doesNotContain("AQID");
			});
	}

	private static void restore(String name, String value) {
		if (value != null) {
			System.setProperty(name, value);
		}
		else {
			System.clearProperty(name);
		}
	}

}
