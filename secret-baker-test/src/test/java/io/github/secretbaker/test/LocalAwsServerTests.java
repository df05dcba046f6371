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
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LocalAwsServer}: its protocol handling, regions, account id and seed
 * helpers.
 */
class LocalAwsServerTests {

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

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	@Test
	void listensOnLoopbackWithDefaults() {
		assertThat(server.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
		assertThat(server.region()).isEqualTo("us-east-1");
		assertThat(server.accountId()).isEqualTo("123456789012");
	}

	@Test
	void storesSecureStringAsCiphertextBoundToParameterArn() {
		String arn = server.putSecureString("/app/db/password", "s3cr3t", server.createKey());
		assertThat(arn).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password");
		Parameter parameter = server.ssmClient()
			.getParameter((request) -> request.name("/app/db/password").withDecryption(false))
			.parameter();
		SdkBytes ciphertext = SdkBytes.fromByteArray(Base64.getDecoder().decode(parameter.value()));
		String plaintext = server.kmsClient()
			.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(Map.of("PARAMETER_ARN", arn)))
			.plaintext()
			.asUtf8String();
		assertThat(plaintext).isEqualTo("s3cr3t");
		assertThatExceptionOfType(InvalidCiphertextException.class)
			.isThrownBy(() -> server.kmsClient().decrypt((request) -> request.ciphertextBlob(ciphertext)));
	}

	@Test
	void seedsKeysAndParameters() {
		String keyArn = server.createKey("alias/app");
		assertThat(server.createKey("other")).isEqualTo(server.keyArn("alias/other"));
		assertThat(server.keyArn("alias/app")).isEqualTo(keyArn);
		assertThat(server.createKey()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
		server.putSecureString("/app/password", "s3cr3t", "alias/app");
		server.putSecureString("/app/password", "n3w", "alias/app");
		server.putString("/app/url", "https://example.com");
		server.putStringList("/app/hosts", "a,b");
		SsmClient ssm = server.ssmClient();
		Parameter password = ssm.getParameter((request) -> request.name("/app/password").withDecryption(true))
			.parameter();
		assertThat(password.value()).isEqualTo("n3w");
		assertThat(password.version()).isEqualTo(2);
		assertThat(ssm.getParameter((request) -> request.name("/app/hosts")).parameter().type())
			.isEqualTo(ParameterType.STRING_LIST);
		assertThat(ssm.describeParameters().parameters()).hasSize(3);
		assertThat(server.callCount("PutParameter")).isZero();
	}

	@Test
	void reportsInvalidSeedsAsIllegalArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> server.putSecureString("/app/x", "v", "alias/missing"))
			.withMessageStartingWith("InvalidKeyId:");
		assertThatIllegalArgumentException().isThrownBy(() -> server.putString("aws-reserved", "v"))
			.withMessageStartingWith("ValidationException:");
		server.createKey("alias/app");
		assertThatIllegalArgumentException().isThrownBy(() -> server.createKey("alias/app"))
			.withMessageStartingWith("AlreadyExistsException:");
	}

	@Test
	void seedsDespiteDenyRules() {
		server.faults().deny("*", "*");
		server.putSecureString("/app/password", "s3cr3t");
		assertThat(server.parameterArn("/app/password")).endsWith(":parameter/app/password");
	}

	@Test
	void formsArnsInTheRegionOfTheCredentialScope() {
		try (KmsClient kms = server.kmsClientBuilder().region(Region.EU_WEST_1).build();
				SsmClient ssm = server.ssmClientBuilder().region(Region.EU_WEST_1).build()) {
			String keyArn = kms.createKey().keyMetadata().arn();
			assertThat(keyArn).startsWith("arn:aws:kms:eu-west-1:123456789012:key/");
			ssm.putParameter((request) -> request.name("/eu/secret").type(ParameterType.SECURE_STRING).value("v"));
			assertThat(ssm.getParameter((request) -> request.name("/eu/secret")).parameter().arn())
				.isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/eu/secret");
			assertThat(kms.describeKey((request) -> request.keyId("alias/aws/ssm")).keyMetadata().arn())
				.startsWith("arn:aws:kms:eu-west-1:");
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> server.kmsClient().describeKey((request) -> request.keyId(keyArn)));
		}
	}

	@Test
	void usesTheConfiguredAccountIdAndRegion() {
		try (LocalAwsServer other = LocalAwsServer.builder().accountId("210987654321").region("ap-south-1").start()) {
			assertThat(other.createKey()).startsWith("arn:aws:kms:ap-south-1:210987654321:key/");
			assertThat(other.kmsClient().createKey().keyMetadata().arn())
				.startsWith("arn:aws:kms:ap-south-1:210987654321:");
		}
	}

	@Test
	void rejectsRequestsWithoutSigV4Authorization() throws Exception {
		HttpResponse<String> missing = post("TrentService.ListKeys", null, "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
		assertThat(missing.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
		HttpResponse<String> malformed = post("TrentService.ListKeys", "Bearer token", "{}");
		assertThat(malformed.body()).contains("\"__type\":\"IncompleteSignatureException\"");
		HttpResponse<String> wrongService = post("TrentService.ListKeys", authorization("ssm"), "{}");
		assertThat(wrongService.body()).contains("\"__type\":\"InvalidSignatureException\"");
	}

	@Test
	void acceptsAnySignatureAndAnswersAwsJson() throws Exception {
		HttpResponse<String> response = post("TrentService.ListKeys", authorization("kms"), "");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
		assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
		assertThat(response.body()).contains("\"Keys\":[");
	}

	@Test
	void rejectsUnknownOperationsAndMalformedBodies() throws Exception {
		assertThat(post("TrentService.Sign", authorization("kms"), "{}").body())
			.contains("\"__type\":\"UnknownOperationException\"");
		assertThat(post("AmazonSSM.GetParameter", authorization("ssm"), "{not json").body())
			.contains("\"__type\":\"SerializationException\"");
		assertThat(post("AmazonSSM.GetParameter", authorization("ssm"), "{\"Name\": 42}").body())
			.contains("\"__type\":\"SerializationException\"");
		HttpResponse<String> missingName = post("AmazonSSM.GetParameter", authorization("ssm"), "{}");
		assertThat(missingName.statusCode()).isEqualTo(400);
		assertThat(missingName.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
	}

	@Test
	void refusesEndpointBeforeStartAndSecondStart() {
		LocalAwsServer unstarted = LocalAwsServer.builder().build();
		assertThatIllegalStateException().isThrownBy(unstarted::endpoint);
		assertThatIllegalStateException().isThrownBy(server::startServer);
	}

	@Test
	void validatesBuilderSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAwsServer.builder().port(70000));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAwsServer.builder().accountId("123"));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAwsServer.builder().region("US East"));
	}

	private HttpResponse<String> post(String target, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
			.header("Content-Type", "application/x-amz-json-1.1")
			.header("X-Amz-Target", target)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String authorization(String service) {
		return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/" + service
				+ "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
	}

}
