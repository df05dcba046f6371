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

package io.github.secretbaker.kms.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CredentialsSource}.
 */
class CredentialsSourceTests {

	@Test
	void choosesTheEnvironmentVariablesOfAnOnDemandLambda() {
		Map<String, String> lambda = Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
				"AWS_SESSION_TOKEN", "token", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
				"http://127.0.0.1:9001/2021-04-23/credentials");
		assertThat(CredentialsSource.choose(lambda::get)).isEqualTo(CredentialsSource.ENVIRONMENT);
	}

	@Test
	void choosesTheContainerEndpointOfASnapStartLambda() {
		Map<String, String> snapStart = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
				"http://127.0.0.1:9001/2021-04-23/credentials", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token");
		assertThat(CredentialsSource.choose(snapStart::get)).isEqualTo(CredentialsSource.CONTAINER);
	}

	@Test
	void choosesTheContainerEndpointOfAnEcsTask() {
		Map<String, String> ecs = Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
		assertThat(CredentialsSource.choose(ecs::get)).isEqualTo(CredentialsSource.CONTAINER);
	}

	@Test
	void choosesTheDefaultChainWhenOnlyAnAccessKeyIdIsSet() {
		assertThat(CredentialsSource.choose(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")::get))
			.isEqualTo(CredentialsSource.DEFAULT_CHAIN);
	}

	@Test
	void choosesTheDefaultChainOffLambda() {
		assertThat(
				CredentialsSource.choose(Map.of("AWS_PROFILE", "dev", "AWS_CONTAINER_CREDENTIALS_FULL_URI", " ")::get))
			.isEqualTo(CredentialsSource.DEFAULT_CHAIN);
	}

	@Test
	void describesAFailureInOneLineWithWhatToSet() {
		SdkClientException chainDump = SdkClientException
			.create("Unable to load credentials from any of the providers in the chain:\nA\nB");
		assertThat(CredentialsSource.DEFAULT_CHAIN.describeFailure(chainDump))
			.isEqualTo("cannot get AWS credentials from the AWS SDK's default chain (system properties, environment "
					+ "variables, web identity token, profile files, container and instance profile) (SdkClientException); "
					+ "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an IAM role");
		assertThat(CredentialsSource.CONTAINER.describeFailure(chainDump)).doesNotContain("\n", "Unable to load")
			.contains("AWS_CONTAINER_AUTHORIZATION_TOKEN");
		assertThat(CredentialsSource.ENVIRONMENT.describeFailure(chainDump)).doesNotContain("\n", "Unable to load")
			.contains("AWS_SESSION_TOKEN");
	}

}
