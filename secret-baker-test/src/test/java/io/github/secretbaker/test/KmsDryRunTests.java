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
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunModifierType;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract tests for {@code Decrypt} with {@code DryRun} and for STS {@code AssumeRole},
 * through the AWS SDK v2 clients over HTTP, with deny rules that target a role.
 */
@LocalAwsTest
class KmsDryRunTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/orders-function";

	private final LocalAwsServer server;

	private final KmsClient kms;

	private String keyArn;

	private String parameterArn;

	private SdkBytes ciphertext;

	KmsDryRunTests(LocalAwsServer server) {
		this.server = server;
		this.kms = server.kmsClient();
	}

	@BeforeEach
	void createKeyAndCiphertext() {
		this.keyArn = this.server.createKey();
		this.parameterArn = this.server.parameterArn("/orders/db-password");
		this.ciphertext = this.kms
			.encrypt((request) -> request.keyId(this.keyArn)
				.plaintext(SdkBytes.fromString("p, a\"ss\n", StandardCharsets.UTF_8))
				.encryptionContext(context(this.parameterArn)))
			.ciphertextBlob();
	}

	@AfterEach
	void clearFaults() {
		this.server.faults().clear();
	}

	@Test
	void answersADryRunThatWouldSucceedWithDryRunOperationExceptionAndNoPlaintext() {
		assertThatExceptionOfType(DryRunOperationException.class).isThrownBy(() -> this.kms.decrypt(dryRun()))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(412))
			.withMessageContaining("DryRun");
	}

	@Test
	void answersADryRunWithTheErrorTheCallWouldHave() {
		this.server.faults().deny("Decrypt", this.keyArn);
		assertThatExceptionOfType(KmsException.class).isThrownBy(() -> this.kms.decrypt(dryRun()))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
		this.server.faults().clear();
		assertThatExceptionOfType(InvalidCiphertextException.class)
			.isThrownBy(() -> this.kms.decrypt(dryRun().toBuilder().encryptionContext(context("arn:other")).build()));
		this.server.kmsClient().disableKey((request) -> request.keyId(this.keyArn));
		assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> this.kms.decrypt(dryRun()));
	}

	@Test
	void checksOnlyAuthorizationWhenTheCiphertextIsIgnored() {
		DecryptRequest garbage = DecryptRequest.builder()
			.ciphertextBlob(SdkBytes.fromUtf8String("not a ciphertext"))
			.keyId(this.keyArn)
			.dryRun(true)
			.dryRunModifiers(DryRunModifierType.IGNORE_CIPHERTEXT)
			.build();
		assertThatExceptionOfType(DryRunOperationException.class).isThrownBy(() -> this.kms.decrypt(garbage));
		assertThatExceptionOfType(KmsException.class)
			.isThrownBy(() -> this.kms.decrypt(garbage.toBuilder().dryRun(false).build()))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void assumesARoleWhoseCredentialsAreAnsweredAsThatRole() {
		try (StsClient sts = sts(); KmsClient asRole = kmsAs(assume(sts, ROLE))) {
			this.server.faults().denyTo(ROLE, "Decrypt", this.keyArn);
			assertThatExceptionOfType(KmsException.class).isThrownBy(() -> asRole.decrypt(dryRun()))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
				.withMessageContaining("arn:aws:sts::123456789012:assumed-role/orders-function/verify")
				.withMessageContaining(this.keyArn);
			// the rule names the role: the server's own user may still decrypt
			assertThatExceptionOfType(DryRunOperationException.class).isThrownBy(() -> this.kms.decrypt(dryRun()));
		}
	}

	@Test
	void deniesOneParameterArnThroughTheEncryptionContext() {
		String otherArn = this.server.parameterArn("/orders/api-key");
		SdkBytes other = this.kms
			.encrypt((request) -> request.keyId(this.keyArn)
				.plaintext(SdkBytes.fromUtf8String("k e y, 2"))
				.encryptionContext(context(otherArn)))
			.ciphertextBlob();
		try (StsClient sts = sts(); KmsClient asRole = kmsAs(assume(sts, ROLE))) {
			this.server.faults().denyTo(ROLE, "Decrypt", "*", "PARAMETER_ARN", otherArn);
			assertThatExceptionOfType(DryRunOperationException.class).isThrownBy(() -> asRole.decrypt(dryRun()));
			assertThatExceptionOfType(KmsException.class)
				.isThrownBy(() -> asRole.decrypt(
						(request) -> request.ciphertextBlob(other).encryptionContext(context(otherArn)).dryRun(true)))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
		}
	}

	@Test
	void refusesAssumeRoleWhenDeniedAndSessionsWithoutTheirToken() {
		try (StsClient sts = sts()) {
			this.server.faults().deny("AssumeRole", ROLE);
			assertThatExceptionOfType(StsException.class).isThrownBy(() -> assume(sts, ROLE))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
			this.server.faults().clear();
			AssumeRoleResponse assumed = assume(sts, ROLE);
			assertThat(assumed.assumedRoleUser().arn())
				.isEqualTo("arn:aws:sts::123456789012:assumed-role/orders-function/verify");
			assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
			AwsSessionCredentials wrongToken = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
					assumed.credentials().secretAccessKey(), "not-the-token");
			try (KmsClient forged = this.server.kmsClientBuilder()
				.credentialsProvider(StaticCredentialsProvider.create(wrongToken))
				.build()) {
				assertThatExceptionOfType(KmsException.class).isThrownBy(() -> forged.decrypt(dryRun()))
					.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode())
						.isEqualTo("UnrecognizedClientException"));
			}
		}
	}

	@Test
	void refusesAMalformedRoleArn() {
		try (StsClient sts = sts()) {
			assertThatExceptionOfType(StsException.class).isThrownBy(() -> assume(sts, "arn:aws:iam::123:role/x"))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
		}
	}

	private DecryptRequest dryRun() {
		return DecryptRequest.builder()
			.ciphertextBlob(this.ciphertext)
			.encryptionContext(context(this.parameterArn))
			.keyId(this.keyArn)
			.dryRun(true)
			.build();
	}

	private static Map<String, String> context(String parameterArn) {
		return Map.of("PARAMETER_ARN", parameterArn);
	}

	private StsClient sts() {
		return StsClient.builder()
			.endpointOverride(this.server.endpoint())
			.region(Region.of(this.server.region()))
			.credentialsProvider(this.server.credentialsProvider())
			.build();
	}

	private static AssumeRoleResponse assume(StsClient sts, String roleArn) {
		return sts.assumeRole((request) -> request.roleArn(roleArn).roleSessionName("verify").externalId("pipeline-1"));
	}

	private KmsClient kmsAs(AssumeRoleResponse assumed) {
		return this.server.kmsClientBuilder()
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
							assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken())))
			.build();
	}

}
