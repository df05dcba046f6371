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
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptionSdkOpener}: Advanced-tier entries, AWS Encryption SDK
 * messages made by the local server as Parameter Store makes them, decrypted through the
 * {@link BakedSecretsDecrypter} and its {@link KmsDecrypter} seam.
 */
@LocalAwsTest
class EncryptionSdkOpenerTests {

	private static final String OTHER_ACCOUNT = "111122223333";

	private final LocalAwsServer server;

	private KmsDecrypter kms;

	private String keyArn;

	EncryptionSdkOpenerTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void createKeyAndClient() {
		this.keyArn = this.server.createKey("alias/app");
		this.kms = BakedSecretFixtures.decrypter(this.server, KmsClientType.SDK, Duration.ofSeconds(5));
	}

	@AfterEach
	void closeClient() {
		this.kms.close();
	}

	@Test
	void decryptsASixKilobyteAdvancedTierValueWithOneDecryptCall() {
		String value = EncryptionSdkFixtures.randomValue(6 * 1024);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "TLS_CHAIN", value, this.keyArn);
		this.server.resetCounters();
		DecryptedSecrets decrypted = decrypter().decryptAll(BakedSecrets.of(List.of(secret)));
		assertThat(decrypted.get("TLS_CHAIN")).isEqualTo(value);
		assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("suites")
	void decryptsMessagesOfBothFormatsAndEverySuite(CryptoAlgorithm suite) {
		String value = EncryptionSdkFixtures.randomValue(5000);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", value, this.keyArn, suite);
		assertThat(secret.ciphertextBlob()[0]).isEqualTo(suite.getMessageFormatVersion());
		assertThat(decrypter().decrypt(secret)).isEqualTo(value);
	}

	static Stream<CryptoAlgorithm> suites() {
		return Stream.of(CryptoAlgorithm.values());
	}

	@Test
	void decryptsAndStandardEntriesTogether() {
		String advancedValue = EncryptionSdkFixtures.randomValue(5000);
		String standardValue = BakedSecretFixtures.randomValue();
		BakedSecret advanced = EncryptionSdkFixtures.bake(this.server, "ADVANCED", advancedValue, this.keyArn);
		BakedSecret standard = BakedSecretFixtures.bake(this.server, "STANDARD", standardValue, this.keyArn);
		DecryptedSecrets decrypted = decrypter().decryptAll(BakedSecrets.of(List.of(advanced, standard)));
		assertThat(decrypted.get("ADVANCED")).isEqualTo(advancedValue);
		assertThat(decrypted.get("STANDARD")).isEqualTo(standardValue);
	}

	@Test
	void opensAMessageByItsFormatWhenTheFileRecordsNoTier() {
		String value = EncryptionSdkFixtures.randomValue(100);
		BakedSecret baked = EncryptionSdkFixtures.bake(this.server, "TOKEN", value, this.keyArn);
		assertThat(decrypter().decrypt(BakedSecretFixtures.asNodePluginEntry(baked))).isEqualTo(value);
	}

