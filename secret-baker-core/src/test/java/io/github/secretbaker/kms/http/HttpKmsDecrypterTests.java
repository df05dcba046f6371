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

package io.github.secretbaker.kms.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.internal.CredentialsSource;
import io.github.secretbaker.kms.internal.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link HttpKmsDecrypter} against a server answering canned bytes; the
 * contract shared with the SDK client runs in {@code BakedSecretsDecrypterTests}.
 */
class HttpKmsDecrypterTests {

	private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String PARAMETER_ARN = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db";

	private static final AwsCredentialsProvider SESSION_CREDENTIALS = StaticCredentialsProvider
		.create(AwsSessionCredentials.create("AKIATESTSESSION00000", "test-secret-key", "test-session-token"));

	private final CannedKmsServer server = CannedKmsServer.start();

	private final List<HttpKmsDecrypter> clients = new ArrayList<>();

	@AfterEach
	void stopServer() {
		this.clients.forEach(HttpKmsDecrypter::close);
		this.server.close();
	}

	@Test
	void decodesThePlaintextOfTheAnswer() {
		byte[] plaintext = { 0, 1, 2, (byte) 0xfe, (byte) 0xff, 'a' };
		this.server.answer(200, "{\"KeyId\":\"" + KEY_ARN + "\",\"Plaintext\":\""
				+ Base64.getEncoder().encodeToString(plaintext) + "\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");
		assertThat(client(SESSION_CREDENTIALS).decrypt(request(Duration.ofSeconds(5)))).containsExactly(plaintext);
	}

