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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.github.secretbaker.kms.sdk.LogCapture;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AwsClientOptions}: its clients sign with secret-baker's signer, which
 * the local server verifies, no SDK logger sees a credential, even at TRACE, and plain
 * http goes to this machine only unless allowed.
 */
@LocalAwsTest
class AwsClientOptionsTests {

	private static final String TOKEN = "IQoJb3JpZ2luX2VjE/bAkE, \"sEsSiOn\" tOkEn+= wiTh  sPaCeS";

	private final LocalAwsServer server;

	private final Map<String, String> previous = new HashMap<>();

	private AwsCredentials credentials;

	AwsClientOptionsTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void useTheServersCredentialsWithASessionToken() {
		this.credentials = this.server.credentialsProvider().resolveCredentials();
		Map.of("aws.accessKeyId", this.credentials.accessKeyId(), "aws.secretAccessKey",
				this.credentials.secretAccessKey(), "aws.sessionToken", TOKEN)
			.forEach((name, value) -> {
				this.previous.put(name, System.getProperty(name));
				System.setProperty(name, value);
			});
	}

	@AfterEach
	void restoreCredentials() {
		this.previous.forEach((name, value) -> {
			if (value != null) {
				System.setProperty(name, value);
			}
			else {
				System.clearProperty(name);
			}
		});
	}

	@Test
	void signsSsmAndKmsCallsWithoutAnySdkLoggerSeeingACredential() {
		String keyArn = this.server.createKey("alias/bake");
		this.server.putSecureString("/app/db-password_x.y", "value, \"quoted\" with  spaces\n", keyArn);
		AwsClientOptions options = new AwsClientOptions(this.server.region(), null, this.server.endpoint(), 1);
		String output = LogCapture.atTrace(() -> {
			try (SsmClient ssm = options.createSsmClient(); KmsClient kms = options.createKmsClient()) {
				Parameter parameter = ssm
					.getParameter((request) -> request.name("/app/db-password_x.y").withDecryption(false))
					.parameter();
				assertThat(parameter.arn()).isEqualTo(this.server.parameterArn("/app/db-password_x.y"));
				assertThat(kms.describeKey((request) -> request.keyId("alias/bake")).keyMetadata().arn())
					.isEqualTo(keyArn);
			}
		});
		assertThat(output).as("the SDK logged at TRACE").contains("software.amazon.awssdk");
		LogCapture.assertHoldsNoCredential(output, this.credentials.secretAccessKey(), TOKEN);
		assertThat(this.server.callCount("GetParameter")).isOne();
		assertThat(this.server.callCount("DescribeKey")).isOne();
	}

	@Test
	void refusesToCreateClientsForPlainHttpToAnotherHost() {
		AwsClientOptions options = new AwsClientOptions("eu-west-1", null, URI.create("http://ssm.example.com"), 1);
		assertThat(options.checkEndpoints("<endpoint>", "<allowInsecureEndpoint>true</allowInsecureEndpoint>"))
			.isEqualTo("the endpoint in <endpoint> is plain http to ssm.example.com, a host that is not this machine: "
					+ "signed requests, session tokens and secrets would cross the network in clear. Use https, or set "
					+ "<allowInsecureEndpoint>true</allowInsecureEndpoint> if that network path is trusted");
		assertThatIllegalArgumentException().isThrownBy(options::createSsmClient)
			.withMessageContaining("plain http to ssm.example.com");
		assertThatIllegalArgumentException().isThrownBy(options::createKmsClient)
			.withMessageContaining("plain http to ssm.example.com");
	}

	@Test
	void allowsPlainHttpToAnotherHostWhenExplicitlyAllowed() {
		AwsClientOptions options = new AwsClientOptions("eu-west-1", null, URI.create("http://ssm.example.com"), 1,
				true);
		assertThat(options.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
		options.createSsmClient().close();
	}

	@Test
	void allowsPlainHttpToThisMachineAndHttpsAnywhere() {
		assertThat(new AwsClientOptions("eu-west-1", null, URI.create("http://127.0.0.1:4566"), 1)
			.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
		assertThat(new AwsClientOptions("eu-west-1", null, URI.create("https://ssm.example.com"), 1)
			.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
	}

}
