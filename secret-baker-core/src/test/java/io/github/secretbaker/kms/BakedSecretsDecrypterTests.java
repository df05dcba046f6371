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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.http.HttpKmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BakedSecretsDecrypter}, against the local KMS and SSM server: the
 * contract suite of the {@link KmsDecrypter} implementations, run once with each client
 * type.
 */
@LocalAwsTest
@ParameterizedClass(name = "{0} client")
@EnumSource(KmsClientType.class)
class BakedSecretsDecrypterTests {

	private final LocalAwsServer server;

	@Parameter
	private KmsClientType clientType;

	private KmsDecrypter kms;

	private String keyArn;

	private final Map<String, String> values = new LinkedHashMap<>();

	BakedSecretsDecrypterTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void createKeyAndClient() {
		this.keyArn = this.server.createKey("alias/app");
		this.kms = BakedSecretFixtures.decrypter(this.server, this.clientType, Duration.ofSeconds(5));
	}

	@AfterEach
	void closeClient() {
		this.kms.close();
	}

	@Test
	void decryptsEverySecretWithOneDecryptCallEach() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY", "TOKEN");
		this.server.resetCounters();
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(secrets);
		assertThat(decrypted.names()).containsExactly("API_KEY", "DB_PASSWORD", "TOKEN");
		this.values.forEach((name, value) -> assertThat(decrypted.get(name)).isEqualTo(value));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
	}

	@Test
	void decryptsSecretsInParallel() {
		BakedSecrets secrets = bake("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");
		this.server.resetCounters();
		this.server.faults().latency("Decrypt", Duration.ofMillis(200));
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(secrets);
		assertThat(decrypted.size()).isEqualTo(8);
		assertThat(this.server.maxInFlight("Decrypt")).isGreaterThan(1);
	}

	@Test
	void keepsConcurrencyWithinTheLimit() {
		BakedSecrets secrets = bake("S1", "S2", "S3", "S4", "S5", "S6");
		this.server.resetCounters();
		this.server.faults().latency("Decrypt", Duration.ofMillis(100));
		BakedSecretsDecrypter decrypter = BakedSecretsDecrypter.builder(this.kms).concurrency(2).build();
		assertThat(decrypter.decryptAll(secrets).size()).isEqualTo(6);
		assertThat(this.server.maxInFlight("Decrypt")).isBetween(1, 2);
	}

	@Test
	void decryptsFilesWrittenByTheNodePlugin() {
		BakedSecrets baked = bake("DB_PASSWORD", "API_KEY");
		BakedSecrets nodeFormat = BakedSecrets
			.of(baked.asList().stream().map(BakedSecretFixtures::asNodePluginEntry).toList());
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(nodeFormat);
		assertThat(decrypted.get("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(decrypted.get("API_KEY")).isEqualTo(this.values.get("API_KEY"));
	}

	@Test
	void recoversFromAThrottlingBurst() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY", "TOKEN");
		this.server.resetCounters();
		this.server.faults().throttleNext("Decrypt", 4);
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(secrets);
		assertThat(decrypted.get("TOKEN")).isEqualTo(this.values.get("TOKEN"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3 + 4);
	}

	@Test
	void retriesServerErrors() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		this.server.resetCounters();
		this.server.faults().failNext("Decrypt", 2);
		assertThat(decrypter(Duration.ofSeconds(5)).decryptAll(secrets).get("DB_PASSWORD"))
			.isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
	}

	@Test
	void reportsThrottlingThatOutlastsTheDeadline() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		this.server.faults().throttleNext("Decrypt", 100_000);
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofMillis(600)).decryptAll(secrets))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
					assertThat(failure.errorCode()).isEqualTo("ThrottlingException");
				});
			});
	}

	@Test
	void reportsThrottlingWhenTheCredentialsOfALaterAttemptRunIntoTheDeadline() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		this.server.faults().throttleNext("Decrypt", 100_000);
		AtomicInteger resolutions = new AtomicInteger();
		AwsCredentialsProvider slowAfterTheFirst = () -> {
			if (resolutions.getAndIncrement() > 0) {
				try {
					Thread.sleep(5_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return this.server.credentialsProvider().resolveCredentials();
		};
		try (KmsDecrypter kms = HttpKmsDecrypter.builder()
			.settings(new KmsClientSettings(this.server.region(), this.server.endpoint(), null, Duration.ofSeconds(1)))
			.credentialsProvider(slowAfterTheFirst)
			.build()) {
			assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(
					() -> BakedSecretsDecrypter.builder(kms).timeout(Duration.ofSeconds(1)).build().decryptAll(secrets))
				.satisfies((ex) -> assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
					assertThat(failure.errorCode()).isEqualTo("ThrottlingException");
				}));
		}
		assertThat(resolutions).hasValueGreaterThan(1);
	}

	@Test
	void failsWithinTheDeadlineWhenKmsHangs() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY");
		this.server.faults().hangNext("Decrypt", 1);
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofSeconds(1)).decryptAll(secrets))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
					assertThat(failure.errorCode()).isNull();
				});
				assertThat(ex.getAttempted()).isEqualTo(2);
			});
	}

	@Test
	void failsWithinTheDeadlineWhenKmsDripsItsAnswer() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		this.server.faults().dripNext("Decrypt", 1, Duration.ofMillis(100));
		long start = System.nanoTime();
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofSeconds(1)).decryptAll(secrets))
			.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
				.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void saysTheJvmDoesNotTrustTheCertificateOfTheEndpointWithoutRetrying() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		try (LocalAwsServer untrusted = LocalAwsServer.builder().https(true).start();
				KmsDecrypter client = BakedSecretFixtures.decrypter(untrusted, this.clientType,
						Duration.ofSeconds(5))) {
			assertThatExceptionOfType(SecretDecryptionException.class)
				.isThrownBy(() -> BakedSecretsDecrypter.builder(client)
					.timeout(Duration.ofSeconds(5))
					.build()
					.decryptAll(secrets))
				.satisfies((ex) -> {
					assertThat(ex.getAttempted()).isEqualTo(1);
					assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
						assertThat(failure.kind()).isEqualTo(Kind.UNTRUSTED_CERTIFICATE);
						assertThat(failure.detail())
							.isEqualTo("the JVM does not trust the TLS certificate of the KMS " + "endpoint 127.0.0.1:"
									+ untrusted.endpoint().getPort() + " (no trusted certificate for that host name)");
					});
					assertThat(ex.getMessage()).contains("trust store");
				});
			assertThat(untrusted.callCount("Decrypt")).isZero();
		}
	}

	@Test
	void reportsEveryFailedSecretWithoutRetryingPermanentErrors() {
		String otherKeyArn = this.server.createKey("alias/other");
		String disabledKeyArn = this.server.createKey("alias/disabled");
		String deniedKeyArn = this.server.createKey("alias/denied");
		BakedSecret good = BakedSecretFixtures.bake(this.server, "GOOD", remember("GOOD"), this.keyArn);
		BakedSecret tampered = tamper(
				BakedSecretFixtures.bake(this.server, "TAMPERED", remember("TAMPERED"), this.keyArn));
		BakedSecret first = BakedSecretFixtures.bake(this.server, "FIRST", remember("FIRST"), this.keyArn);
		BakedSecret second = BakedSecretFixtures.bake(this.server, "SECOND", remember("SECOND"), this.keyArn);
		BakedSecret wrongKey = withKeyId(
				BakedSecretFixtures.bake(this.server, "WRONG_KEY", remember("WRONG_KEY"), this.keyArn), otherKeyArn);
		BakedSecret disabled = BakedSecretFixtures.bake(this.server, "DISABLED", remember("DISABLED"), disabledKeyArn);
		BakedSecret denied = BakedSecretFixtures.bake(this.server, "DENIED", remember("DENIED"), deniedKeyArn);
		this.server.kmsClient().disableKey((request) -> request.keyId(disabledKeyArn));
		this.server.faults().deny("Decrypt", deniedKeyArn);
		BakedSecrets secrets = BakedSecrets.of(List.of(good, tampered, withArn(first, second.arn()),
				withArn(second, first.arn()), wrongKey, disabled, denied));
		this.server.resetCounters();
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofSeconds(5)).decryptAll(secrets))
			.satisfies((ex) -> {
				Map<String, SecretDecryptionFailure> failures = new LinkedHashMap<>();
				ex.getFailures().forEach((failure) -> failures.put(failure.secretName(), failure));
				assertThat(failures).containsOnlyKeys("TAMPERED", "FIRST", "SECOND", "WRONG_KEY", "DISABLED", "DENIED");
				assertThat(failures.get("TAMPERED").kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
				assertThat(failures.get("FIRST").kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
				assertThat(failures.get("FIRST").parameterArn()).isEqualTo(second.arn());
				assertThat(failures.get("WRONG_KEY").kind()).isEqualTo(Kind.INCORRECT_KEY);
				assertThat(failures.get("WRONG_KEY").errorCode()).isEqualTo("IncorrectKeyException");
				assertThat(failures.get("DISABLED").kind()).isEqualTo(Kind.DISABLED);
				assertThat(failures.get("DISABLED").keyArn()).isEqualTo(disabledKeyArn);
				assertThat(failures.get("DENIED").kind()).isEqualTo(Kind.ACCESS_DENIED);
				assertThat(failures.get("DENIED").errorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.getAttempted()).isEqualTo(7);
				assertThat(ex.getMessage()).contains("DENIED", deniedKeyArn, "AccessDeniedException");
				assertNoSecretIn(ex.getMessage(), secrets);
				assertNoSecretIn(ex.getFailures().toString(), secrets);
			});
		assertThat(this.server.callCount("Decrypt")).isEqualTo(7);
	}

	@Test
	void findsTheKeyFromTheCiphertextWhenTheRecordedKeyIdIsAnAlias() {
		this.server.createKey("alias/other");
		BakedSecret baked = BakedSecretFixtures.bake(this.server, "DB_PASSWORD", remember("DB_PASSWORD"), this.keyArn);
		String aliasOfItsKey = aliasArn("alias/app");
		String aliasOfAnotherKey = aliasArn("alias/other");
		BakedSecrets secrets = BakedSecrets.of(List.of(copy(baked, "BY_ALIAS_ARN", aliasOfItsKey),
				copy(baked, "BY_ALIAS_NAME", "alias/app"), copy(baked, "BY_ALIAS_OF_ANOTHER_KEY", aliasOfAnotherKey),
				copy(baked, "BY_ALIAS_NAME_OF_ANOTHER_KEY", "alias/other")));
		this.server.resetCounters();
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(secrets);
		assertThat(decrypted.names()).hasSize(4);
		decrypted.names().forEach((name) -> assertThat(decrypted.get(name)).isEqualTo(this.values.get("DB_PASSWORD")));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
	}

	@Test
	void sendsOnlyKeyArnsAndKeyIdsAsTheKeyId() {
		assertThat(DirectKmsOpener.isKeyIdentifier(this.keyArn)).isTrue();
		assertThat(DirectKmsOpener.isKeyIdentifier("1234abcd-12ab-34cd-56ef-1234567890ab")).isTrue();
		assertThat(DirectKmsOpener.isKeyIdentifier("mrk-1234abcd12ab34cd56ef1234567890ab")).isTrue();
		assertThat(DirectKmsOpener
			.isKeyIdentifier("arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab")).isTrue();
		assertThat(DirectKmsOpener.isKeyIdentifier(aliasArn("alias/app"))).isFalse();
		assertThat(DirectKmsOpener.isKeyIdentifier("alias/app")).isFalse();
	}

	@Test
	void decryptsOneSecretOnTheCallingThread() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY");
		this.server.resetCounters();
		String value = decrypter(Duration.ofSeconds(5)).decrypt(secrets.get("API_KEY"));
		assertThat(value).isEqualTo(this.values.get("API_KEY"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void reportsOneFailedSecret() {
		BakedSecret secret = tamper(
				BakedSecretFixtures.bake(this.server, "DB_PASSWORD", remember("DB_PASSWORD"), this.keyArn));
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofSeconds(5)).decrypt(secret))
			.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
				.extracting(SecretDecryptionFailure::kind)
				.isEqualTo(Kind.INVALID_CIPHERTEXT));
	}

	@Test
	void decryptsNothingWhenThereAreNoSecrets() {
		assertThat(decrypter(Duration.ofSeconds(5)).decryptAll(BakedSecrets.empty()).size()).isZero();
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void keepsValuesOutOfToString() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		DecryptedSecrets decrypted = decrypter(Duration.ofSeconds(5)).decryptAll(secrets);
		assertThat(decrypted).hasToString("DecryptedSecrets[DB_PASSWORD]");
	}

	private BakedSecretsDecrypter decrypter(Duration timeout) {
		return BakedSecretsDecrypter.builder(this.kms).timeout(timeout).build();
	}

	private BakedSecrets bake(String... names) {
		List<BakedSecret> secrets = new ArrayList<>();
		for (String name : names) {
			secrets.add(BakedSecretFixtures.bake(this.server, name, remember(name), this.keyArn));
		}
		return BakedSecrets.of(secrets);
	}

	private String remember(String name) {
		String value = BakedSecretFixtures.randomValue();
		this.values.put(name, value);
		return value;
	}

	private void assertNoSecretIn(String text, BakedSecrets secrets) {
		this.values.values().forEach((value) -> assertThat(text).doesNotContain(value));
		secrets.forEach((secret) -> assertThat(text).doesNotContain(secret.ciphertext()));
	}

	private static BakedSecret tamper(BakedSecret secret) {
		byte[] blob = secret.ciphertextBlob();
		blob[blob.length - 1] ^= 0x01;
		return new BakedSecret(secret.name(), Base64.getEncoder().encodeToString(blob), secret.arn(), secret.version(),
				secret.keyId(), secret.tier());
	}

	private static BakedSecret withArn(BakedSecret secret, String arn) {
		return new BakedSecret(secret.name(), secret.ciphertext(), arn, secret.version(), secret.keyId(),
				secret.tier());
	}

	private String aliasArn(String aliasName) {
		return "arn:aws:kms:" + this.server.region() + ":" + this.server.accountId() + ":" + aliasName;
	}

	private static BakedSecret copy(BakedSecret secret, String name, String keyId) {
		return new BakedSecret(name, secret.ciphertext(), secret.arn(), secret.version(), keyId, secret.tier());
	}

	private static BakedSecret withKeyId(BakedSecret secret, String keyId) {
		return new BakedSecret(secret.name(), secret.ciphertext(), secret.arn(), secret.version(), keyId,
				secret.tier());
	}

}
