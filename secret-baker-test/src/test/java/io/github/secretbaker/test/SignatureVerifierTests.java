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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SignatureVerifier}: the local server checks the SigV4 signature of
 * every request made with its own credentials, as the SDK's signer makes them.
 */
class SignatureVerifierTests {

	private static final String TOKEN = "session, \"token\" with spaces/+= and a trailing newline\n";

	private static LocalAwsServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startServer() {
		server = LocalAwsServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void acceptsRequestsTheSdkSignedWithTheServersCredentialsWithOrWithoutASessionToken() {
		AwsCredentials credentials = server.credentialsProvider().resolveCredentials();
		String keyArn = server.createKey();
		assertThat(server.kmsClient().listKeys().keys()).isNotEmpty();
		try (KmsClient kms = server.kmsClientBuilder()
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), TOKEN)))
			.build()) {
			assertThat(kms.describeKey((request) -> request.keyId(keyArn)).keyMetadata().arn()).isEqualTo(keyArn);
		}
	}

	@Test
	void refusesARequestSignedWithAWrongSecretAccessKey() {
		server.resetCounters();
		String accessKeyId = server.credentialsProvider().resolveCredentials().accessKeyId();
		StaticCredentialsProvider wrong = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(accessKeyId, "not-the-secret-access-key"));
		try (KmsClient kms = server.kmsClientBuilder().credentialsProvider(wrong).build();
				SsmClient ssm = server.ssmClientBuilder().credentialsProvider(wrong).build()) {
			assertThatExceptionOfType(KmsException.class).isThrownBy(kms::listKeys)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
			assertThatExceptionOfType(SsmException.class)
				.isThrownBy(() -> ssm.getParameter((request) -> request.name("/app/x")))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
		}
		assertThat(server.callCount("ListKeys")).isZero();
	}

	@Test
	void refusesASignedRequestWhoseHeaderOrBodyWasChanged() throws Exception {
		byte[] body = "{\"Limit\": 10}".getBytes(StandardCharsets.UTF_8);
		SdkHttpRequest signed = sign("TrentService.ListKeys", body);
		assertThat(send(signed, "TrentService.ListKeys", body).statusCode()).isEqualTo(200);
		HttpResponse<String> otherTarget = send(signed, "TrentService.ListAliases", body);
		assertThat(otherTarget.statusCode()).isEqualTo(400);
		assertThat(otherTarget.body()).contains("\"__type\":\"InvalidSignatureException\"");
		HttpResponse<String> otherBody = send(signed, "TrentService.ListKeys",
				"{\"Limit\": 11}".getBytes(StandardCharsets.UTF_8));
		assertThat(otherBody.statusCode()).isEqualTo(400);
		assertThat(otherBody.body()).contains("\"__type\":\"XAmzContentSHA256Mismatch\"");
	}

	private static SdkHttpRequest sign(String target, byte[] body) {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(URI.create(server.endpoint() + "/"))
			.putHeader("Content-Type", AwsJsonHandler.CONTENT_TYPE)
			.putHeader("X-Amz-Target", target)
			.build();
		return AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(server.credentialsProvider().resolveCredentials())
				.request(request)
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
				.putProperty(AwsV4HttpSigner.REGION_NAME, server.region()))
			.request();
	}

	private HttpResponse<String> send(SdkHttpRequest signed, String target, byte[] body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		signed.forEachHeader((name, values) -> {
			if (!name.equalsIgnoreCase("Host")) {
				request.header(name, name.equals("X-Amz-Target") ? target : values.get(0));
			}
		});
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
