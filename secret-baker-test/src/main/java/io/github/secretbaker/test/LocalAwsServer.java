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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local AWS KMS and SSM Parameter Store server that answers the AWS JSON 1.1 protocol
 * on {@code 127.0.0.1}, keeping all state in memory. SSM SecureString parameters are
 * stored as KMS ciphertexts bound to the encryption context {@code {"PARAMETER_ARN":
 * "<ARN>"}}, as Parameter Store does for the standard tier. <pre class="code">
 * try (LocalAwsServer server = LocalAwsServer.start()) {
 *     String arn = server.putSecureString("/app/db/password", "s3cr3t");
 *     SsmClient ssm = server.ssmClient();
 *     ...
 * }
 * </pre>
 *
 * @since 0.1.0
 * @see LocalAwsExtension
 */
public final class LocalAwsServer implements AutoCloseable {

	/**
	 * The default account id.
	 */
	public static final String DEFAULT_ACCOUNT_ID = "123456789012";

	/**
	 * The default region.
	 */
	public static final String DEFAULT_REGION = "us-east-1";

	/**
	 * The password of the trust store an HTTPS server writes for its clients.
	 */
	public static final String TRUST_STORE_PASSWORD = TlsMaterial.PASSWORD;

	/**
	 * The most requests served at once; further requests wait for a worker.
	 */
	public static final int MAX_WORKERS = 200;

	/**
	 * The algorithm suite of the AWS Encryption SDK messages that hold Advanced-tier
	 * SecureString values ({@code PutParameter} with {@code Tier=Advanced}, or a value
	 * over 4 KB with {@code Intelligent-Tiering}): signed with ECDSA P-384, message
	 * format version 1, the Encryption SDK's default when the Advanced tier came out (AWS
	 * does not document which suite Parameter Store uses; the seed methods take any).
	 * @since 0.1.0
	 */
	public static final CryptoAlgorithm ADVANCED_TIER_SUITE = CryptoAlgorithm.ALG_AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384;

	/**
	 * How long, in seconds, a client may take to send a whole request before its
	 * connection is closed.
	 */
	public static final int REQUEST_TIMEOUT_SECONDS = 5;

	/**
	 * The token the container credentials endpoint expects in {@code Authorization}, as
	 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} gives it.
	 */
	public static final String CONTAINER_AUTHORIZATION_TOKEN = "local-container-authorization-token";

	/**
	 * The access key id the container credentials endpoint answers with.
	 */
	public static final String CONTAINER_ACCESS_KEY_ID = "ASIALOCALCONTAINER00";

	/**
	 * The secret access key the container credentials endpoint answers with.
	 */
	public static final String CONTAINER_SECRET_ACCESS_KEY = "local+container/secret=access,key";

	/**
	 * The session token the container credentials endpoint answers with.
	 */
	public static final String CONTAINER_SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWxvY2FsLWNvbnRhaW5lcg==";

	private static final String CONTAINER_CREDENTIALS_PATH = "/container-credentials";

	private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	private static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

	private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");

	private static final String ACCESS_KEY_ID = "AKIALOCALAWSSERVER00";

	private static final String SECRET_ACCESS_KEY = "local-aws-server-secret-access-key";

	private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

	private final int port;

	private final boolean https;

	private final String accountId;

	private final String region;

	private final Faults faults;

	private final CallStatistics statistics = new CallStatistics();

	private final KmsService kms;

	private final SsmService ssm;

	private final StsService sts;

	private volatile @Nullable HttpServer httpServer;

	private @Nullable ExecutorService executor;

	private @Nullable KmsClient kmsClient;

	private @Nullable SsmClient ssmClient;

	private @Nullable TlsMaterial tls;

	private LocalAwsServer(Builder builder) {
		this.port = builder.port;
		this.https = builder.https;
		this.accountId = builder.accountId;
		this.region = builder.region;
		this.faults = new Faults(this.accountId);
		this.kms = new KmsService(this.accountId, this.faults);
		this.ssm = new SsmService(this.accountId, this.kms, this.faults);
		this.sts = new StsService(this.faults);
	}

	/**
	 * Return a builder for a server on an ephemeral port, with account id
	 * {@value #DEFAULT_ACCOUNT_ID} and region {@value #DEFAULT_REGION}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a server with the defaults of {@link #builder()}.
	 * @return the running server
	 */
	public static LocalAwsServer start() {
		return builder().build().startServer();
	}

