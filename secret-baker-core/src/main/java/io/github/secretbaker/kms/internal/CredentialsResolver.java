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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Gets the AWS credentials to call KMS with, within a {@link Deadline}: straight from
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}
 * when they are set (Lambda's on-demand start, no AWS SDK class involved), from the
 * container credentials endpoint over {@link HttpTransport} (Lambda SnapStart, ECS), else
 * from the AWS SDK's default chain. Credentials of the first two are kept until shortly
 * before they expire; an SDK provider, which keeps its own, is asked on every call, on a
 * thread of its own so that the call still ends at the deadline.
 *
 * @since 0.1.0
 */
public final class CredentialsResolver implements AutoCloseable {

	static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

	static final String CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

	static final String CONTAINER_AUTHORIZATION_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

	private static final String ECS_AGENT = "169.254.170.2";

	// The addresses the AWS SDKs accept for a container credentials endpoint over plain
	// http.
	private static final Set<String> CONTAINER_AGENTS = Set.of(ECS_AGENT, "169.254.170.23", "fd00:ec2:0:0:0:0:0:23");

	private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

	// At most this long, and a tenth of the timeout, before the call's deadline.
	private static final Duration MAX_MARGIN = Duration.ofMillis(250);

	private static final int MAX_CREDENTIALS_ANSWER_BYTES = 16 * 1024;

	private final CredentialsSource source;

	private final Function<String, @Nullable String> environment;

	private final @Nullable Supplier<AwsCredentials> supplier;

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable HttpTransport transport;

	private volatile @Nullable AwsCredentials current;

	private CredentialsResolver(CredentialsSource source, Function<String, @Nullable String> environment,
			@Nullable Supplier<AwsCredentials> supplier) {
		this.source = source;
		this.environment = environment;
		this.supplier = supplier;
	}

	/**
	 * Return a resolver that takes credentials from this process's environment.
	 * @return the resolver
	 */
	public static CredentialsResolver fromEnvironment() {
		return of(System::getenv, null);
	}

	/**
	 * Return a resolver over an AWS SDK credentials provider, which it calls within the
	 * deadline and does not close.
	 * @param provider the provider
	 * @return the resolver
	 */
	public static CredentialsResolver supplied(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
		Objects.requireNonNull(provider, "'provider' must not be null");
		return of(System::getenv, SdkCredentials.supplier(provider));
	}

	/**
	 * Return a resolver over the given environment, or over a supplier of credentials.
	 * @param environment the environment variables
	 * @param supplied the supplier of credentials, such as an AWS SDK provider, or
	 * {@code null} to choose the source from the environment
	 * @return the resolver
	 */
	public static CredentialsResolver of(Function<String, @Nullable String> environment,
			@Nullable Supplier<AwsCredentials> supplied) {
		if (supplied != null) {
			return new CredentialsResolver(CredentialsSource.SUPPLIED, environment, supplied);
		}
		CredentialsSource source = CredentialsSource.choose(environment);
		Supplier<AwsCredentials> chain = (source == CredentialsSource.DEFAULT_CHAIN) ? SdkChain.create() : null;
		return new CredentialsResolver(source, environment, chain);
	}

	/**
	 * Return the credentials, getting them first if none are kept or they are about to
	 * expire.
	 * @param callDeadline the deadline of the call that needs them; they must be in hand
	 * shortly before it
	 * @return the credentials
	 * @throws KmsDecryptException of kind {@link Kind#CREDENTIALS} when none could be
	 * obtained before the deadline, {@link Kind#INSECURE_ENDPOINT} for a container
	 * credentials endpoint over plain http to another host
	 */
	public AwsCredentials resolve(Deadline callDeadline) {
		// Give up a little before the call's deadline, so that the cold start reports the
		// credentials as what failed rather than a KMS call that was never made.
		Deadline deadline = callDeadline.ahead(margin(callDeadline));
		if (this.supplier != null) {
			// An SDK provider keeps and refreshes its credentials itself.
			return bounded(this.supplier, deadline);
		}
		AwsCredentials credentials = this.current;
		if (isFresh(credentials)) {
			return credentials;
		}
		try {
			if (!this.lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
				throw failure("were not obtained within the " + deadline.describeTimeout() + " deadline");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure("were not obtained: interrupted");
		}
		try {
			credentials = this.current;
			if (!isFresh(credentials)) {
				credentials = fetch(deadline);
				this.current = credentials;
			}
			return credentials;
		}
		finally {
			this.lock.unlock();
		}
	}

	private static Duration margin(Deadline deadline) {
		Duration tenth = deadline.timeout().dividedBy(10);
		return (tenth.compareTo(MAX_MARGIN) < 0) ? tenth : MAX_MARGIN;
	}

	/**
	 * Return where the credentials come from.
	 * @return the source
	 */
	public CredentialsSource source() {
		return this.source;
	}

	@Override
	public void close() {
		HttpTransport transport = this.transport;
		if (transport != null) {
			transport.close();
		}
		if (this.source != CredentialsSource.SUPPLIED && this.supplier instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing to release is worth failing a shutdown for.
			}
		}
	}

	@Override
	public String toString() {
		return "CredentialsResolver[" + this.source + "]";
	}

	private static boolean isFresh(@Nullable AwsCredentials credentials) {
		return credentials != null && (credentials.expiration() == null
				|| Instant.now().plus(REFRESH_BEFORE_EXPIRY).isBefore(credentials.expiration()));
	}

	private AwsCredentials fetch(Deadline deadline) {
		return (this.source == CredentialsSource.CONTAINER) ? fromContainerEndpoint(deadline)
				: fromEnvironmentVariables();
	}

	private AwsCredentials fromEnvironmentVariables() {
		String accessKeyId = value(CredentialsSource.ACCESS_KEY_ID);
		String secretAccessKey = value(CredentialsSource.SECRET_ACCESS_KEY);
		if (accessKeyId == null || secretAccessKey == null) {
			throw failure("are not set");
		}
		return new AwsCredentials(accessKeyId, secretAccessKey, value(SESSION_TOKEN), null);
	}

	private AwsCredentials fromContainerEndpoint(Deadline deadline) {
		URI uri = containerUri();
		String endpoint = HttpTransport.hostHeader(uri);
		String token = containerToken();
		List<Map.Entry<String, String>> headers = (token != null)
				? List.of(Map.entry("Authorization", token), Map.entry("Accept", "application/json"))
				: List.of(Map.entry("Accept", "application/json"));
		HttpTransport.Response response;
		try {
			response = transport().exchange(new HttpTransport.Request("GET", uri, headers, new byte[0]), deadline,
					null);
		}
		catch (HttpTransport.DeadlineExceededException ex) {
			throw failure("did not answer within the " + deadline.describeTimeout() + " deadline", endpoint);
		}
		catch (IOException ex) {
			if (KmsErrors.isUntrustedCertificate(ex)) {
				throw new KmsDecryptException(Kind.UNTRUSTED_CERTIFICATE, null, "the JVM does not trust the "
						+ "certificate of the container credentials endpoint " + endpoint + "; KMS was not called");
			}
			String problem = (ex instanceof ProtocolException) ? "did not answer in HTTP/1.1"
					: "cannot be reached (" + ex.getClass().getSimpleName() + ")";
			throw failure(problem, endpoint);
		}
		try {
			if (response.status() != 200) {
				throw failure("answered HTTP " + response.status(), endpoint);
			}
			AwsCredentials credentials = CredentialsJson.read(response.body(), response.length());
			if (credentials == null) {
				throw failure("answered HTTP 200 with a body that is not credentials", endpoint);
			}
			return credentials;
		}
		finally {
			response.clear();
		}
	}

	private URI containerUri() {
		String full = value(CredentialsSource.CONTAINER_CREDENTIALS_FULL_URI);
		String name = (full != null) ? CredentialsSource.CONTAINER_CREDENTIALS_FULL_URI
				: CredentialsSource.CONTAINER_CREDENTIALS_RELATIVE_URI;
		URI uri;
		try {
			uri = (full != null) ? new URI(full)
					: new URI("http://" + ECS_AGENT + value(CredentialsSource.CONTAINER_CREDENTIALS_RELATIVE_URI));
		}
		catch (Exception ex) {
			throw failure("cannot be used: " + name + " is not a URL");
		}
		String scheme = uri.getScheme();
		if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
			throw failure("cannot be used: " + name + " must be an http or https URL with a host");
		}
		if ("http".equals(scheme) && !isContainerHost(uri.getHost())) {
			throw new KmsDecryptException(Kind.INSECURE_ENDPOINT, null, name + " is plain http to " + uri.getHost()
					+ ", which is neither a loopback address nor the ECS or EKS container agent, so the AWS SDKs refuse "
					+ "it too; no credentials were requested and KMS was not called");
		}
		return uri;
	}

	private static boolean isContainerHost(String host) {
		String address = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		try {
			InetAddress[] addresses = InetAddress.getAllByName(address);
			for (InetAddress candidate : addresses) {
				if (!candidate.isLoopbackAddress() && !CONTAINER_AGENTS.contains(candidate.getHostAddress())) {
					return false;
				}
			}
			return addresses.length > 0;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private @Nullable String containerToken() {
		String file = value(CONTAINER_AUTHORIZATION_TOKEN_FILE);
		String token;
		if (file != null) {
			try {
				token = Files.readString(Path.of(file)).strip();
			}
			catch (IOException | RuntimeException ex) {
				throw failure("cannot be used: the file of " + CONTAINER_AUTHORIZATION_TOKEN_FILE + " cannot be read ("
						+ ex.getClass().getSimpleName() + ")");
			}
		}
		else {
			token = value(CONTAINER_AUTHORIZATION_TOKEN);
		}
		if (token != null && token.chars().anyMatch((c) -> c < ' ' || c >= 127)) {
			throw failure("cannot be used: the container authorization token holds a control character");
		}
		return token;
	}

	private synchronized HttpTransport transport() {
		if (this.transport == null) {
			this.transport = new HttpTransport(1, MAX_CREDENTIALS_ANSWER_BYTES);
		}
		return this.transport;
	}

	private AwsCredentials bounded(Supplier<AwsCredentials> supplier, Deadline deadline) {
		// A provider may block on an endpoint for longer than the deadline: it runs on a
		// thread of its own, which is left to finish when the deadline passes.
		Future<AwsCredentials> task = ProviderThreads.EXECUTOR.submit(supplier::get);
		try {
			return task.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			task.cancel(true);
			throw failure("were not obtained within the " + deadline.describeTimeout() + " deadline");
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw failure("were not obtained: interrupted");
		}
		catch (ExecutionException ex) {
			throw new KmsDecryptException(Kind.CREDENTIALS, null, this.source.describeFailure(ex.getCause()));
		}
	}

	private @Nullable String value(String name) {
		String value = this.environment.apply(name);
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private KmsDecryptException failure(String problem) {
		return new KmsDecryptException(Kind.CREDENTIALS, null,
				"the AWS credentials from " + this.source.description() + " " + problem + "; KMS was not called");
	}

	private static KmsDecryptException failure(String problem, String endpoint) {
		return new KmsDecryptException(Kind.CREDENTIALS, null,
				"the container credentials endpoint " + endpoint + " " + problem + "; KMS was not called");
	}

	/**
	 * The threads that run credentials providers, created only when a provider is used.
	 */
	private static final class ProviderThreads {

		static final ExecutorService EXECUTOR = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "secret-baker-credentials");
			thread.setDaemon(true);
			return thread;
		});

	}

	/**
	 * Keeps the AWS SDK's classes out of the way until its default chain is needed.
	 */
	private static final class SdkChain {

		static Supplier<AwsCredentials> create() {
			return SdkCredentials.supplier(DefaultCredentialsProvider.builder().build());
		}

	}

}
