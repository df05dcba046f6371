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

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.aws.internal.SigV4Signer;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.internal.AwsCredentials;
import io.github.secretbaker.kms.internal.CredentialsResolver;
import io.github.secretbaker.kms.internal.CredentialsSource;
import io.github.secretbaker.kms.internal.HttpTransport;
import io.github.secretbaker.kms.internal.KmsErrors;
import io.github.secretbaker.kms.internal.SdkCredentials;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.core.JacksonException;

/**
 * The light default {@link KmsDecrypter}: one AWS JSON 1.1 {@code TrentService.Decrypt}
 * request over {@link HttpTransport} (which logs nothing), signed by {@link SigV4Signer}
 * on {@code javax.crypto}, without an SDK service client or signer. It keeps at most
 * {@value #MAX_CONNECTIONS} connections open and reuses them, never retries (the
 * {@link BakedSecretsDecrypter} does, within its deadline), never quotes an answer, and
 * ends each call, credentials included, at the request's deadline.
 * <p>
 * Unless a provider is given, credentials come from the environment variables (Lambda's
 * on-demand start), else the container credentials endpoint (Lambda SnapStart), else the
 * SDK's default chain, through a {@link CredentialsResolver}.
 *
 * @since 0.1.0
 */
public final class HttpKmsDecrypter implements KmsDecrypter {

	/**
	 * The most connections open at once, the default number of calls in flight; every new
	 * one costs a TLS handshake, so all of them are kept for reuse.
	 */
	static final int MAX_CONNECTIONS = 16;

	/**
	 * The largest answer read; a {@code Decrypt} answer of a SecureString is far smaller.
	 */
	static final int MAX_ANSWER_BYTES = 64 * 1024;

	static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	static final String TARGET = "TrentService.Decrypt";

	private static final Map<String, String> SIGNED_HEADERS = Map.of("Content-Type", CONTENT_TYPE, "X-Amz-Target",
			TARGET);

