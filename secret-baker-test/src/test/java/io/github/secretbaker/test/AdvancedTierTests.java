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

package io.github.secretbaker.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKey;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the Advanced-tier SecureStrings of {@link LocalAwsServer}: AWS Encryption SDK
 * messages made as Parameter Store makes them, and parameters shared from other accounts.
 */
class AdvancedTierTests {

	private static final String OTHER_ACCOUNT = "111122223333";

	private static LocalAwsServer server;

	@BeforeAll
	static void startServer() {
		server = LocalAwsServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	@Test
	void storesAdvancedTierValueAsEncryptionSdkMessageThatTheSdksOwnKmsProviderOpens() {
		String keyArn = server.createKey("alias/app");
		String value = generatedValue(6 * 1024);
		server.ssmClient()
			.putParameter((request) -> request.name("/app/tls/chain")
				.type(ParameterType.SECURE_STRING)
				.keyId("alias/app")
				.tier(ParameterTier.ADVANCED)
				.value(value));
		String arn = server.parameterArn("/app/tls/chain");
		byte[] message = ciphertextOf("/app/tls/chain");
		assertThat(Arrays.copyOf(message, 2)).containsExactly(0x01, 0x80);
		assertThat(new String(message, StandardCharsets.ISO_8859_1)).doesNotContain(value.substring(0, 32));
		// The Encryption SDK's own KMS provider, over HTTP to this server's KMS: the data
		// key is a KMS ciphertext under the parameter's key, bound to the PARAMETER_ARN
		// context.
		KmsMasterKeyProvider provider = KmsMasterKeyProvider.builder()
			.customRegionalClientSupplier((region) -> server.kmsClient())
			.buildStrict(keyArn);
		CryptoResult<byte[], KmsMasterKey> opened = AwsCrypto.builder()
			.withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
			.build()
			.decryptData(provider, message);
		assertThat(new String(opened.getResult(), StandardCharsets.UTF_8)).isEqualTo(value);
		assertThat(opened.getEncryptionContext()).containsEntry("PARAMETER_ARN", arn);
		assertThat(opened.getMasterKeyIds()).containsExactly(keyArn);
		assertThat(opened.getCryptoAlgorithm()).isEqualTo(LocalAwsServer.ADVANCED_TIER_SUITE);
		assertThat(decrypted("/app/tls/chain")).isEqualTo(value);
	}

	@Test
	void putsValuesOverFourKilobytesInTheAdvancedTierWithIntelligentTiering() {
		server.createKey("alias/app");
		String large = generatedValue(4097);
		String small = generatedValue(100);
		assertThat(put("/app/large", large, ParameterTier.INTELLIGENT_TIERING)).isEqualTo(ParameterTier.ADVANCED);
		assertThat(put("/app/small", small, ParameterTier.INTELLIGENT_TIERING)).isEqualTo(ParameterTier.STANDARD);
		assertThat(ciphertextOf("/app/large")[1]).isEqualTo((byte) 0x80);
		assertThat(ciphertextOf("/app/small")[1]).isNotEqualTo((byte) 0x80);
		assertThat(decrypted("/app/large")).isEqualTo(large);
		assertThat(decrypted("/app/small")).isEqualTo(small);
	}

	@Test
	void refusesValuesOverTheLimitsOfEachTier() {
		server.createKey("alias/app");
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> put("/app/standard", generatedValue(4097), ParameterTier.STANDARD))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> put("/app/advanced", generatedValue(8193), ParameterTier.ADVANCED))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		assertThat(put("/app/advanced", generatedValue(8192), ParameterTier.ADVANCED))
			.isEqualTo(ParameterTier.ADVANCED);
	}

	@Test
	void deniesAnAdvancedTierPutWhenGenerateDataKeyIsDenied() {
		String keyArn = server.createKey("alias/app");
		server.faults().deny("GenerateDataKey", keyArn);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> put("/app/advanced", generatedValue(10), ParameterTier.ADVANCED));
	}

	@ParameterizedTest
	@MethodSource("suites")
	void makesMessagesOfEverySuiteInTheirFormatVersion(CryptoAlgorithm suite) {
		server.createKey("alias/app");
		String value = generatedValue(5000);
		server.putAdvancedSecureString("/app/suite", value, "alias/app", suite);
		byte[] message = ciphertextOf("/app/suite");
		assertThat(message[0]).isEqualTo(suite.getMessageFormatVersion());
		assertThat(decrypted("/app/suite")).isEqualTo(value);
	}

	static Stream<CryptoAlgorithm> suites() {
		return Stream.of(CryptoAlgorithm.values());
	}

	@Test
	void servesParameterSharedFromAnotherAccountByItsArnOnly() {
		String keyArn = server.createKeyInAccount(OTHER_ACCOUNT);
		String value = generatedValue(300);
		String arn = server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", value, keyArn);
		assertThat(arn).isEqualTo("arn:aws:ssm:us-east-1:" + OTHER_ACCOUNT + ":parameter/shared/token");
		assertThat(keyArn).startsWith("arn:aws:kms:us-east-1:" + OTHER_ACCOUNT + ":key/");
		Parameter parameter = server.ssmClient()
			.getParameter((request) -> request.name(arn).withDecryption(true))
			.parameter();
		assertThat(parameter.value()).isEqualTo(value);
		assertThat(parameter.arn()).isEqualTo(arn);
		assertThat(parameter.name()).isEqualTo(arn);
		assertThat(server.ssmClient().getParameters((request) -> request.names(arn).withDecryption(false)).parameters())
			.singleElement()
			.satisfies((found) -> assertThat(found.arn()).isEqualTo(arn));
		assertThat(server.ssmClient().getParameterHistory((request) -> request.name(arn)).parameters()).singleElement()
			.satisfies((version) -> assertThat(version.keyId()).isEqualTo(keyArn))
			.satisfies((version) -> assertThat(version.tier()).isEqualTo(ParameterTier.ADVANCED));
		assertThatExceptionOfType(ParameterNotFoundException.class)
			.isThrownBy(() -> server.ssmClient().getParameter((request) -> request.name("/shared/token")));
		assertThat(server.ssmClient().describeParameters().parameters()).isEmpty();
		assertThat(server.kmsClient().listKeys().keys()).noneMatch((key) -> key.keyArn().equals(keyArn));
	}

	@Test
	void usesKeysOfAnotherAccountByKeyArnOnly() {
		String keyArn = server.createKeyInAccount(OTHER_ACCOUNT);
		String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
		assertThat(server.kmsClient().describeKey((request) -> request.keyId(keyArn)).keyMetadata().arn())
			.isEqualTo(keyArn);
		assertThatExceptionOfType(software.amazon.awssdk.services.kms.model.NotFoundException.class)
			.isThrownBy(() -> server.kmsClient().describeKey((request) -> request.keyId(keyId)));
	}

	@Test
	void refusesAnArnOfAnotherAccountThatSharesNothing() {
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> server.ssmClient()
				.getParameter((request) -> request.name("arn:aws:ssm:us-east-1:444455556666:parameter/x")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	private static ParameterTier put(String name, String value, ParameterTier tier) {
		return server.ssmClient()
			.putParameter((request) -> request.name(name)
				.type(ParameterType.SECURE_STRING)
				.keyId("alias/app")
				.tier(tier)
				.value(value))
			.tier();
	}

	private static byte[] ciphertextOf(String name) {
		return Base64.getDecoder()
			.decode(server.ssmClient()
				.getParameter((request) -> request.name(name).withDecryption(false))
				.parameter()
				.value());
	}

	private static String decrypted(String name) {
		return server.ssmClient()
			.getParameter((request) -> request.name(name).withDecryption(true))
			.parameter()
			.value();
	}

	static String generatedValue(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append((char) ('a' + random.nextInt(26)));
		}
		return value.toString();
	}

}
