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

package io.github.secretbaker.bake.verify;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.TestSecrets;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link DecryptVerifier} and {@link AssumedRole} against the local KMS, SSM
 * and STS server.
 */
@LocalAwsTest
@LocalCredentials
class DecryptVerifierTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/orders-function";

	private final LocalAwsServer server;

	private final AwsClientOptions options;

	private ParameterStoreBaker baker;

	private String keyArn;

	private String otherKeyArn;

	private BakedSecrets baked;

	private List<String> values;

	DecryptVerifierTests(LocalAwsServer server) {
		this.server = server;
		this.options = TestSecrets.bakeOptions(server);
	}

	@BeforeEach
	void bake() {
		this.baker = ParameterStoreBaker.builder(this.options).build();
		this.keyArn = this.server.createKey();
		this.otherKeyArn = this.server.createKey();
		this.values = List.of(TestSecrets.newValue(), TestSecrets.newValue(), TestSecrets.newValue());
		this.server.putSecureString("/orders/db", this.values.get(0), this.keyArn);
		this.server.putSecureString("/orders/api", this.values.get(1), this.keyArn);
		this.server.putSecureString("/orders/hook", this.values.get(2), this.otherKeyArn);
		this.baked = this.baker.bake(List.of(SecretRequest.of("DB", "/orders/db"),
				SecretRequest.of("API", "/orders/api"), SecretRequest.of("HOOK", "/orders/hook")))
			.secrets();
		this.server.resetCounters();
	}

	@AfterEach
	void closeBaker() {
		this.baker.close();
	}

	@Test
	void passesForARoleThatCanDecryptEverySecretWithoutAskingForAPlaintext() {
		VerifyReport report = verifyAs(ROLE);
		assertThat(report.passed()).isTrue();
		assertThat(report.checked()).isEqualTo(3);
		assertThat(report.principal())
			.isEqualTo("arn:aws:sts::123456789012:assumed-role/orders-function/secret-baker-verify");
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
		assertThat(this.server.callCount("AssumeRole")).isEqualTo(1);
	}

	@Test
	void namesEverySecretAndTheStatementForARoleDeniedOnAKey() {
		this.server.faults().denyTo(ROLE, "Decrypt", this.keyArn);
		VerifyReport report = verifyAs(ROLE);
		assertThat(report.findings()).extracting(VerifyFinding::secretName, VerifyFinding::kind, VerifyFinding::keyArn)
			.containsExactly(tuple("API", VerifyFinding.Kind.ACCESS_DENIED, this.keyArn),
					tuple("DB", VerifyFinding.Kind.ACCESS_DENIED, this.keyArn));
		VerifyFinding db = report.findings().get(1);
		assertThat(db.describe()).contains("Secret 'DB'", this.server.parameterArn("/orders/db"), this.keyArn,
				"AccessDeniedException");
		assertThat(db.statement()).contains("\"kms:Decrypt\"", this.keyArn, this.server.parameterArn("/orders/db"),
				"kms:EncryptionContext:PARAMETER_ARN");
		// the same credentials' own user is not denied: the rule names the role
		assertThat(new DecryptVerifier(this.server.kmsClient()).verify(this.baked, "local").passed()).isTrue();
	}

	@Test
	void failsOnlyTheSecretWhoseParameterArnIsDenied() {
		this.server.faults().denyTo(ROLE, "Decrypt", "*", "PARAMETER_ARN", this.server.parameterArn("/orders/api"));
		VerifyReport report = verifyAs(ROLE);
		assertThat(report.findings()).extracting(VerifyFinding::secretName, VerifyFinding::kind)
			.containsExactly(tuple("API", VerifyFinding.Kind.ACCESS_DENIED));
		assertThat(report.findings().get(0).statement()).contains(this.server.parameterArn("/orders/api"))
			.doesNotContain(this.server.parameterArn("/orders/db"));
	}

	@Test
	void failsTheSecretsOfADisabledKey() {
		this.server.kmsClient().disableKey((request) -> request.keyId(this.otherKeyArn));
		VerifyReport report = verifyAs(ROLE);
		assertThat(report.findings()).extracting(VerifyFinding::secretName, VerifyFinding::kind)
			.containsExactly(tuple("HOOK", VerifyFinding.Kind.KEY_DISABLED));
		assertThat(report.findings().get(0).describe()).contains("enable " + this.otherKeyArn)
			.doesNotContain(this.values.get(2));
	}

	@Test
	void failsACiphertextBakedForAnotherParameter() {
		BakedSecret db = this.baked.get("DB");
		BakedSecret api = this.baked.get("API");
		BakedSecrets swapped = BakedSecrets
			.of(List.of(new BakedSecret("DB", api.ciphertext(), db.arn(), db.version(), db.keyId(), db.tier())));
		try (KmsClient kms = this.options.createKmsClient(this.server.credentialsProvider())) {
			VerifyReport report = new DecryptVerifier(kms).verify(swapped, "local");
			assertThat(report.findings()).extracting(VerifyFinding::kind)
				.containsExactly(VerifyFinding.Kind.INVALID_CIPHERTEXT);
			assertThat(report.findings().get(0).describe()).doesNotContain(api.ciphertext());
		}
	}

	@Test
	void checksTheDataKeyOfAnAdvancedTierEntryWithTheMessagesContext() {
		this.server.putAdvancedSecureString("/orders/cert", TestSecrets.newValue(), this.keyArn);
		BakedSecrets advanced = this.baker.bake(List.of(SecretRequest.of("CERT", "/orders/cert"))).secrets();
		this.server.resetCounters();
		try (KmsClient kms = this.options.createKmsClient(this.server.credentialsProvider())) {
			assertThat(new DecryptVerifier(kms).verify(advanced, "local").passed()).isTrue();
			assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
			this.server.faults().deny("Decrypt", this.keyArn);
			assertThat(new DecryptVerifier(kms).verify(advanced, "local").findings())
				.extracting(VerifyFinding::secretName, VerifyFinding::kind)
				.containsExactly(tuple("CERT", VerifyFinding.Kind.ACCESS_DENIED));
			this.server.faults().clear();
			BakedSecret entry = advanced.get("CERT");
			byte[] message = entry.ciphertextBlob();
			byte[] truncated = Arrays.copyOf(message, message.length / 2);
			BakedSecrets broken = BakedSecrets
				.of(List.of(new BakedSecret("CERT", Base64.getEncoder().encodeToString(truncated), entry.arn(),
						entry.version(), entry.keyId(), entry.tier())));
			VerifyReport report = new DecryptVerifier(kms).verify(broken, "local");
			assertThat(report.findings()).extracting(VerifyFinding::kind)
				.containsExactly(VerifyFinding.Kind.INVALID_CIPHERTEXT);
			assertThat(report.findings().get(0).reason()).endsWith(": bake the file again");
		}
	}

	@Test
	void reportsARoleThatCannotBeAssumed() {
		this.server.faults().deny("AssumeRole", ROLE);
		assertThatExceptionOfType(RoleAssumptionException.class)
			.isThrownBy(() -> AssumedRole.assume(this.options, ROLE, "pipeline", null))
			.withMessage("Cannot assume role " + ROLE
					+ ": STS answered AccessDenied (HTTP 403): the role's trust policy "
					+ "must allow this caller (sts:AssumeRole), with the external id if it asks for one, and the "
					+ "caller's policy must allow sts:AssumeRole on the role");
	}

	@Test
	void refusesAMalformedRoleArnOrSessionName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssumedRole.assume(this.options, "orders-function", null, null))
			.withMessageContaining("'orders-function' is not the ARN of an IAM role");
		assertThatIllegalArgumentException().isThrownBy(() -> AssumedRole.assume(this.options, ROLE, null, "a b"))
			.withMessageContaining("session name");
	}

	@Test
	void keepsTheSessionCredentialsOutOfToString() {
		AssumedRole role = AssumedRole.assume(this.options, ROLE, null, "ci");
		String accessKeyId = role.credentials().resolveCredentials().accessKeyId();
		assertThat(role.toString()).contains(role.sessionArn()).doesNotContain(accessKeyId);
	}

	private VerifyReport verifyAs(String roleArn) {
		AssumedRole role = AssumedRole.assume(this.options, roleArn, "pipeline-1", null);
		try (KmsClient kms = this.options.createKmsClient(role.credentials())) {
			return new DecryptVerifier(kms, 4).verify(this.baked, role.sessionArn());
		}
	}

}
