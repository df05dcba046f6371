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

import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParameterStoreBaker} reading the paged SSM APIs while the local server
 * answers them with short and empty pages that still have a {@code NextToken}, as AWS
 * may.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class PartialPagesBakeTests {

	private final LocalAwsServer server;

	private final SsmClient ssm;

	private final KmsClient kms;

	private String keyArn;

	PartialPagesBakeTests(LocalAwsServer server, SsmClient ssm, KmsClient kms) {
		this.server = server;
		this.ssm = ssm;
		this.kms = kms;
	}

	@BeforeEach
	void setUp() {
		this.keyArn = this.server.createKey("alias/app");
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void bakesMetadataOfEveryParameterAcrossShortAndEmptyDescribePages(long seed) {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			String name = String.format("/bulk/secret-%03d", i);
			this.server.putSecureString(name, TestSecrets.newValue(), this.keyArn);
			requests.add(SecretRequest.of(String.format("SECRET_%03d", i), name));
		}
		this.server.faults().partialPages("DescribeParameters", seed);
		BakeResult result = baker().bake(requests);
		assertThat(result.secrets().size()).isEqualTo(120);
		assertThat(result.secrets().asList()).allSatisfy((secret) -> {
			assertThat(secret.version()).isEqualTo(1L);
			assertThat(secret.keyId()).isEqualTo(this.keyArn);
		});
		assertThat(result.warnings()).isEmpty();
		assertThat(this.server.callCount("DescribeParameters")).isGreaterThan(3);
		assertThat(result.metadataCalls()).isEqualTo(this.server.callCount("DescribeParameters"));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void bakesPinnedVersionsAcrossShortAndEmptyHistoryPages(long seed) {
		String oldKey = this.server.createKey();
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), oldKey);
		for (int i = 0; i < 60; i++) {
			this.server.putSecureString("/app/api-key", TestSecrets.newValue(), this.keyArn);
		}
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/api-key").parameterVersion(55L).labels("prod"));
		this.server.faults().partialPages("GetParameterHistory", seed);
		BakedSecrets secrets = baker().bake(List.of(SecretRequest.of("V1", "/app/api-key:1"),
				SecretRequest.of("PROD", "/app/api-key:prod"), SecretRequest.of("LATEST", "/app/api-key")))
			.secrets();
		assertThat(secrets.get("V1").version()).isEqualTo(1L);
		assertThat(secrets.get("V1").keyId()).isEqualTo(oldKey);
		assertThat(secrets.get("PROD").version()).isEqualTo(55L);
		assertThat(secrets.get("PROD").keyId()).isEqualTo(this.keyArn);
		assertThat(secrets.get("LATEST").version()).isEqualTo(61L);
		assertThat(this.server.callCount("GetParameterHistory")).isGreaterThan(2);
	}

	private ParameterStoreBaker baker() {
		return ParameterStoreBaker.builder(this.ssm).kms(this.kms).build();
	}

}
