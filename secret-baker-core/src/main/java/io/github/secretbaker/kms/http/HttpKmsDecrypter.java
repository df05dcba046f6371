package io.github.secretbaker.kms.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.KmsErrors;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.core.JacksonException;

/**
 * The light default {@link KmsDecrypter}: one AWS JSON 1.1 {@code TrentService.Decrypt}
 * request over the JDK's {@link HttpURLConnection}, signed with the AWS SDK's
 * {@link AwsV4HttpSigner} and the SDK's credential providers, without an SDK service client.
 * It keeps at most {@value #MAX_CONNECTIONS} connections open and reuses them, never retries
 * (the {@link BakedSecretsDecryptor} does, within its deadline) and never quotes an answer.
 * <p>
 * Unless a provider is given, credentials come from the environment variables (Lambda's
 * on-demand start), else the container credentials endpoint (Lambda SnapStart), else the
 * SDK's default chain; the choice is made once, from the environment.
 *
 * @since 0.1.0
 */
public final class HttpKmsDecrypter implements KmsDecrypter {

	/**
	 * The most connections open at once, the default number of calls in flight; every new
	 * one costs a TLS handshake, so all of them are kept for reuse.
	 */
	static final int MAX_CONNECTIONS = 16;

	private static final String KEEP_ALIVE_CACHE_PROPERTY = "http.maxConnections";

	static {
		// The JDK keeps 5 idle connections per host unless told otherwise, read once when its
		// keep-alive cache is first used: with more in flight, each extra one would be closed
		// after its call and the next call would pay a new TLS handshake.
		if (System.getProperty(KEEP_ALIVE_CACHE_PROPERTY) == null) {
			System.setProperty(KEEP_ALIVE_CACHE_PROPERTY, String.valueOf(MAX_CONNECTIONS));
		}
	}

	/**
	 * The largest answer read; a {@code Decrypt} answer of a SecureString is far smaller.
	 */
	static final int MAX_ANSWER_BYTES = 64 * 1024;

	static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	static final String TARGET = "TrentService.Decrypt";

	private static final long MAX_CONNECT_TIMEOUT_MILLIS = 2000;

	private static final byte[] PRIMING_ANSWER = ("{\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\","
			+ "\"KeyId\":\"arn:aws:kms:us-east-1:000000000000:key/priming\",\"Plaintext\":\"AAAAAA==\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] PRIMING_ERROR = "{\"__type\":\"com.amazonaws.kms#PrimingException\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final KmsEndpoint endpoint;

	private final URL url;

	private final String host;

	private final Duration timeout;

	private final CredentialsSource credentialsSource;

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

	private final Object providerLock = new Object();

	private volatile @Nullable AwsCredentialsProvider credentialsProvider;

	private HttpKmsDecrypter(Builder builder) {
		this.endpoint = KmsEndpoint.resolve(builder.settings, builder.environment);
		try {
			this.url = this.endpoint.uri().toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null, 0,
					"the KMS endpoint is not a URL the JDK can call (" + ex.getClass().getSimpleName() + ")");
		}
		URI uri = this.endpoint.uri();
		this.host = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		this.timeout = builder.settings.timeout();
		this.credentialsProvider = builder.credentialsProvider;
		this.credentialsSource = (builder.credentialsProvider != null) ? CredentialsSource.SUPPLIED
				: CredentialsSource.choose(builder.environment);
	}

	/**
	 * Create a client from settings, with credentials from the environment.
	 * @param settings the region, endpoint, FIPS choice and timeout
	 * @return the client
	 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} if no region is
	 * known or the endpoint configuration is invalid
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
		AwsCredentialsIdentity credentials = credentials();
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
	 * (with throwaway credentials) and read one canned answer of each kind, and open (but
	 * not connect) a connection to the endpoint.
	 */
	@Override
	public void prime() {
		AwsSessionCredentials throwaway = AwsSessionCredentials.create("AKIAPRIMINGONLY00000", "priming-only",
				"priming-only");
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
		try {
			this.url.openConnection();
		}
		catch (IOException ex) {
			// Priming is best effort: the first real call reports what is wrong.
		}
	}

	@Override
	public void close() {
		if (this.credentialsSource == CredentialsSource.SUPPLIED) {
			return;
		}
		AwsCredentialsProvider provider = this.credentialsProvider;
		if (provider instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing to release is worth failing a shutdown for.
			}
		}
	}

	/**
	 * Return where the credentials come from.
	 * @return the source
	 */
	CredentialsSource credentialsSource() {
		return this.credentialsSource;
	}

	/**
	 * Return the endpoint the client calls.
	 * @return the endpoint
	 */
	URI endpoint() {
		return this.endpoint.uri();
	}