	@Test
	void signsTheRequestAsADecryptOfTheRegionsKms() {
		this.server.answer(200, plaintextAnswer());
		client(SESSION_CREDENTIALS).decrypt(request(Duration.ofSeconds(5)));
		CannedKmsServer.Request request = this.server.requests().get(0);
		assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIATESTSESSION00000/")
			.containsPattern("Credential=AKIATESTSESSION00000/\\d{8}/eu-west-1/kms/aws4_request")
			.contains("SignedHeaders=")
			.contains("Signature=");
		assertThat(request.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
		assertThat(request.header("X-Amz-Security-Token")).isEqualTo("test-session-token");
		assertThat(request.header("X-Amz-Target")).isEqualTo("TrentService.Decrypt");
		assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
	}

	@Test
	void sendsNoSecurityTokenForLongTermCredentials() {
		this.server.answer(200, plaintextAnswer());
		client(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTBASIC0000000", "test-secret-key")))
			.decrypt(request(Duration.ofSeconds(5)));
		CannedKmsServer.Request request = this.server.requests().get(0);
		assertThat(request.header("Authorization")).contains("Credential=AKIATESTBASIC0000000/");
		assertThat(request.header("X-Amz-Security-Token")).isNull();
	}

	@Test
	void sendsTheCiphertextItsContextAndThePinnedKey() {
		this.server.answer(200, plaintextAnswer());
		byte[] blob = { 1, 2, 3, 4, 5 };
		client(SESSION_CREDENTIALS)
			.decrypt(KmsDecryptRequest.of(blob, Map.of("PARAMETER_ARN", PARAMETER_ARN), KEY_ARN, deadline(5)));
		assertThat(this.server.requests().get(0).body()).isEqualTo("{\"CiphertextBlob\":\"AQIDBAU=\","
				+ "\"EncryptionContext\":{\"PARAMETER_ARN\":\"" + PARAMETER_ARN + "\"},\"KeyId\":\"" + KEY_ARN + "\"}");
	}

	@Test
	void refusesAnAnswerThatIsNotJsonWithoutQuotingItOrRetrying() {
		String secret = secretLookingValue();
		this.server.answer(200, "<html>" + secret + "</html>");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 200 with a body that is not a Decrypt result");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void refusesAnAnswerThatIsTruncatedJson() {
		String secret = secretLookingValue();
		this.server.answer(200, "{\"Plaintext\":\"" + secret + "\"");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 200 with a body that is not a Decrypt result");
	}

	@Test
	void refusesAnAnswerWithoutPlaintext() {
		String secret = secretLookingValue();
		this.server.answer(200, "{\"KeyId\":\"" + KEY_ARN + "\",\"Other\":\"" + secret + "\"}");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 200 without a Plaintext");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void refusesAPlaintextThatIsNotBase64() {
		String secret = secretLookingValue();
		this.server.answer(200, "{\"Plaintext\":\"*" + secret + "*\"}");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 200 with a body that is not a Decrypt result");
	}

	@Test
	void refusesAnAnswerLargerThan64KiB() {
		String secret = secretLookingValue();
		this.server.answer(200, "{\"Plaintext\":\"" + secret + "\",\"Padding\":\"" + "A".repeat(70_000) + "\"}");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 200 with more than 64 KiB");
	}

	@Test
	void refusesAnErrorAnswerThatIsNotAnAwsError() {
		String secret = secretLookingValue();
		this.server.answer(400, "<html>" + secret + "</html>");
		assertInvalidResponseWithout(secret, "KMS answered HTTP 400 with a body that is not an AWS JSON error");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void treatsAServerErrorPageAsAServiceError() {
		String secret = secretLookingValue();
		this.server.answer(503, "<html>" + secret + "</html>");
		assertFailure(Kind.SERVICE_ERROR, null, "KMS answered HTTP 503 without an AWS error code", secret);
	}

	@Test
	void classifiesTheErrorTypeWithoutItsNamespaceOrMessage() {
		String secret = secretLookingValue();
		this.server.answer(400,
				"{\"__type\":\"com.amazonaws.kms#AccessDeniedException\",\"message\":\"" + secret + "\"}");
		assertFailure(Kind.ACCESS_DENIED, "AccessDeniedException", "KMS answered HTTP 400 AccessDeniedException",
				secret);
	}

	@Test
	void classifiesTheErrorCodeField() {
		this.server.answer(400, "{\"code\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}");
		assertFailure(Kind.THROTTLED, "ThrottlingException", "KMS answered HTTP 400 ThrottlingException",
				"Rate exceeded");
	}

	@Test
	void classifiesTheErrorTypeHeader() {
		this.server.answer(400, "", "X-Amzn-ErrorType",
				"IncorrectKeyException:http://internal.amazon.com/coral/com.amazon.coral.service/");
		assertFailure(Kind.INCORRECT_KEY, "IncorrectKeyException", "KMS answered HTTP 400 IncorrectKeyException",
				"internal.amazon.com");
	}

	@Test
	void classifiesTheQueryErrorHeader() {
		this.server.answer(400, "{\"__type\":\"Other\"}", "x-amzn-query-error", "DisabledException;Sender");
		assertFailure(Kind.DISABLED, "DisabledException", "KMS answered HTTP 400 DisabledException", "Sender");
	}

	@Test
	void ignoresAnErrorTypeThatIsNotACode() {
		String secret = secretLookingValue();
		this.server.answer(400, "{\"__type\":\"not a code " + secret + "\"}");
		assertFailure(Kind.OTHER, null, "KMS answered HTTP 400 without an AWS error code", secret);
	}

	@Test
	void reusesAFewConnectionsForSequentialAndParallelCalls() throws Exception {
		this.server.answer(200, plaintextAnswer());
		HttpKmsDecrypter client = client(SESSION_CREDENTIALS);
		for (int i = 0; i < 20; i++) {
			client.decrypt(request(Duration.ofSeconds(5)));
		}
		ExecutorService executor = Executors.newFixedThreadPool(10);
		try {
			List<Future<byte[]>> calls = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				calls.add(executor.submit(() -> client.decrypt(request(Duration.ofSeconds(5)))));
			}
			for (Future<byte[]> call : calls) {
				assertThat(call.get()).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.requests()).hasSize(50);
		assertThat(this.server.connections()).isBetween(1, HttpKmsDecrypter.MAX_CONNECTIONS);
	}

	@Test
	void reusesTheConnectionAfterAnErrorAnswer() {
		this.server.answer(400, "{\"__type\":\"AccessDeniedException\"}");
		HttpKmsDecrypter client = client(SESSION_CREDENTIALS);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(KmsDecryptException.class)
				.isThrownBy(() -> client.decrypt(request(Duration.ofSeconds(5))));
		}
		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void timesOutWithinTheDeadlineWhenKmsHangs() {
		this.server.hang();
		HttpKmsDecrypter client = client(SESSION_CREDENTIALS);
		long start = System.nanoTime();
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> client.decrypt(request(Duration.ofMillis(400))))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.TIMEOUT);
				assertThat(ex.getDetail()).isEqualTo("KMS did not answer within the 400 ms deadline");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(390),
				Duration.ofMillis(400 + 300));
	}

