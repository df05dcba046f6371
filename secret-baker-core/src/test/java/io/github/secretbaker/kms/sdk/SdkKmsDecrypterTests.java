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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link SdkKmsDecrypter} against an endpoint that answers what KMS never
 * would: the point is what the adapter makes of the bytes the AWS SDK receives, so a
 * small server on the loopback interface answers canned bodies.
 */
class SdkKmsDecrypterTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db_password";

	private final String value = BakedSecretFixtures.randomValue();

	private final String base64Value = Base64.getEncoder().encodeToString(this.value.getBytes(StandardCharsets.UTF_8));

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void reportsABodyTheSdkCannotParseWithoutQuotingItAndWithoutRetrying() {
		answer(200, "{\"KeyId\": \"arn:aws:kms:us-east-1:123456789012:key/k\", \"Plaintext\": \"" + this.base64Value
				+ "\", oops");
		SecretDecryptionException failure = decryptFails();
		assertThat(failure.getFailures()).singleElement().satisfies((decryption) -> {
			assertThat(decryption.kind()).isEqualTo(Kind.INVALID_RESPONSE);
			assertThat(decryption.detail()).contains("could not read");
		});
		assertNoValueIn(failure);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void reportsAnAnswerWithoutPlaintext() {
		answer(200, "{\"KeyId\": \"arn:aws:kms:us-east-1:123456789012:key/k\"}");
		SecretDecryptionException failure = decryptFails();
		assertThat(failure.getFailures()).extracting(SecretDecryptionFailure::kind)
			.containsExactly(Kind.INVALID_RESPONSE);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void reportsAnErrorBodyByStatusAndCodeOnly() {
		answer(400, "{\"__type\": \"AccessDeniedException\", \"message\": \"echo " + this.base64Value + "\"}");
		SecretDecryptionException failure = decryptFails();
		assertThat(failure.getFailures()).singleElement().satisfies((decryption) -> {
			assertThat(decryption.kind()).isEqualTo(Kind.ACCESS_DENIED);
			assertThat(decryption.errorCode()).isEqualTo("AccessDeniedException");
		});
		assertNoValueIn(failure);
	}

	@Test
	void endsAtTheDeadlineWhenTheCredentialsProviderBlocksAndSaysKmsWasNotCalled() {
		answer(200, "{}");
		AwsCredentialsProvider blocking = () -> {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("interrupted");
		};
		long start = System.nanoTime();
		try (SdkKmsDecrypter kms = SdkKmsDecrypter.create(new KmsClientFactory().region("us-east-1")
			.endpoint(endpoint())
			.timeout(Duration.ofSeconds(1))
			.credentialsProvider(blocking))) {
			assertThatExceptionOfType(KmsDecryptException.class)
				.isThrownBy(() -> kms.decrypt(KmsDecryptRequest.of(new byte[] { 1, 2, 3, 4 },
						Map.of("PARAMETER_ARN", ARN), null, Deadline.in(Duration.ofSeconds(1)))))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.CREDENTIALS);
					assertThat(ex.getDetail())
						.endsWith("were not obtained within the 1 s deadline; KMS was not called");
				});
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void refusesAnEndpointOverPlainHttpToAnotherHost() {
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> SdkKmsDecrypter
				.create(new KmsClientFactory().region("us-east-1").endpoint(URI.create("http://kms.example.com"))))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.INSECURE_ENDPOINT);
				assertThat(ex.getDetail())
					.startsWith("the endpoint in secret-baker.endpoint is plain http to kms.example.com");
			});
		SdkKmsDecrypter
			.create(new KmsClientFactory().region("us-east-1")
				.endpoint(URI.create("http://kms.example.com"))
				.allowInsecureEndpoint(true))
			.close();
	}

	private SecretDecryptionException decryptFails() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("DB_PASSWORD", "AQIDBA==", ARN)));
		try (SdkKmsDecrypter kms = SdkKmsDecrypter.create(new KmsClientFactory().region("us-east-1")
			.endpoint(endpoint())
			.timeout(Duration.ofSeconds(2))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s"))))) {
			BakedSecretsDecrypter decrypter = BakedSecretsDecrypter.builder(kms).timeout(Duration.ofSeconds(2)).build();
			return catchThrowableOfType(SecretDecryptionException.class, () -> decrypter.decryptAll(secrets));
		}
	}

	private void assertNoValueIn(SecretDecryptionException failure) {
		assertThat(failure).isNotNull();
		String text = failure.getMessage() + failure.getFailures();
		assertThat(text).doesNotContain(this.value).doesNotContain(this.base64Value);
	}

	private void answer(int status, String body) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	private URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

}
