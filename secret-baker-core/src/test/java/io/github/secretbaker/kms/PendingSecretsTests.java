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
import java.util.List;
import java.util.Map;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PendingSecrets}: decryption in the background, joined later, against
 * the local KMS server.
 */
@LocalAwsTest
class PendingSecretsTests {

	private final LocalAwsServer server;

	private String keyArn;

	private KmsDecrypter kms;

	PendingSecretsTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void createKeyAndClient() {
		this.keyArn = this.server.createKey();
		this.kms = BakedSecretFixtures.decrypter(this.server, KmsClientType.SDK, Duration.ofSeconds(5));
	}

	@AfterEach
	void closeClient() {
		this.kms.close();
	}

	@Test
	void returnsAtOnceAndJoinsWithinTheDeadline() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		this.server.faults().hangNext("Decrypt", 1);
		PendingSecrets pending = decrypter(Duration.ofSeconds(1), 16).start(secrets);
		assertThat(pending.isDone()).isFalse();
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(pending::join)
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(SecretDecryptionFailure::kind)
				.containsExactly(Kind.TIMEOUT));
		assertThat(pending.isDone()).isTrue();
	}

	@Test
	void givesEveryJoinTheSameOutcome() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY");
		PendingSecrets pending = decrypter(Duration.ofSeconds(5), 16).start(secrets);
		DecryptedSecrets first = pending.join();
		assertThat(pending.join()).isSameAs(first);
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
		assertThat(pending.getElapsed()).isPositive();
		assertThat(pending).hasToString("PendingSecrets[API_KEY, DB_PASSWORD][done]");
	}

	@Test
	void keepsTwoCallsInFlightUntilSomethingWaitsThenTheFullConcurrency() throws InterruptedException {
		BakedSecrets secrets = bake("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S12");
		this.server.faults().latency("Decrypt", Duration.ofMillis(200));
		PendingSecrets pending = decrypter(Duration.ofSeconds(10), 8).start(secrets);
		long giveUp = System.nanoTime() + Duration.ofSeconds(8).toNanos();
		while (this.server.callCount("Decrypt") < 5 && System.nanoTime() < giveUp) {
			Thread.sleep(10);
		}
		assertThat(this.server.callCount("Decrypt")).isGreaterThanOrEqualTo(5);
		assertThat(this.server.maxInFlight("Decrypt")).isEqualTo(PendingSecrets.BACKGROUND_CONCURRENCY);
		assertThat(pending.join().names()).hasSize(12);
		assertThat(this.server.maxInFlight("Decrypt")).isGreaterThan(PendingSecrets.BACKGROUND_CONCURRENCY)
			.isLessThanOrEqualTo(8);
		assertThat(this.server.callCount("Decrypt")).isEqualTo(12);
	}

	@Test
	void reportsSecretsStillQueuedAtTheDeadlineAsNotAttempted() {
		BakedSecrets secrets = bake("A_FIRST", "B_SECOND", "C_THIRD");
		this.server.faults().hangNext("Decrypt", 3);
		PendingSecrets pending = decrypter(Duration.ofSeconds(1), 1).start(secrets);
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(pending::join).satisfies((ex) -> {
			assertThat(ex.getFailures()).extracting(SecretDecryptionFailure::kind)
				.containsExactly(Kind.TIMEOUT, Kind.NOT_ATTEMPTED, Kind.NOT_ATTEMPTED);
			assertThat(ex.getMessage()).contains("still waiting for its turn");
			assertThat(ex.getAction()).contains("The deadline passed before B_SECOND, C_THIRD got its turn. Raise "
					+ "secret-baker.timeout or secret-baker.concurrency");
		});
	}

	@Test
	void namesTheRegionOfAKeyThatTheClientCannotReach() {
		BakedSecrets secrets = bake("DB_PASSWORD");
		try (KmsDecrypter otherRegion = SdkKmsDecrypter.builder()
			.settings(KmsClientSettings.defaults().withRegion("eu-west-1").withEndpoint(this.server.endpoint()))
			.credentialsProvider(this.server.credentialsProvider())
			.build()) {
			assertThatExceptionOfType(SecretDecryptionException.class)
				.isThrownBy(() -> BakedSecretsDecrypter.builder(otherRegion).build().decryptAll(secrets))
				.satisfies((ex) -> {
					SecretDecryptionFailure failure = ex.getFailures().get(0);
					assertThat(failure.kind()).isEqualTo(Kind.ACCESS_DENIED);
					assertThat(failure.otherRegion()).isEqualTo(this.server.region());
					assertThat(ex.getMessage())
						.contains("the key is in " + this.server.region() + ", the client calls eu-west-1");
					assertThat(ex.getAction()).contains("Set secret-baker.region to the key's region");
				});
		}
	}

	@Test
	void failsAPlaintextThatIsNotTextAsAnInvalidResponseNamingTheSecret() {
		String parameterArn = this.server.parameterArn("/app/binary");
		byte[] ciphertext = this.server.kmsClient()
			.encrypt((request) -> request.keyId(this.keyArn)
				.plaintext(SdkBytes.fromByteArray(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }))
				.encryptionContext(Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, parameterArn)))
			.ciphertextBlob()
			.asByteArray();
		BakedSecrets secrets = BakedSecrets
			.of(List.of(BakedSecret.of("BINARY", Base64.getEncoder().encodeToString(ciphertext), parameterArn)));
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> decrypter(Duration.ofSeconds(5), 16).decryptAll(secrets))
			.satisfies((ex) -> assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
				assertThat(failure.secretName()).isEqualTo("BINARY");
				assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
			}));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void primesWithoutCallingKms() {
		BakedSecrets secrets = bake("DB_PASSWORD", "API_KEY");
		this.server.resetCounters();
		decrypter(Duration.ofSeconds(5), 16).prime(secrets);
		assertThat(this.server.callCounts()).isEmpty();
	}

	private BakedSecretsDecrypter decrypter(Duration timeout, int concurrency) {
		return BakedSecretsDecrypter.builder(this.kms).timeout(timeout).concurrency(concurrency).build();
	}

	private BakedSecrets bake(String... names) {
		List<BakedSecret> secrets = new ArrayList<>();
		for (String name : names) {
			secrets.add(BakedSecretFixtures.bake(this.server, name, BakedSecretFixtures.randomValue(), this.keyArn));
		}
		this.server.resetCounters();
		return BakedSecrets.of(secrets);
	}

}
