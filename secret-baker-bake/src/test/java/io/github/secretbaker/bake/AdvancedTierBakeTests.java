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

package io.github.secretbaker.bake;

import java.util.Base64;
import java.util.List;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for baking Advanced-tier SecureStrings, whose values are AWS Encryption SDK
 * messages, and parameters shared from other accounts, against the local KMS and SSM
 * server.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class AdvancedTierBakeTests {

	private static final String OTHER_ACCOUNT = "111122223333";

	private final LocalAwsServer server;

	private final SsmClient ssm;

	private final KmsClient kms;

	private String keyArn;

	AdvancedTierBakeTests(LocalAwsServer server, SsmClient ssm, KmsClient kms) {
		this.server = server;
		this.ssm = ssm;
		this.kms = kms;
	}

	@BeforeEach
	void setUp() {
		this.keyArn = this.server.createKey("alias/app");
	}

	@Test
	void bakesAnAdvancedTierMessageWithItsTierAndKeyWithoutAWarning() {
		String value = TestSecrets.newValue().repeat(100);
		String arn = this.server.putAdvancedSecureString("/app/tls/chain", value, this.keyArn);
		BakeResult result = baker().bake(List.of(SecretRequest.of("TLS_CHAIN", "/app/tls/chain")));
		BakedSecret secret = result.secrets().get("TLS_CHAIN");
		assertThat(secret).isNotNull();
		assertThat(secret.tier()).isEqualTo(BakedSecret.ADVANCED_TIER);
		assertThat(secret.isEncryptionSdkMessage()).isTrue();
		assertThat(secret.arn()).isEqualTo(arn);
		assertThat(secret.keyId()).isEqualTo(this.keyArn);
		assertThat(secret.ciphertext()).isEqualTo(storedValue("/app/tls/chain")).doesNotContain(value);
		assertThat(this.server.callCount("Decrypt")).isZero();
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void bakesValuesOverFourKilobytesThatIntelligentTieringPutInTheAdvancedTier() {
		String value = "x".repeat(5000);
		this.server.ssmClient()
			.putParameter((request) -> request.name("/app/large")
				.type(ParameterType.SECURE_STRING)
				.keyId(this.keyArn)
				.tier(ParameterTier.INTELLIGENT_TIERING)
				.value(value));
		BakedSecret secret = baker().bake(List.of(SecretRequest.of("LARGE", "/app/large"))).secrets().get("LARGE");
		assertThat(secret.tier()).isEqualTo(BakedSecret.ADVANCED_TIER);
	}

	@Test
	void tellsTheTierFromTheValueWhenDescribeParametersIsDenied() {
		this.server.putAdvancedSecureString("/app/v1", TestSecrets.newValue(), this.keyArn,
				CryptoAlgorithm.ALG_AES_256_GCM_IV12_TAG16_HKDF_SHA256);
		this.server.putAdvancedSecureString("/app/v2", TestSecrets.newValue(), this.keyArn,
				CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY);
		this.server.putSecureString("/app/standard", TestSecrets.newValue(), this.keyArn);
		this.server.faults().deny("DescribeParameters", "*");
		BakedSecrets secrets = baker().bake(List.of(SecretRequest.of("V1", "/app/v1"),
				SecretRequest.of("V2", "/app/v2"), SecretRequest.of("STANDARD", "/app/standard")))
			.secrets();
		assertThat(secrets.get("V1").tier()).isEqualTo(BakedSecret.ADVANCED_TIER);
		assertThat(secrets.get("V2").tier()).isEqualTo(BakedSecret.ADVANCED_TIER);
		assertThat(secrets.get("STANDARD").tier()).isEqualTo(BakedSecret.STANDARD_TIER);
	}

	@Test
	void bakesAParameterSharedFromAnotherAccountByItsArnWithTheOwnersKey() {
		String sharedKeyArn = this.server.createKeyInAccount(OTHER_ACCOUNT);
		String arn = this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", TestSecrets.newValue(),
				sharedKeyArn);
		this.server.putSecureString("/app/own", TestSecrets.newValue(), this.keyArn);
		BakeResult result = baker()
			.bake(List.of(SecretRequest.of("SHARED_TOKEN", arn), SecretRequest.of("OWN", "/app/own")));
		BakedSecret shared = result.secrets().get("SHARED_TOKEN");
		assertThat(shared.arn()).isEqualTo(arn);
		assertThat(shared.keyId()).isEqualTo(sharedKeyArn);
		assertThat(shared.tier()).isEqualTo(BakedSecret.ADVANCED_TIER);
		assertThat(shared.version()).isEqualTo(1L);
		assertThat(result.secrets().get("OWN").keyId()).isEqualTo(this.keyArn);
		assertThat(this.server.callCount("GetParameterHistory")).isEqualTo(1);
	}

	@Test
	void bakesAPinnedVersionOfASharedParameter() {
		String sharedKeyArn = this.server.createKeyInAccount(OTHER_ACCOUNT);
		String arn = this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", TestSecrets.newValue(),
				sharedKeyArn);
		this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", TestSecrets.newValue(), sharedKeyArn);
		BakedSecret secret = baker().bake(List.of(SecretRequest.of("SHARED_TOKEN", arn + ":1")))
			.secrets()
			.get("SHARED_TOKEN");
		assertThat(secret.version()).isEqualTo(1L);
		assertThat(secret.keyId()).isEqualTo(sharedKeyArn);
	}

	private String storedValue(String name) {
		String value = this.server.ssmClient()
			.getParameter((request) -> request.name(name).withDecryption(false))
			.parameter()
			.value();
		assertThat(Base64.getDecoder().decode(value)).startsWith(0x01, 0x80);
		return value;
	}

	private ParameterStoreBaker baker() {
		return ParameterStoreBaker.builder(this.ssm).kms(this.kms).build();
	}

}