	@Test
	void refusesAMessageMovedToAnotherEntryWithoutCallingKms() {
		BakedSecret first = EncryptionSdkFixtures.bake(this.server, "FIRST", EncryptionSdkFixtures.randomValue(100),
				this.keyArn);
		BakedSecret second = EncryptionSdkFixtures.bake(this.server, "SECOND", EncryptionSdkFixtures.randomValue(100),
				this.keyArn);
		BakedSecret moved = new BakedSecret("SECOND", first.ciphertext(), second.arn(), second.version(),
				second.keyId(), second.tier());
		this.server.resetCounters();
		assertThat(failure(moved).kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
		assertThat(failure(moved).detail()).contains("not bound to this entry's parameter");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void refusesAnAlteredMessage() {
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", EncryptionSdkFixtures.randomValue(3000),
				this.keyArn);
		byte[] message = secret.ciphertextBlob();
		message[message.length / 2] ^= 0x01;
		SecretDecryptionFailure failure = failure(withCiphertext(secret, message));
		assertThat(failure.kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
		assertThat(failure.detail()).doesNotContain(secret.ciphertext().substring(0, 16));
	}

	@Test
	void verifiesTheSignatureOfASignedMessageBeforeCallingKms() {
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", EncryptionSdkFixtures.randomValue(300),
				this.keyArn, CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384);
		byte[] message = secret.ciphertextBlob();
		message[message.length - 5] ^= 0x01;
		this.server.resetCounters();
		SecretDecryptionFailure failure = failure(withCiphertext(secret, message));
		assertThat(failure.kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
		assertThat(failure.detail()).endsWith("its signature does not verify");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void refusesAnAdvancedTierEntryWhoseValueIsNoMessageWithoutCallingKms() {
		BakedSecret standard = BakedSecretFixtures.bake(this.server, "SECRET", BakedSecretFixtures.randomValue(),
				this.keyArn);
		BakedSecret advanced = new BakedSecret(standard.name(), standard.ciphertext(), standard.arn(),
				standard.version(), standard.keyId(), BakedSecret.ADVANCED_TIER);
		this.server.resetCounters();
		assertThat(failure(advanced).kind()).isEqualTo(Kind.INVALID_CIPHERTEXT);
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void passesTheKmsFailuresOfTheDataKeyThrough() {
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", EncryptionSdkFixtures.randomValue(100),
				this.keyArn);
		this.server.faults().deny("Decrypt", this.keyArn);
		SecretDecryptionFailure failure = failure(secret);
		assertThat(failure.kind()).isEqualTo(Kind.ACCESS_DENIED);
		assertThat(failure.errorCode()).isEqualTo("AccessDeniedException");
		assertThat(failure.keyArn()).isEqualTo(this.keyArn);
	}

	@Test
	void retriesAThrottledDataKeyDecrypt() {
		String value = EncryptionSdkFixtures.randomValue(100);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", value, this.keyArn);
		this.server.resetCounters();
		this.server.faults().throttleNext("Decrypt", 2);
		assertThat(decrypter().decrypt(secret)).isEqualTo(value);
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
	}

	@Test
	void pinsTheDataKeyDecryptToTheRecordedKey() {
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", EncryptionSdkFixtures.randomValue(100),
				this.keyArn);
		String otherKey = this.server.createKey("alias/other");
		BakedSecret recordedWithOtherKey = new BakedSecret(secret.name(), secret.ciphertext(), secret.arn(),
				secret.version(), otherKey, secret.tier());
		assertThat(failure(recordedWithOtherKey).kind()).isEqualTo(Kind.INCORRECT_KEY);
	}

	@Test
	void decryptsAParameterSharedFromAnotherAccountWithItsOwnersKey() {
		String sharedKeyArn = this.server.createKeyInAccount(OTHER_ACCOUNT);
		String value = EncryptionSdkFixtures.randomValue(2000);
		String arn = this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", value, sharedKeyArn);
		BakedSecret secret = EncryptionSdkFixtures.read(this.server, "SHARED_TOKEN", arn, sharedKeyArn);
		assertThat(secret.arn()).isEqualTo(arn);
		assertThat(decrypter().decrypt(secret)).isEqualTo(value);
		this.server.faults().deny("Decrypt", sharedKeyArn);
		assertThat(failure(secret).kind()).isEqualTo(Kind.ACCESS_DENIED);
	}

	@Test
	void neverPutsTheValueOrTheMessageInAFailure() {
		String value = EncryptionSdkFixtures.randomValue(100);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "SECRET", value, this.keyArn);
		byte[] message = secret.ciphertextBlob();
		message[message.length - 1] ^= 0x01;
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter().decryptAll(BakedSecrets.of(List.of(withCiphertext(secret, message)))))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("SECRET")
				.contains("INVALID_CIPHERTEXT")
				.doesNotContain(value)
				.doesNotContain(secret.ciphertext().substring(0, 16))
				.doesNotContain(Base64.getEncoder().encodeToString(message).substring(0, 16)));
	}

	private BakedSecretsDecrypter decrypter() {
		return BakedSecretsDecrypter.builder(this.kms).timeout(Duration.ofSeconds(5)).build();
	}

	private SecretDecryptionFailure failure(BakedSecret secret) {
		try {
			decrypter().decrypt(secret);
		}
		catch (SecretDecryptionException ex) {
			assertThat(ex.getFailures()).hasSize(1);
			return ex.getFailures().get(0);
		}
		throw new AssertionError("The secret was decrypted");
	}

	private static BakedSecret withCiphertext(BakedSecret secret, byte[] ciphertext) {
		return new BakedSecret(secret.name(), Base64.getEncoder().encodeToString(ciphertext), secret.arn(),
				secret.version(), secret.keyId(), secret.tier());
	}

}
