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

package io.github.secretbaker.kms.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SigV4AuthScheme}: it signs SDK requests exactly as the SDK's own
 * signer does, and with it the {@code sdk} client runs no SDK signer, so the SDK's
 * loggers at TRACE never see a credential.
 */
@LocalAwsTest
class SigV4AuthSchemeTests {

	private static final String TOKEN = "IQoJb3JpZ2luX2VjE/sEsSiOn, \"tOkEn\"+= wiTh  sPaCeS";

	private final LocalAwsServer server;

	SigV4AuthSchemeTests(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void signsEverySdkRequestAsTheSdksOwnSignerDoes() {
		Random random = new Random(1909);
		HttpSigner<AwsCredentialsIdentity> ours = SigV4AuthScheme.create().signer();
		AwsV4HttpSigner oracle = AwsV4HttpSigner.create();
		for (int i = 0; i < 200; i++) {
			String service = (i % 2 == 0) ? "kms" : "ssm";
			String region = List.of("eu-west-1", "cn-north-1", "us-gov-west-1", "us-isob-east-1", "eusc-de-east-1")
				.get(random.nextInt(5));
			URI endpoint = List
				.of(URI.create("https://" + service + "." + region + ".amazonaws.com/"),
						URI.create("http://127.0.0.1:" + (1024 + random.nextInt(60000)) + "/"))
				.get(random.nextInt(2));
			byte[] body = new byte[random.nextInt(3000)];
			random.nextBytes(body);
			SdkHttpRequest request = SdkHttpRequest.builder()
				.method(SdkHttpMethod.POST)
				.uri(endpoint)
				.putHeader("Content-Type", "application/x-amz-json-1.1")
				.putHeader("X-Amz-Target", (service.equals("kms") ? "TrentService.Decrypt" : "AmazonSSM.GetParameter"))
				.putHeader("Content-Length", String.valueOf(body.length))
				.putHeader("amz-sdk-invocation-id", "a1b2c3d4-" + i)
				.putHeader("amz-sdk-request", "attempt=1; max=1")
				.putHeader("User-Agent", "aws-sdk-java/2.58.0 md/io#sync  ua/2.1")
				.putHeader("X-Amzn-Trace-Id", "Root=1-" + i)
				.putHeader("Accept", List.of(" application/json ", "text/plain"))
				.build();
			byte[] secret = new byte[30];
			random.nextBytes(secret);
			AwsCredentialsIdentity identity = (i % 3 == 0)
					? AwsCredentialsIdentity.create("AKIA" + i, Base64.getEncoder().encodeToString(secret))
					: AwsSessionCredentialsIdentity.create("ASIA" + i, Base64.getEncoder().encodeToString(secret),
							TOKEN + i);
			Instant time = Instant.parse("2026-12-31T23:59:59.999Z").plusMillis(random.nextInt(2) * (long) i);
			SignRequest<AwsCredentialsIdentity> sign = SignRequest.builder(identity)
				.request(request)
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
				.putProperty(AwsV4HttpSigner.REGION_NAME, region)
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC))
				.build();
			assertThat(headers(ours.sign(sign).request())).as(endpoint + " " + time)
				.isEqualTo(headers(oracle.sign(sign).request()));
		}
	}

	@Test
	void letsTheSdkClientDecryptWithoutAnySdkLoggerSeeingACredential() {
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		String value = BakedSecretFixtures.randomValue() + ", \"quoted\"\n";
		BakedSecret secret = BakedSecretFixtures.bake(this.server, "LOGGED", value, this.server.createKey());
		String output = LogCapture.atTrace(() -> {
			try (KmsClient kms = new KmsClientFactory().region(this.server.region())
				.endpoint(this.server.endpoint())
				.credentialsProvider(StaticCredentialsProvider.create(
						AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), TOKEN)))
				.timeout(Duration.ofSeconds(10))
				.createClient()) {
				String plaintext = kms
					.decrypt((request) -> request.ciphertextBlob(SdkBytes.fromByteArray(secret.ciphertextBlob()))
						.encryptionContext(Map.of("PARAMETER_ARN", secret.arn())))
					.plaintext()
					.asUtf8String();
				assertThat(plaintext).isEqualTo(value);
			}
		});
		assertThat(output).as("the SDK logged at TRACE").contains("software.amazon.awssdk");
		LogCapture.assertHoldsNoCredential(output, credentials.secretAccessKey(), TOKEN);
	}

	@Test
	void isRefusedByTheServerWhenTheSecretIsWrong() {
		String accessKeyId = this.server.credentialsProvider().resolveCredentials().accessKeyId();
		try (KmsClient kms = new KmsClientFactory().region(this.server.region())
			.endpoint(this.server.endpoint())
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsSessionCredentials.create(accessKeyId, "wrong-secret-access-key", TOKEN)))
			.createClient()) {
			assertThatExceptionOfType(KmsException.class).isThrownBy(kms::listKeys)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
		}
	}

	@Test
	void letsTheSdkDecrypterDecryptAsTheServerVerifiesItsSignature() {
		String value = BakedSecretFixtures.randomValue();
		BakedSecret secret = BakedSecretFixtures.bake(this.server, "SIGNED", value, this.server.createKey());
		try (KmsDecrypter decrypter = BakedSecretFixtures.decrypter(this.server, KmsClientType.SDK,
				Duration.ofSeconds(10))) {
			byte[] plaintext = decrypter.decrypt(KmsDecryptRequest.of(secret.ciphertextBlob(),
					Map.of("PARAMETER_ARN", secret.arn()), null, Deadline.in(Duration.ofSeconds(10))));
			assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(value);
		}
	}

	private static Map<String, String> headers(SdkHttpRequest request) {
		Map<String, String> headers = new TreeMap<>();
		request.forEachHeader((name, values) -> headers.put(name, String.join("\n", values)));
		return headers;
	}

}
