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

package io.github.secretbaker.bake.check;

import java.util.List;

import io.github.secretbaker.bake.BakeException;
import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.TestSecrets;
import io.github.secretbaker.bake.check.DriftFinding.Kind;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link DriftChecker} against the local KMS and SSM server.
 */
@LocalAwsTest
@LocalCredentials
class DriftCheckerTests {

	private final LocalAwsServer server;

	private ParameterStoreBaker baker;

	private String keyArn;

	DriftCheckerTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void setUp() {
		this.baker = ParameterStoreBaker.builder(TestSecrets.bakeOptions(this.server)).build();
		this.keyArn = this.server.createKey();
	}

	@AfterEach
	void closeClients() {
		this.baker.close();
	}

	@Test
	void findsNothingWhenFileMatchesSsm() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		DriftReport report = new DriftChecker(this.baker).check(baked, requests);
		assertThat(report.isClean()).isTrue();
		assertThat(report.checkedSecrets()).isEqualTo(1);
	}

	@Test
	void findsNewerVersionAfterOverwriteButNotForPinnedSecret() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"),
				SecretRequest.of("PINNED", "/app/db:1"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		DriftReport report = new DriftChecker(this.baker).check(baked, requests);
		assertThat(report.findings()).extracting(DriftFinding::secretName, DriftFinding::kind)
			.containsExactly(tuple("DB", Kind.NEWER_VERSION));
		assertThat(report.findings().get(0).describe()).contains("version 2 in SSM but version 1 is baked");
	}

	@Test
	void findsChangedKeyAlongWithNewVersion() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		String newKey = this.server.createKey();
		this.server.putSecureString("/app/db", TestSecrets.newValue(), newKey);
		DriftReport report = new DriftChecker(this.baker).check(baked, requests);
		assertThat(report.findings()).extracting(DriftFinding::kind)
			.containsExactly(Kind.NEWER_VERSION, Kind.KEY_CHANGED);
		assertThat(report.findings().get(1).message()).contains(newKey, this.keyArn, "secret-baker policy");
	}

	@Test
	void comparesKeyArnsWhetherOrNotAliasesCouldBeResolved() {
		String dbKey = this.server.createKey("alias/db");
		String otherKey = this.server.createKey("alias/other");
		this.server.putSecureString("/app/db", TestSecrets.newValue(), "alias/db");
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"));
		this.server.faults().deny("DescribeKey", "*");
		BakedSecrets bakedWithAlias = this.baker.bake(requests).secrets();
		assertThat(bakedWithAlias.get("DB").keyId()).endsWith(":alias/db");
		assertThat(new DriftChecker(this.baker).check(bakedWithAlias, requests).isClean()).isTrue();
		this.server.faults().clear();
		BakedSecrets bakedWithKey = this.baker.bake(requests).secrets();
		assertThat(bakedWithKey.get("DB").keyId()).isEqualTo(dbKey);
		assertThat(new DriftChecker(this.baker).check(bakedWithAlias, requests).isClean()).isTrue();
		assertThat(new DriftChecker(this.baker).check(bakedWithKey, requests).isClean()).isTrue();
		this.server.faults().deny("DescribeKey", "*");
		assertThat(new DriftChecker(this.baker).check(bakedWithKey, requests).isClean()).isTrue();
		this.server.faults().clear();
		this.server.putSecureString("/app/db", TestSecrets.newValue(), "alias/other");
		DriftReport report = new DriftChecker(this.baker).check(bakedWithKey, requests);
		assertThat(report.findings()).extracting(DriftFinding::kind)
			.containsExactly(Kind.NEWER_VERSION, Kind.KEY_CHANGED);
		assertThat(report.findings().get(1).message()).contains("now encrypted with " + otherKey,
				"baked with " + dbKey);
	}

	@Test
	void findsMissingExtraAndChangedArn() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/c", TestSecrets.newValue(), this.keyArn);
		BakedSecrets baked = this.baker
			.bake(List.of(SecretRequest.of("A", "/app/a"), SecretRequest.of("EXTRA", "/app/c")))
			.secrets();
		DriftReport report = new DriftChecker(this.baker).check(baked,
				List.of(SecretRequest.of("A", "/app/b"), SecretRequest.of("NEW", "/app/c")));
		assertThat(report.findings()).extracting(DriftFinding::secretName, DriftFinding::kind)
			.containsExactly(tuple("A", Kind.ARN_CHANGED), tuple("EXTRA", Kind.EXTRA_IN_FILE),
					tuple("NEW", Kind.MISSING_FROM_FILE));
		assertThat(report.checkedSecrets()).isEqualTo(3);
	}

	@Test
	void findsMovedAndVanishedPins() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/gone", TestSecrets.newValue(), this.keyArn);
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/db").parameterVersion(1L).labels("prod"));
		List<SecretRequest> requests = List.of(SecretRequest.of("PROD", "/app/db:prod"),
				SecretRequest.of("GONE", "/app/gone:1"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/db").parameterVersion(2L).labels("prod"));
		this.server.ssmClient().deleteParameter((request) -> request.name("/app/gone"));
		DriftReport report = new DriftChecker(this.baker).check(baked, requests);
		assertThat(report.findings()).extracting(DriftFinding::secretName, DriftFinding::kind)
			.containsExactly(tuple("GONE", Kind.PARAMETER_GONE), tuple("PROD", Kind.LABEL_MOVED));
		assertThat(report.findings().get(1).message()).contains("label 'prod'", "version 2", "version 1");
	}

	@Test
	void findsPinnedVersionGoneAfterSsmDroppedIt() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("FIRST", "/app/db:1"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		for (int i = 0; i < 100; i++) {
			this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		}
		DriftReport report = new DriftChecker(this.baker).check(baked, requests);
		assertThat(report.findings()).extracting(DriftFinding::secretName, DriftFinding::kind)
			.containsExactly(tuple("FIRST", Kind.VERSION_GONE));
		assertThat(report.findings().get(0).message()).contains("/app/db:1", "has no version 1");
	}

	@Test
	void findsManifestPinningAnotherVersionThanBaked() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		BakedSecrets baked = this.baker.bake(List.of(SecretRequest.of("DB", "/app/db:1"))).secrets();
		DriftReport report = new DriftChecker(this.baker).check(baked, List.of(SecretRequest.of("DB", "/app/db:2")));
		assertThat(report.findings()).extracting(DriftFinding::kind).containsExactly(Kind.NEWER_VERSION);
		assertThat(report.findings().get(0).message()).contains("the manifest pins version 2", "version 1 is baked");
	}

	@Test
	void comparesNodePluginFileByCiphertext() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"));
		BakedSecret full = this.baker.bake(requests).secrets().get("DB");
		BakedSecrets nodeFile = BakedSecrets.of(List.of(BakedSecret.of("DB", full.ciphertext(), full.arn())));
		assertThat(new DriftChecker(this.baker).check(nodeFile, requests).isClean()).isTrue();
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		DriftReport report = new DriftChecker(this.baker).check(nodeFile, requests);
		assertThat(report.findings()).extracting(DriftFinding::kind).containsExactly(Kind.VALUE_CHANGED);
		assertThat(report.findings().get(0).message()).doesNotContain(full.ciphertext());
	}

	@Test
	void failsWhenSsmDeniesAccess() {
		this.server.putSecureString("/app/db", TestSecrets.newValue(), this.keyArn);
		List<SecretRequest> requests = List.of(SecretRequest.of("DB", "/app/db"));
		BakedSecrets baked = this.baker.bake(requests).secrets();
		this.server.faults().deny("GetParameters", "/app/db");
		assertThatExceptionOfType(BakeException.class)
			.isThrownBy(() -> new DriftChecker(this.baker).check(baked, requests))
			.satisfies((ex) -> assertThat(ex.isAwsFailure()).isTrue())
			.withMessageContaining("/app/db");
	}

}