	private static final byte[] PRIMING_ANSWER = ("{\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\","
			+ "\"KeyId\":\"arn:aws:kms:us-east-1:000000000000:key/priming\",\"Plaintext\":\"AAAAAA==\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] PRIMING_ERROR = "{\"__type\":\"com.amazonaws.kms#PrimingException\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final KmsEndpoint endpoint;

	private final String host;

	private final Duration timeout;

	private final CredentialsResolver credentials;

	private final HttpTransport transport = new HttpTransport(MAX_CONNECTIONS, MAX_ANSWER_BYTES);

	private final SigV4Signer signer;

	private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

	private HttpKmsDecrypter(Builder builder) {
		this.endpoint = KmsEndpoint.resolve(builder.settings, builder.environment);
		URI uri = this.endpoint.uri();
		this.host = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		this.signer = new SigV4Signer(this.endpoint.region(), "kms");
		this.timeout = builder.settings.timeout();
		this.credentials = CredentialsResolver.of(builder.environment,
				(builder.credentialsProvider != null) ? SdkCredentials.supplier(builder.credentialsProvider) : null);
	}

	/**
	 * Create a client from settings, with credentials from the environment.
	 * @param settings the region, endpoint, FIPS choice and timeout
	 * @return the client
	 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} if no region
	 * is known or the endpoint configuration is invalid
	 */
	public static HttpKmsDecrypter create(KmsClientSettings settings) {
		return builder().settings(settings).build();
	}

	/**
	 * Return a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public byte[] decrypt(KmsDecryptRequest request) {
		Objects.requireNonNull(request, "'request' must not be null");
		Deadline deadline = request.deadline();
		if (deadline.hasPassed()) {
			throw timeout(deadline);
		}
		AwsCredentials credentials = this.credentials.resolve(deadline);
		byte[] body = DecryptJson.request(request);
		try {
			acquireConnection(deadline);
			try {
				return call(sign(body, credentials), body, deadline);
			}
			finally {
				this.connections.release();
			}
		}
		finally {
			Arrays.fill(body, (byte) 0);
		}
	}

	@Override
	public String region() {
		return this.endpoint.region();
	}

	/**
	 * Load and run the request path without the network or real credentials: write, sign
	 * (with throwaway credentials) and read one canned answer of each kind, and load the
	 * transport's classes.
	 */
	@Override
	public void prime() {
		AwsCredentials throwaway = new AwsCredentials("AKIAPRIMINGONLY00000", "priming-only", "priming-only", null);
		KmsDecryptRequest sample = KmsDecryptRequest.of(new byte[64],
				Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, "arn:aws:ssm:us-east-1:000000000000:parameter/p"),
				null, Deadline.in(this.timeout));
		byte[] body = DecryptJson.request(sample);
		sign(body, throwaway);
		byte[] plaintext = DecryptJson.plaintext(PRIMING_ANSWER, PRIMING_ANSWER.length);
		if (plaintext != null) {
			Arrays.fill(plaintext, (byte) 0);
		}
		DecryptJson.errorCode(PRIMING_ERROR, PRIMING_ERROR.length);
		this.transport.prime(this.endpoint.uri());
	}

	@Override
	public void close() {
		this.transport.close();
		this.credentials.close();
	}

	/**
	 * Return where the credentials come from.
	 * @return the source
	 */
	CredentialsSource credentialsSource() {
		return this.credentials.source();
	}

	/**
	 * Return the endpoint the client calls.
	 * @return the endpoint
	 */
	URI endpoint() {
		return this.endpoint.uri();
	}

	private void acquireConnection(Deadline deadline) {
		try {
			if (!this.connections.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
				throw timeout(deadline);
			}
			if (deadline.hasPassed()) {
				this.connections.release();
				throw timeout(deadline);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KmsDecryptException(Kind.TIMEOUT, null, "interrupted while waiting for a connection to KMS");
		}
	}

	private List<Map.Entry<String, String>> sign(byte[] body, AwsCredentials credentials) {
		SigV4Signer.SignedHeaders signature;
		try {
			signature = this.signer.sign(
					new SigV4Signer.Request("POST", SigV4Signer.hostHeader(this.endpoint.uri()),
							this.endpoint.uri().getRawPath(), SIGNED_HEADERS, body),
					new SigV4Signer.Credentials(credentials.accessKeyId(), credentials.secretAccessKey(),
							credentials.sessionToken()),
					Instant.now());
		}
		catch (IllegalArgumentException ex) {
			throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null,
					"the path of the KMS endpoint cannot be signed: use an absolute, normalized path");
		}
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		headers.add(Map.entry("Content-Type", CONTENT_TYPE));
		headers.add(Map.entry("X-Amz-Target", TARGET));
		signature.forEach((name, value) -> headers.add(Map.entry(name, value)));
		return headers;
	}

	private byte[] call(List<Map.Entry<String, String>> headers, byte[] body, Deadline deadline) {
		HttpTransport.Response answer;
		try {
			answer = this.transport.exchange(new HttpTransport.Request("POST", this.endpoint.uri(), headers, body),
					deadline, null);
		}
		catch (HttpTransport.DeadlineExceededException ex) {
			throw timeout(deadline);
		}
		catch (HttpTransport.AnswerTooLargeException ex) {
			throw invalidResponse(ex.status(), "with more than " + (ex.limit() / 1024) + " KiB");
		}
		catch (ProtocolException ex) {
			// The transport's messages name what was wrong with the answer, never its
			// bytes.
			throw invalidResponse(0, "with an " + ex.getMessage());
		}
		catch (IOException ex) {
			throw network(ex);
		}
		try {
			return interpret(answer);
		}
		finally {
			answer.clear();
		}
	}

	private byte[] interpret(HttpTransport.Response answer) {
		int status = answer.status();
		if (status >= 200 && status < 300) {
			byte[] plaintext;
			try {
				plaintext = DecryptJson.plaintext(answer.body(), answer.length());
			}
			catch (JacksonException ex) {
				throw invalidResponse(status, "with a body that is not a Decrypt result");
			}
			if (plaintext == null) {
				throw invalidResponse(status, "without a Plaintext");
			}
			return plaintext;
		}
		String errorCode = DecryptJson.errorCode(answer.header("x-amzn-query-error"));
		if (errorCode == null) {
			errorCode = DecryptJson.errorCode(answer.header("X-Amzn-ErrorType"));
		}
		boolean json = true;
		if (errorCode == null && answer.length() > 0) {
			try {
				errorCode = DecryptJson.errorCode(answer.body(), answer.length());
			}
			catch (JacksonException ex) {
				json = false;
			}
		}
		// A proxy's or load balancer's page on a server error or throttling is still
		// worth a retry; any other answer that is not an AWS error is not from KMS.
		if (errorCode == null && !json && status < 500 && status != 429) {
			throw invalidResponse(status, "with a body that is not an AWS JSON error");
		}
		throw new KmsDecryptException(KmsErrors.kind(errorCode, status), errorCode,
				KmsErrors.detail(errorCode, status));
	}

	private KmsDecryptException network(IOException ex) {
		if (KmsErrors.isUntrustedCertificate(ex)) {
			return new KmsDecryptException(Kind.UNTRUSTED_CERTIFICATE, null, "the JVM does not trust the TLS "
					+ "certificate of the KMS endpoint " + this.host + " (no trusted certificate for that host name)");
		}
		String hint = (ex instanceof UnknownHostException) ? "; check the region and secret-baker.endpoint" : "";
		return new KmsDecryptException(Kind.NETWORK, null,
				"cannot reach KMS at " + this.host + " (" + ex.getClass().getSimpleName() + ")" + hint);
	}

	private static KmsDecryptException timeout(Deadline deadline) {
		return new KmsDecryptException(Kind.TIMEOUT, null,
				"KMS did not answer within the " + deadline.describeTimeout() + " deadline");
	}

	private static KmsDecryptException invalidResponse(int status, String what) {
		return new KmsDecryptException(Kind.INVALID_RESPONSE, null,
				"KMS answered" + ((status != 0) ? " HTTP " + status : "") + " " + what);
	}

	/**
	 * Builds an {@link HttpKmsDecrypter}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private KmsClientSettings settings = KmsClientSettings.defaults();

		private @Nullable AwsCredentialsProvider credentialsProvider;

		private Function<String, @Nullable String> environment = System::getenv;

		private Builder() {
		}

		/**
		 * Set the region, endpoint, FIPS choice and timeout.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(KmsClientSettings settings) {
			this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
			return this;
		}

		/**
		 * Set the credentials provider, instead of choosing one from the environment. The
		 * caller owns it: the client does not close it.
		 * @param credentialsProvider the provider, or {@code null} to choose one
		 * @return this builder
		 */
		public Builder credentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
			this.credentialsProvider = credentialsProvider;
			return this;
		}

		/**
		 * Set where environment variables are read from, for tests.
		 * @param environment the environment variables by name
		 * @return this builder
		 */
		Builder environment(Function<String, @Nullable String> environment) {
			this.environment = Objects.requireNonNull(environment, "'environment' must not be null");
			return this;
		}

		/**
		 * Build the client. The caller owns it and closes it.
		 * @return the client
		 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} if no
		 * region is known or the endpoint configuration is invalid
		 */
		public HttpKmsDecrypter build() {
			return new HttpKmsDecrypter(this);
		}

	}

}
