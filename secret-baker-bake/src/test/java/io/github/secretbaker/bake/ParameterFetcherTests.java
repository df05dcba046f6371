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
 * Tests for {@link ParameterFetcher} against the local KMS and SSM server.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class ParameterFetcherTests {

	private final LocalAwsServer server;

	private final SsmClient ssm;

	private ParallelCalls calls;

	ParameterFetcherTests(LocalAwsServer server, SsmClient ssm) {
		this.server = server;
		this.ssm = ssm;
	}

	@BeforeEach
	void setUp() {
		this.calls = new ParallelCalls(2);
	}

	@AfterEach
	void close() {
		this.calls.close();
	}

	@Test
	void matchesEachReturnedParameterToThePathThatAskedForItBySelector() {
		String arn = this.server.putSecureString("/app/token", TestSecrets.newValue());
		this.server.putSecureString("/app/token", TestSecrets.newValue());
		this.server.putSecureString("/app/token", TestSecrets.newValue());
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/token").parameterVersion(2L).labels("prod"));
		List<RequestedParameter> parameters = RequestedParameter
			.byPath(List.of(SecretRequest.of("LATEST", "/app/token"), SecretRequest.of("FIRST", "/app/token:1"),
					SecretRequest.of("PROD", "/app/token:prod"), SecretRequest.of("THIRD_BY_ARN", arn + ":3"),
					SecretRequest.of("LATEST_BY_ARN", arn)));
		ParameterFetcher fetcher = fetcher(new ArrayList<>());
		fetcher.fetch(parameters);
		assertThat(parameters).extracting(RequestedParameter::path, (parameter) -> parameter.parameter().version())
			.containsExactlyInAnyOrder(tuple("/app/token", 3L), tuple("/app/token:1", 1L), tuple("/app/token:prod", 2L),
					tuple(arn + ":3", 3L), tuple(arn, 3L));
		assertThat(parameters).extracting(RequestedParameter::failure).containsOnlyNulls();
		assertThat(fetcher.getParametersCalls()).isOne();
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void tellsAMissingParameterFromAMissingVersionOrLabelWithoutReportingThatLookUpAsProgress() {
		this.server.putSecureString("/app/exists", TestSecrets.newValue());
		List<RequestedParameter> parameters = RequestedParameter
			.byPath(List.of(SecretRequest.of("GONE", "/app/gone"), SecretRequest.of("GONE_VERSION", "/app/gone:2"),
					SecretRequest.of("NO_VERSION", "/app/exists:7"), SecretRequest.of("NO_LABEL", "/app/exists:prod"),
					SecretRequest.of("ALSO_NO_LABEL", "/app/exists:prod")));
		List<Integer> progress = new ArrayList<>();
		ParameterFetcher fetcher = fetcher(progress);
		fetcher.fetch(parameters);
		assertThat(parameters).extracting(RequestedParameter::path, (parameter) -> parameter.failure().kind())
			.containsExactly(tuple("/app/exists:7", Kind.MISSING_VERSION),
					tuple("/app/exists:prod", Kind.MISSING_LABEL), tuple("/app/gone", Kind.MISSING_PARAMETER),
					tuple("/app/gone:2", Kind.MISSING_PARAMETER));
		assertThat(parameters.get(1).problems()).extracting(BakeProblem::secretName)
			.containsExactly("NO_LABEL", "ALSO_NO_LABEL");
		assertThat(fetcher.getParametersCalls()).isEqualTo(2);
		assertThat(progress).containsExactly(0, 1);
	}

	private ParameterFetcher fetcher(List<Integer> progress) {
		return new ParameterFetcher(this.ssm, this.calls, new SsmFailures(this.ssm), (done, total) -> {
			synchronized (progress) {
				progress.add(done);
			}
		});
	}

}