	@Test
	void timesOutWithinTheDeadlineWhenKmsSendsAStatusLineThenDripsItsHeaders() {
		try (RawHttpServer dripping = RawHttpServer.start((out) -> {
			out.write("HTTP/1.1 200 OK\r\nx-amzn-RequestId: ".getBytes(StandardCharsets.ISO_8859_1));
			// A byte every 10 ms: a timeout that applies to each read never fires.
			for (int i = 0; i < 6000; i++) {
				out.write('a');
				out.flush();
				Thread.sleep(10);
			}
		})) {
			HttpKmsDecrypter client = HttpKmsDecrypter.builder()
				.settings(settings(dripping.endpoint(), Duration.ofSeconds(5)))
				.credentialsProvider(SESSION_CREDENTIALS)
				.environment((name) -> null)
				.build();
			this.clients.add(client);
			client.prime();
			long start = System.nanoTime();
			assertThatExceptionOfType(KmsDecryptException.class)
				.isThrownBy(() -> client.decrypt(request(Duration.ofSeconds(2))))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.TIMEOUT));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void waitsForAFreeConnectionNoLongerThanTheDeadline() throws Exception {
		this.server.hang();
		HttpKmsDecrypter client = client(SESSION_CREDENTIALS);
		ExecutorService executor = Executors.newFixedThreadPool(HttpKmsDecrypter.MAX_CONNECTIONS + 1);
		try {
			List<Future<Kind>> calls = new ArrayList<>();
			Deadline deadline = Deadline.in(Duration.ofMillis(500));
			for (int i = 0; i <= HttpKmsDecrypter.MAX_CONNECTIONS; i++) {
				calls.add(executor.submit(() -> {
					try {
						client.decrypt(KmsDecryptRequest.of(new byte[] { 1 }, Map.of(), null, deadline));
						return null;
					}
					catch (KmsDecryptException ex) {
						return ex.getKind();
					}
				}));
			}
			long start = System.nanoTime();
			for (Future<Kind> call : calls) {
				assertThat(call.get()).isEqualTo(Kind.TIMEOUT);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500 + 300));
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.requests()).hasSize(HttpKmsDecrypter.MAX_CONNECTIONS);
	}

	@Test
	void namesTheEndpointWhenItCannotBeReached() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		HttpKmsDecrypter client = HttpKmsDecrypter.builder()
			.settings(settings(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5)))
			.credentialsProvider(SESSION_CREDENTIALS)
			.environment((name) -> null)
			.build();
		this.clients.add(client);
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> client.decrypt(request(Duration.ofSeconds(2))))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.NETWORK);
				assertThat(ex.getDetail()).isEqualTo("cannot reach KMS at 127.0.0.1:" + port + " (ConnectException)");
			});
	}

	@Test
	void reportsCredentialsFailuresInOneLineWithoutTheProvidersMessage() {
		AwsCredentialsProvider failing = () -> {
			throw SdkClientException.create("Unable to load credentials from any of the providers in the chain:\n"
					+ "EnvironmentVariableCredentialsProvider(): ...\nProfileCredentialsProvider(): ...");
		};
		assertThatExceptionOfType(KmsDecryptException.class)
			.isThrownBy(() -> client(failing).decrypt(request(Duration.ofSeconds(5))))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.CREDENTIALS);
				assertThat(ex.getDetail()).isEqualTo("cannot get AWS credentials from the given credentials provider "
						+ "(SdkClientException); check that provider");
			});
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void resolvesCredentialsForEveryCall() {
		this.server.answer(200, plaintextAnswer());
		AtomicInteger resolved = new AtomicInteger();
		AwsCredentialsProvider rotating = () -> {
			int n = resolved.incrementAndGet();
			return AwsSessionCredentials.create("AKIAROTATING0000000" + n, "secret-" + n, "token-" + n);
		};
		HttpKmsDecrypter client = client(rotating);
		client.decrypt(request(Duration.ofSeconds(5)));
		client.decrypt(request(Duration.ofSeconds(5)));
		assertThat(this.server.requests()).extracting((request) -> request.header("X-Amz-Security-Token"))
			.containsExactly("token-1", "token-2");
	}

	@Test
	void primesWithoutCallingKmsOrReadingCredentials() {
		AtomicInteger resolved = new AtomicInteger();
		AwsCredentialsProvider counting = () -> {
			resolved.incrementAndGet();
			return AwsBasicCredentials.create("AKIACOUNTING00000000", "secret");
		};
		client(counting).prime();
		assertThat(resolved).hasValue(0);
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void choosesCredentialsFromTheEnvironmentWhenNoProviderIsGiven() {
		HttpKmsDecrypter client = HttpKmsDecrypter.builder()
			.settings(settings(this.server.endpoint(), Duration.ofSeconds(5)))
			.environment(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds")::get)
			.build();
		this.clients.add(client);
		assertThat(client.credentialsSource()).isEqualTo(CredentialsSource.CONTAINER);
		assertThat(client.region()).isEqualTo("eu-west-1");
		assertThat(client.endpoint()).isEqualTo(this.server.endpoint().resolve("/"));
	}

	private void assertInvalidResponseWithout(String secret, String detail) {
		assertFailure(Kind.INVALID_RESPONSE, null, detail, secret);
	}

	private void assertFailure(Kind kind, String errorCode, String detail, String absent) {
		HttpKmsDecrypter client = client(SESSION_CREDENTIALS);
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		KmsDecryptException failure;
		try {
			failure = catchThrowableOfType(KmsDecryptException.class,
					() -> client.decrypt(request(Duration.ofSeconds(5))));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		assertThat(failure).isNotNull();
		assertThat(failure.getKind()).isEqualTo(kind);
		assertThat(failure.getErrorCode()).isEqualTo(errorCode);
		assertThat(failure.getDetail()).isEqualTo(detail);
		assertThat(failure.getMessage()).doesNotContain(absent);
		assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(absent);
	}

	private HttpKmsDecrypter client(AwsCredentialsProvider credentials) {
		HttpKmsDecrypter client = HttpKmsDecrypter.builder()
			.settings(settings(this.server.endpoint(), Duration.ofSeconds(5)))
			.credentialsProvider(credentials)
			.environment((name) -> null)
			.build();
		this.clients.add(client);
		return client;
	}

	private static KmsClientSettings settings(URI endpoint, Duration timeout) {
		return new KmsClientSettings("eu-west-1", endpoint, false, timeout);
	}

	private static KmsDecryptRequest request(Duration timeout) {
		return KmsDecryptRequest.of(new byte[] { 1, 2, 3 }, Map.of("PARAMETER_ARN", PARAMETER_ARN), null,
				Deadline.in(timeout));
	}

	private static Deadline deadline(int seconds) {
		return Deadline.in(Duration.ofSeconds(seconds));
	}

	private static String plaintextAnswer() {
		return "{\"Plaintext\":\"" + Base64.getEncoder().encodeToString("v".getBytes(StandardCharsets.UTF_8)) + "\"}";
	}

	private static String secretLookingValue() {
		return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
	}

}