	/**
	 * Start accepting requests on {@code 127.0.0.1}.
	 * @return this server
	 * @throws IllegalStateException if the server was already started
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public synchronized LocalAwsServer startServer() {
		if (this.httpServer != null) {
			throw new IllegalStateException("The server is already started on " + endpoint());
		}
		// The JDK server leaves Nagle's algorithm on unless told otherwise, which with
		// delayed ACKs adds about 40 ms to every answer; it reads the setting once, when
		// first used.
		if (System.getProperty(NO_DELAY_PROPERTY) == null) {
			System.setProperty(NO_DELAY_PROPERTY, "true");
		}
		// The JDK server reads a request line, headers and body on a worker thread and
		// never times a stalled client out unless told to; then it closes the connection,
		// which also frees the worker. Read once, like the setting above.
		if (System.getProperty(MAX_REQUEST_TIME_PROPERTY) == null) {
			System.setProperty(MAX_REQUEST_TIME_PROPERTY, Integer.toString(REQUEST_TIMEOUT_SECONDS));
		}
		TlsMaterial tls = this.https ? TlsMaterial.generate() : null;
		HttpServer server;
		try {
			InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port);
			if (tls != null) {
				HttpsServer httpsServer = HttpsServer.create(address, 1024);
				httpsServer.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
				server = httpsServer;
			}
			else {
				server = HttpServer.create(address, 1024);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind 127.0.0.1:" + this.port, ex);
		}
		AtomicInteger threads = new AtomicInteger();
		String threadPrefix = threadNamePrefix(server.getAddress().getPort());
		ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, threadPrefix + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		server.setExecutor(executor);
		server.createContext("/", new AwsJsonHandler(this.kms, this.ssm, this.sts, this.faults, this.statistics,
				this.accountId, new SignatureVerifier(Map.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY))));
		server.createContext(CONTAINER_CREDENTIALS_PATH, new ContainerCredentialsHandler(this.faults, this.statistics));
		server.start();
		this.httpServer = server;
		this.executor = executor;
		this.tls = tls;
		return this;
	}

	/**
	 * Return the endpoint URL, {@code http://127.0.0.1:<port>}, or
	 * {@code https://127.0.0.1:<port>} for a server built with
	 * {@link Builder#https(boolean)}.
	 * @return the endpoint
	 * @throws IllegalStateException if the server is not started
	 */
	public URI endpoint() {
		HttpServer server = this.httpServer;
		if (server == null) {
			throw new IllegalStateException("The server is not started");
		}
		return URI.create((this.https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
	}

	/**
	 * Return the URL of the container credentials endpoint, for
	 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}: a {@code GET} with
	 * {@link #CONTAINER_AUTHORIZATION_TOKEN} in {@code Authorization} is answered with
	 * temporary credentials, as Lambda SnapStart's endpoint does. Faults apply to it
	 * under the operation name {@code ContainerCredentials}.
	 * @return the URL
	 * @throws IllegalStateException if the server is not started
	 */
	public URI containerCredentialsUri() {
		return endpoint().resolve(CONTAINER_CREDENTIALS_PATH);
	}

	/**
	 * Whether this server answers over HTTPS.
	 * @return whether the endpoint is HTTPS
	 */
	public boolean isHttps() {
		return this.https;
	}

	/**
	 * Return the PKCS12 trust store holding this HTTPS server's self-signed certificate,
	 * for clients such as a child JVM started with
	 * {@code -Djavax.net.ssl.trustStore=<path> -Djavax.net.ssl.trustStorePassword=}{@value #TRUST_STORE_PASSWORD}.
	 * The file is written at start and deleted when the server is closed.
	 * @return the trust store path
	 * @throws IllegalStateException if the server is not started or not HTTPS
	 */
	public Path trustStore() {
		return tls().trustStore();
	}

	/**
	 * Return a PEM file holding this HTTPS server's self-signed certificate, for clients
	 * that read certificates rather than a trust store, such as secret-baker's light
	 * client through {@code -Dsecret-baker.tls.trust-anchors=<path>}. The file is written
	 * at start and deleted when the server is closed.
	 * @return the PEM file's path
	 * @throws IllegalStateException if the server is not started or not HTTPS
	 */
	public Path certificatePem() {
		return tls().certificatePem();
	}

	/**
	 * Return the password of {@link #trustStore()}.
	 * @return {@value #TRUST_STORE_PASSWORD}
	 */
	public String trustStorePassword() {
		return TRUST_STORE_PASSWORD;
	}

	/**
	 * Return an SSL context that trusts this HTTPS server's certificate, and only it.
	 * @return the client SSL context
	 * @throws IllegalStateException if the server is not started or not HTTPS
	 */
	public SSLContext clientSslContext() {
		return tls().clientSslContext();
	}

	static String threadNamePrefix(int port) {
		return "local-aws-" + port + "-";
	}

	private TlsMaterial tls() {
		TlsMaterial tls = this.tls;
		if (tls == null) {
			throw new IllegalStateException(this.https ? "The server is not started" : "The server is not HTTPS");
		}
		return tls;
	}

	private SdkHttpClient.Builder<?> httpClientBuilder() {
		UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder();
		if (this.https) {
			builder.tlsTrustManagersProvider(() -> tls().trustManagers());
		}
		return builder;
	}

	/**
	 * Return the region of the ready-made clients and of the seed helpers. Each request
	 * is answered in the region of its SigV4 credential scope, and the ARNs it forms use
	 * that region.
	 * @return the default region
	 */
	public String region() {
		return this.region;
	}

	/**
	 * Return the account id used in ARNs.
	 * @return the account id
	 */
	public String accountId() {
		return this.accountId;
	}

	/**
	 * Return a provider of static, fake credentials. The server verifies the signature of
	 * every request made with their access key id (with or without a session token); it
	 * accepts requests signed with any other access key id unverified.
	 * @return the credentials provider
	 */
	public AwsCredentialsProvider credentialsProvider() {
		return CREDENTIALS;
	}

	/**
	 * Return a KMS client builder preset with this server's endpoint, the default region,
	 * fake credentials and the URL connection HTTP client.
	 * @return a new client builder
	 */
	public KmsClientBuilder kmsClientBuilder() {
		return KmsClient.builder()
			.endpointOverride(endpoint())
			.region(Region.of(this.region))
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(httpClientBuilder());
	}

	/**
	 * Return an SSM client builder preset with this server's endpoint, the default
	 * region, fake credentials and the URL connection HTTP client.
	 * @return a new client builder
	 */
	public SsmClientBuilder ssmClientBuilder() {
		return SsmClient.builder()
			.endpointOverride(endpoint())
			.region(Region.of(this.region))
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(httpClientBuilder());
	}

	/**
	 * Return a KMS client for this server, built on first use and closed with the server.
	 * @return the KMS client
	 */
	public synchronized KmsClient kmsClient() {
		if (this.kmsClient == null) {
			this.kmsClient = kmsClientBuilder().build();
		}
		return this.kmsClient;
	}

	/**
	 * Return an SSM client for this server, built on first use and closed with the
	 * server.
	 * @return the SSM client
	 */
	public synchronized SsmClient ssmClient() {
		if (this.ssmClient == null) {
			this.ssmClient = ssmClientBuilder().build();
		}
		return this.ssmClient;
	}

	/**
	 * Create a symmetric key in the default region.
	 * @return the key ARN
	 */
	public String createKey() {
		return createKey(null, null, null);
	}

	/**
	 * Create a symmetric key and an alias for it in the default region.
	 * @param aliasName the alias name, such as {@code alias/app} (the {@code alias/}
	 * prefix is added when missing)
	 * @return the key ARN
	 */
	public String createKey(String aliasName) {
		return createKey(aliasName, null, null);
	}

	String createKey(@Nullable String aliasName, @Nullable String description, @Nullable String keyId) {
		return seed(() -> {
			String arn = this.kms.createKey(this.region, description, keyId);
			if (aliasName != null) {
				String alias = aliasName.startsWith("alias/") ? aliasName : "alias/" + aliasName;
				this.kms.createAlias(this.region, alias, arn);
			}
			return arn;
		});
	}

	void createAlias(String aliasName, String keyArn) {
		seed(() -> {
			this.kms.createAlias(this.region, aliasName, keyArn);
			return null;
		});
	}

	void disableKey(String keyArn) {
		seed(() -> {
			this.kms.setEnabled(this.region, keyArn, false);
			return null;
		});
	}

	/**
	 * Return the ARN of a key in the default region.
	 * @param keyId the key id, key ARN, alias name or alias ARN
	 * @return the key ARN
	 */
	public String keyArn(String keyId) {
		return seed(() -> this.kms.keyArn(this.region, keyId));
	}

	/**
	 * Create or overwrite a SecureString parameter encrypted under {@code alias/aws/ssm}.
	 * @param name the parameter name
	 * @param value the plaintext value
	 * @return the parameter ARN
	 */
	public String putSecureString(String name, String value) {
		return putSecureString(name, value, KmsService.SSM_DEFAULT_ALIAS);
	}

	/**
	 * Create or overwrite a SecureString parameter encrypted under the given key.
	 * @param name the parameter name
	 * @param value the plaintext value
	 * @param keyId the key id, key ARN, alias name or alias ARN
	 * @return the parameter ARN
	 */
	public String putSecureString(String name, String value, String keyId) {
		return putParameter(name, "SecureString", value, keyId, null, null);
	}

	/**
	 * Create or overwrite an Advanced-tier SecureString parameter: its value is an AWS
	 * Encryption SDK message of the {@link #ADVANCED_TIER_SUITE}, made as Parameter Store
	 * makes it.
	 * @param name the parameter name
	 * @param value the plaintext value, up to 8 KB
	 * @param keyId the key id, key ARN, alias name or alias ARN
	 * @return the parameter ARN
	 * @since 0.1.0
	 */
	public String putAdvancedSecureString(String name, String value, String keyId) {
		return putAdvancedSecureString(name, value, keyId, ADVANCED_TIER_SUITE);
	}

	/**
	 * Create or overwrite an Advanced-tier SecureString parameter whose value is an AWS
	 * Encryption SDK message of the given algorithm suite: a suite with key commitment
	 * makes a message of format version 2, any other one of version 1.
	 * @param name the parameter name
	 * @param value the plaintext value, up to 8 KB
	 * @param keyId the key id, key ARN, alias name or alias ARN
	 * @param suite the algorithm suite
	 * @return the parameter ARN
	 * @since 0.1.0
	 */
	public String putAdvancedSecureString(String name, String value, String keyId, CryptoAlgorithm suite) {
		return putSecureString(this.accountId, name, value, keyId, suite);
	}

	/**
	 * Create a symmetric key in the default region owned by another account, whose key
	 * policy lets this account use it: usable by its key ARN only, as a key of another
	 * account is.
	 * @param ownerAccountId the owner's 12-digit account id
	 * @return the key ARN
	 * @since 0.1.0
	 */
	public String createKeyInAccount(String ownerAccountId) {
		return seed(() -> this.kms.createKey(this.region, ownerAccountId, null, null));
	}

	/**
	 * Create or overwrite a SecureString parameter owned by another account and shared
	 * with this one, as AWS RAM shares it: in the Advanced tier (sharing requires it),
	 * encrypted under a key of the owner's that this account may use (see
	 * {@link #createKeyInAccount(String)}), and served to this account by its full ARN
	 * only.
	 * @param ownerAccountId the owner's 12-digit account id
	 * @param name the parameter name in the owner's account
	 * @param value the plaintext value, up to 8 KB
	 * @param keyArn the ARN of the owner's key
	 * @return the parameter ARN, in the owner's account
	 * @since 0.1.0
	 */
	public String putSharedSecureString(String ownerAccountId, String name, String value, String keyArn) {
		if (ownerAccountId.equals(this.accountId)) {
			throw new IllegalArgumentException("Account " + ownerAccountId + " is this server's own account");
		}
		return putSecureString(ownerAccountId, name, value, keyArn, ADVANCED_TIER_SUITE);
	}

	private String putSecureString(String owner, String name, String value, String keyId, CryptoAlgorithm suite) {
		ObjectNode body = JsonRequest.object();
		body.put("Name", name);
		body.put("Type", "SecureString");
		body.put("Value", value);
		body.put("Overwrite", true);
		body.put("KeyId", keyId);
		body.put("Tier", "Advanced");
		seed(() -> this.ssm.putParameter(this.region, owner, new JsonRequest(body), suite));
		return SsmService.parameterArn(this.region, owner, name);
	}

	/**
	 * Create or overwrite a String parameter.
	 * @param name the parameter name
	 * @param value the value
	 * @return the parameter ARN
	 */
	public String putString(String name, String value) {
		return putParameter(name, "String", value, null, null, null);
	}

	/**
	 * Create or overwrite a StringList parameter.
	 * @param name the parameter name
	 * @param value the comma-separated values
	 * @return the parameter ARN
	 */
	public String putStringList(String name, String value) {
		return putParameter(name, "StringList", value, null, null, null);
	}

	String putParameter(String name, String type, String value, @Nullable String keyId, @Nullable String description,
			@Nullable String tier) {
		ObjectNode body = JsonRequest.object();
		body.put("Name", name);
		body.put("Type", type);
		body.put("Value", value);
		body.put("Overwrite", true);
		if (keyId != null) {
			body.put("KeyId", keyId);
		}
		if (description != null) {
			body.put("Description", description);
		}
		if (tier != null) {
			body.put("Tier", tier);
		}
		seed(() -> this.ssm.handle("PutParameter", this.region, new JsonRequest(body)));
		return parameterArn(name);
	}

	/**
	 * Return the ARN of a parameter in the default region:
	 * {@code arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>}.
	 * @param name the parameter name
	 * @return the parameter ARN
	 */
	public String parameterArn(String name) {
		return this.ssm.parameterArn(this.region, name);
	}

	/**
	 * Return the faults injected into this server's answers.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Return how many requests for an operation were received since the last reset.
	 * @param operation the operation name without service prefix, such as
	 * {@code "Decrypt"}
	 * @return the call count
	 */
	public long callCount(String operation) {
		return this.statistics.count(Operations.normalize(operation));
	}

	/**
	 * Return the call count of every operation called since the last reset.
	 * @return the call counts by operation name, sorted by name
	 */
	public Map<String, Long> callCounts() {
		return this.statistics.counts();
	}

	/**
	 * Return the highest number of requests in flight at once since the last reset.
	 * @return the highest concurrency
	 */
	public int maxInFlight() {
		return this.statistics.maxInFlight();
	}

	/**
	 * Return the highest number of requests for an operation in flight at once since the
	 * last reset.
	 * @param operation the operation name without service prefix
	 * @return the highest concurrency of that operation
	 */
	public int maxInFlight(String operation) {
		return this.statistics.maxInFlight(Operations.normalize(operation));
	}

	/**
	 * Reset the call counters and the in-flight maxima.
	 */
	public void resetCounters() {
		this.statistics.reset();
	}

	/**
	 * Reset all state: keys, aliases, parameters, issued credentials, faults and
	 * counters. The {@code alias/aws/ssm} key is re-created, with new key material.
	 */
	public void reset() {
		this.faults.clear();
		this.statistics.reset();
		this.ssm.reset();
		this.kms.reset();
		this.sts.reset();
	}

	/**
	 * Stop the server, release hanging calls and close the ready-made clients.
	 */
	@Override
	public synchronized void close() {
		this.faults.releaseHangs();
		if (this.kmsClient != null) {
			this.kmsClient.close();
			this.kmsClient = null;
		}
		if (this.ssmClient != null) {
			this.ssmClient.close();
			this.ssmClient = null;
		}
		if (this.httpServer != null) {
			this.httpServer.stop(0);
			this.httpServer = null;
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		if (this.tls != null) {
			this.tls.delete();
			this.tls = null;
		}
	}

	private <T> T seed(Supplier<T> action) {
		try {
			return this.faults.trusted(action);
		}
		catch (AwsException ex) {
			throw new IllegalArgumentException(ex.code() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Builder for a {@link LocalAwsServer}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int port;

		private String accountId = DEFAULT_ACCOUNT_ID;

		private String region = DEFAULT_REGION;

		private boolean https;

		private Builder() {
		}

		/**
		 * Set whether to answer over HTTPS, with a self-signed certificate for
		 * {@code 127.0.0.1} and {@code localhost} generated at start. Off by default.
		 * @param https whether to serve HTTPS
		 * @return this builder
		 * @see LocalAwsServer#trustStore()
		 * @see LocalAwsServer#clientSslContext()
		 */
		public Builder https(boolean https) {
			this.https = https;
			return this;
		}

		/**
		 * Set the port to listen on; {@code 0}, the default, picks a free port.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Set the 12-digit account id used in ARNs.
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(String accountId) {
			if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
				throw new IllegalArgumentException("Account id must be 12 digits, was '" + accountId + "'");
			}
			this.accountId = accountId;
			return this;
		}

		/**
		 * Set the region of the ready-made clients and of the seed helpers.
		 * @param region the region, such as {@code eu-west-1}
		 * @return this builder
		 */
		public Builder region(String region) {
			if (region == null || !REGION.matcher(region).matches()) {
				throw new IllegalArgumentException(
						"Region must be a region name such as us-east-1, was '" + region + "'");
			}
			this.region = region;
			return this;
		}

		/**
		 * Build a server that is not started yet.
		 * @return the server
		 */
		public LocalAwsServer build() {
			return new LocalAwsServer(this);
		}

		/**
		 * Build and start a server.
		 * @return the running server
		 */
		public LocalAwsServer start() {
			return build().startServer();
		}

	}

}