	private AwsCredentialsIdentity credentials() {
		try {
			return provider().resolveCredentials();
		}
		catch (RuntimeException ex) {
			throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null, 0,
					this.credentialsSource.describeFailure(ex));
		}
	}

	private AwsCredentialsProvider provider() {
		AwsCredentialsProvider provider = this.credentialsProvider;
		if (provider == null) {
			synchronized (this.providerLock) {
				provider = this.credentialsProvider;
				if (provider == null) {
					provider = this.credentialsSource.createProvider();
					this.credentialsProvider = provider;
				}
			}
		}
		return provider;
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
			throw new KmsDecryptException(Kind.TIMEOUT, null, 0, "interrupted while waiting for a connection to KMS");
		}
	}

	private SdkHttpRequest sign(byte[] body, AwsCredentialsIdentity credentials) {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(this.endpoint.uri())
			.putHeader("Content-Type", CONTENT_TYPE)
			.putHeader("X-Amz-Target", TARGET)
			.build();
		return this.signer
			.sign((sign) -> sign.identity(credentials)
				.request(request)
				.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
				.putProperty(AwsV4HttpSigner.REGION_NAME, this.endpoint.region()))
			.request();
	}

	private byte[] call(SdkHttpRequest signed, byte[] body, Deadline deadline) {
		HttpURLConnection connection;
		try {
			connection = (HttpURLConnection) this.url.openConnection();
		}
		catch (IOException ex) {
			throw network(ex);
		}
		boolean sent = false;
		boolean reusable = false;
		Answer answer = null;
		try {
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setUseCaches(false);
			connection.setInstanceFollowRedirects(false);
			connection.setConnectTimeout(millis(deadline, MAX_CONNECT_TIMEOUT_MILLIS));
			connection.setReadTimeout(millis(deadline, Long.MAX_VALUE));
			// A fixed length also keeps the JDK from sending the request again on its own.
			connection.setFixedLengthStreamingMode(body.length);
			signed.forEachHeader((name, values) -> {
				if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
					connection.setRequestProperty(name, String.join(",", values));
				}
			});
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			sent = true;
			int status = connection.getResponseCode();
			answer = read(connection, status, deadline);
			reusable = true;
			return interpret(connection, status, answer);
		}
		catch (SocketTimeoutException ex) {
			throw (sent || deadline.hasPassed()) ? timeout(deadline) : network(ex);
		}
		catch (IOException ex) {
			throw network(ex);
		}
		finally {
			if (answer != null) {
				answer.clear();
			}
			if (!reusable) {
				connection.disconnect();
			}
		}
	}

	private Answer read(HttpURLConnection connection, int status, Deadline deadline) throws IOException {
		long declared = connection.getContentLengthLong();
		if (declared > MAX_ANSWER_BYTES) {
			throw tooLarge(status);
		}
		try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
			if (in == null) {
				return new Answer(new byte[0], 0);
			}
			byte[] buffer = new byte[(declared >= 0) ? (int) declared : 1024];
			int length = 0;
			while (true) {
				if (length == buffer.length) {
					if (length > MAX_ANSWER_BYTES) {
						Arrays.fill(buffer, (byte) 0);
						throw tooLarge(status);
					}
					byte[] larger = Arrays.copyOf(buffer, Math.max(1024, Math.min(length * 2, MAX_ANSWER_BYTES + 1)));
					Arrays.fill(buffer, (byte) 0);
					buffer = larger;
				}
				int read = in.read(buffer, length, buffer.length - length);
				if (read < 0) {
					return new Answer(buffer, length);
				}
				length += read;
				if (deadline.hasPassed()) {
					Arrays.fill(buffer, (byte) 0);
					throw timeout(deadline);
				}
			}
		}
	}

	private byte[] interpret(HttpURLConnection connection, int status, Answer answer) {
		if (status >= 200 && status < 300) {
			byte[] plaintext;
			try {
				plaintext = DecryptJson.plaintext(answer.bytes(), answer.length());
			}
			catch (JacksonException ex) {
				throw invalidResponse(status, "with a body that is not a Decrypt result");
			}
			if (plaintext == null) {
				throw invalidResponse(status, "without a Plaintext");
			}
			return plaintext;
		}
		String errorCode = DecryptJson.errorCode(connection.getHeaderField("x-amzn-query-error"));
		if (errorCode == null) {
			errorCode = DecryptJson.errorCode(connection.getHeaderField("X-Amzn-ErrorType"));
		}
		boolean json = true;
		if (errorCode == null && answer.length() > 0) {
			try {
				errorCode = DecryptJson.errorCode(answer.bytes(), answer.length());
			}
			catch (JacksonException ex) {
				json = false;
			}
		}
		// A proxy's or load balancer's page on a server error or throttling is still worth a
		// retry; any other answer that is not an AWS error is not from KMS.
		if (errorCode == null && !json && status < 500 && status != 429) {
			throw invalidResponse(status, "with a body that is not an AWS JSON error");
		}
		throw new KmsDecryptException(KmsErrors.kind(errorCode, status), errorCode, status,
				KmsErrors.detail(errorCode, status));
	}

	private static int millis(Deadline deadline, long max) {
		long millis = TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos() + 999_999);
		return (int) Math.max(1, Math.min(Math.min(millis, max), Integer.MAX_VALUE));
	}

	private KmsDecryptException network(IOException ex) {
		String hint = (ex instanceof UnknownHostException) ? "; check the region and secret-baker.endpoint" : "";
		return new KmsDecryptException(Kind.NETWORK, null, 0,
				"cannot reach KMS at " + this.host + " (" + ex.getClass().getSimpleName() + ")" + hint);
	}

	private static KmsDecryptException timeout(Deadline deadline) {
		return new KmsDecryptException(Kind.TIMEOUT, null, 0,
				"KMS did not answer within the " + deadline.describeTimeout() + " deadline");
	}

	private static KmsDecryptException tooLarge(int status) {
		return invalidResponse(status, "with more than " + (MAX_ANSWER_BYTES / 1024) + " KiB");
	}

	private static KmsDecryptException invalidResponse(int status, String what) {
		return new KmsDecryptException(Kind.INVALID_RESPONSE, null, status, "KMS answered HTTP " + status + " " + what);
	}

	/**
	 * The body of an answer, cleared once read.
	 */
	private record Answer(byte[] bytes, int length) {

		void clear() {
			Arrays.fill(this.bytes, (byte) 0);
		}

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
		 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} if no region
		 * is known or the endpoint configuration is invalid
		 */
		public HttpKmsDecrypter build() {
			return new HttpKmsDecrypter(this);
		}

	}

}
