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

import java.util.List;

import io.github.secretbaker.bake.BakeProblem.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link KeyMetadataReader} against the local KMS and SSM server.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class KeyMetadataReaderTests {

	private final LocalAwsServer server;

	private final SsmClient ssm;

	private ParallelCalls calls;

	private String keyArn;

	KeyMetadataReaderTests(LocalAwsServer server, SsmClient ssm) {
		this.server = server;
		this.ssm = ssm;
	}

	@BeforeEach
	void setUp() {
		this.calls = new ParallelCalls(2);
		this.keyArn = this.server.createKey("alias/app");
	}

	@AfterEach
	void close() {
		this.calls.close();
	}

	@Test
	void qualifiesKeyIdAndAliasNameByTheParameterArnAndKeepsTheAwsManagedKeyAsSsmReportsIt() {
		String keyId = this.keyArn.substring(this.keyArn.indexOf("key/") + "key/".length());
		String byIdArn = this.server.putSecureString("/app/by-id", TestSecrets.newValue(), keyId);
		this.server.putSecureString("/app/by-alias", TestSecrets.newValue(), "alias/app");
		this.server.putSecureString("/app/by-key-arn", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/default-key", TestSecrets.newValue());
		List<RequestedParameter> parameters = fetched(SecretRequest.of("BY_ID", "/app/by-id"),
				SecretRequest.of("BY_ALIAS", "/app/by-alias"), SecretRequest.of("BY_KEY_ARN", "/app/by-key-arn"),
				SecretRequest.of("DEFAULT_KEY", "/app/default-key"));
		KeyMetadataReader reader = new KeyMetadataReader(this.ssm, this.calls, new SsmFailures(this.ssm));
		reader.readKeys(parameters);
		String aliasArn = byIdArn.substring(0, byIdArn.indexOf(":parameter/")).replace(":ssm:", ":kms:") + ":alias/app";
		assertThat(parameters).extracting(RequestedParameter::path, RequestedParameter::keyArn)
			.containsExactly(tuple("/app/by-alias", aliasArn), tuple("/app/by-id", this.keyArn),
					tuple("/app/by-key-arn", this.keyArn), tuple("/app/default-key", "alias/aws/ssm"));
		assertThat(reader.metadataCalls()).isOne();
		assertThat(reader.isDescribeDenied()).isFalse();
	}

	@Test
	void readsTheKeyOfAVersionThatIsNotTheLatestFromItsHistory() {
		String oldKey = this.server.createKey();
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), oldKey);
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), this.keyArn);
		List<RequestedParameter> parameters = fetched(SecretRequest.of("LATEST", "/app/api-key"),
				SecretRequest.of("FIRST", "/app/api-key:1"));
		KeyMetadataReader reader = new KeyMetadataReader(this.ssm, this.calls, new SsmFailures(this.ssm));
		reader.readKeys(parameters);
		assertThat(parameters).extracting(RequestedParameter::path, RequestedParameter::keyArn)
			.containsExactly(tuple("/app/api-key", this.keyArn), tuple("/app/api-key:1", oldKey));
		assertThat(this.server.callCount("DescribeParameters")).isOne();
		assertThat(this.server.callCount("GetParameterHistory")).isOne();
		assertThat(reader.metadataCalls()).isEqualTo(2);
	}

	@Test
	void leavesKeysUnknownWithoutFailingWhenDescribeParametersIsDenied() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		this.server.faults().deny("DescribeParameters", "*");
		List<RequestedParameter> parameters = fetched(SecretRequest.of("A", "/app/a"),
				SecretRequest.of("B", "/app/b:1"));
		KeyMetadataReader reader = new KeyMetadataReader(this.ssm, this.calls, new SsmFailures(this.ssm));
		reader.readKeys(parameters);
		assertThat(parameters).extracting(RequestedParameter::keyArn, RequestedParameter::failure)
			.containsExactly(tuple(null, null), tuple(null, null));
		assertThat(reader.isDescribeDenied()).isTrue();
		assertThat(this.server.callCount("GetParameterHistory")).isZero();
	}

	@Test
	void failsEveryParameterOfADescribeCallThatFailsOtherwise() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		List<RequestedParameter> parameters = fetched(SecretRequest.of("A", "/app/a"), SecretRequest.of("B", "/app/b"));
		this.server.faults().failNext("DescribeParameters", 1);
		AwsClientOptions oneAttempt = new AwsClientOptions(this.server.region(), null, this.server.endpoint(), 1);
		try (SsmClient ssm = oneAttempt.createSsmClient()) {
			new KeyMetadataReader(ssm, this.calls, new SsmFailures(ssm)).readKeys(parameters);
		}
		assertThat(parameters).extracting(RequestedParameter::failure).allSatisfy((failure) -> {
			assertThat(failure.kind()).isEqualTo(Kind.AWS_FAILURE);
			assertThat(failure.message()).startsWith("DescribeParameters failed with InternalFailure")
				.endsWith("after retries; try again later");
		});
		assertThat(parameters).extracting(RequestedParameter::keyArn).containsOnlyNulls();
	}

	@Test
	void keepsABlankKeyIdAndTheAwsManagedKeyAliasUnqualified() {
		String parameterArn = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/a";
		assertThat(KeyMetadataReader.keyArn(null, parameterArn)).isNull();
		assertThat(KeyMetadataReader.keyArn("", parameterArn)).isEmpty();
		assertThat(KeyMetadataReader.keyArn(" ", parameterArn)).isEqualTo(" ");
		assertThat(KeyMetadataReader.keyArn("alias/aws/ssm", parameterArn)).isEqualTo("alias/aws/ssm");
		assertThat(KeyMetadataReader.keyArn("alias/app", parameterArn))
			.isEqualTo("arn:aws:kms:eu-west-1:123456789012:alias/app");
		assertThat(KeyMetadataReader.keyArn("1234abcd-12ab-34cd-56ef-1234567890ab", parameterArn))
			.isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
	}

	private List<RequestedParameter> fetched(SecretRequest... requests) {
		List<RequestedParameter> parameters = RequestedParameter.byPath(List.of(requests));
		new ParameterFetcher(this.ssm, this.calls, new SsmFailures(this.ssm), (done, total) -> {
		}).fetch(parameters);
		this.server.resetCounters();
		return parameters;
	}

}
