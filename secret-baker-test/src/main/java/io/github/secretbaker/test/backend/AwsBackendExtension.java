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

package io.github.secretbaker.test.backend;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.secretbaker.test.LocalAwsServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Resolves the {@link AwsBackend} named by the {@code aws.backend} system property:
 * {@code local} (the default) starts a {@link LocalAwsServer} per test class and resets
 * it before each test; {@code localstack} starts one LocalStack container per test run
 * (image from {@code localstack.image}, {@code LOCALSTACK_AUTH_TOKEN} passed through when
 * set), and disables the suite with a clear reason where no Docker engine is available.
 * The local backend needs nothing beyond this module; LocalStack needs Testcontainers'
 * {@code testcontainers-localstack} on the test class path.
 *
 * @since 0.1.0
 */
public class AwsBackendExtension implements ExecutionCondition, ParameterResolver, BeforeEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(AwsBackendExtension.class);

	private static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String backend = backendName();
		if (backend.equals("local")) {
			return ConditionEvaluationResult.enabled("Running against the local server");
		}
		if (backend.equals("localstack")) {
			boolean docker = context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent("docker", (key) -> DockerClientFactory.instance().isDockerAvailable(), Boolean.class);
			return docker ? ConditionEvaluationResult.enabled("Running against LocalStack")
					: ConditionEvaluationResult
						.disabled("Skipping the LocalStack contract run (-Daws.backend=localstack): "
								+ "no Docker engine is available on this machine");
		}
		throw new IllegalStateException("Unknown aws.backend '" + backend + "'; use 'local' or 'localstack'");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == AwsBackend.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return backend(extensionContext);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		backend(context).reset();
	}

	private static AwsBackend backend(ExtensionContext context) {
		if (backendName().equals("localstack")) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent("localstack", (key) -> new LocalStackBackend(), LocalStackBackend.class);
		}
		ExtensionContext classContext = context;
		Optional<ExtensionContext> parent = context.getParent();
		while (parent.isPresent() && parent.get().getTestClass().isPresent()) {
			classContext = parent.get();
			parent = classContext.getParent();
		}
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent("local", (key) -> new LocalBackend(), LocalBackend.class);
	}

	private static String backendName() {
		String backend = System.getProperty("aws.backend", "local").strip();
		return backend.isEmpty() ? "local" : backend;
	}

	private static KmsClient kms(URI endpoint, String region, AwsCredentialsProvider credentials) {
		return KmsClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(region))
			.credentialsProvider(credentials)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	private static SsmClient ssm(URI endpoint, String region, AwsCredentialsProvider credentials) {
		return SsmClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(region))
			.credentialsProvider(credentials)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	private static final class LocalBackend implements AwsBackend, AutoCloseable {

		private final LocalAwsServer server = LocalAwsServer.start();

		private @Nullable KmsClient kms;

		private @Nullable SsmClient ssm;

		private final Map<String, KmsClient> regionalKms = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return "the local server";
		}

		@Override
		public URI endpoint() {
			return this.server.endpoint();
		}

		@Override
		public synchronized KmsClient kms() {
			if (this.kms == null) {
				this.kms = AwsBackendExtension.kms(this.server.endpoint(), this.server.region(),
						this.server.credentialsProvider());
			}
			return this.kms;
		}

		@Override
		public synchronized SsmClient ssm() {
			if (this.ssm == null) {
				this.ssm = AwsBackendExtension.ssm(this.server.endpoint(), this.server.region(),
						this.server.credentialsProvider());
			}
			return this.ssm;
		}

		@Override
		public KmsClient kms(String region) {
			return this.regionalKms.computeIfAbsent(region,
					(key) -> AwsBackendExtension.kms(this.server.endpoint(), key, this.server.credentialsProvider()));
		}

		@Override
		public String region() {
			return this.server.region();
		}

		@Override
		public String accountId() {
			return this.server.accountId();
		}

		@Override
		public boolean supports(Capability capability) {
			return true;
		}

		@Override
		public LocalAwsServer localServer() {
			return this.server;
		}

		@Override
		public void reset() {
			this.server.reset();
		}

		@Override
		public synchronized void close() {
			if (this.kms != null) {
				this.kms.close();
			}
			if (this.ssm != null) {
				this.ssm.close();
			}
			this.regionalKms.values().forEach(KmsClient::close);
			this.server.close();
		}

	}

	private static final class LocalStackBackend implements AwsBackend, AutoCloseable {

		private static final Set<Capability> CAPABILITIES = EnumSet.noneOf(Capability.class);

		private final LocalStackContainer container;

		private final KmsClient kms;

		private final SsmClient ssm;

		private final AwsCredentialsProvider credentials;

		private final Map<String, KmsClient> regionalKms = new ConcurrentHashMap<>();

		LocalStackBackend() {
			String image = System.getProperty("localstack.image", DEFAULT_IMAGE);
			this.container = new LocalStackContainer(
					DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
				.withServices("kms", "ssm");
			String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
			if (token != null && !token.isBlank()) {
				this.container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
			}
			this.container.start();
			this.credentials = StaticCredentialsProvider
				.create(AwsBasicCredentials.create(this.container.getAccessKey(), this.container.getSecretKey()));
			this.kms = AwsBackendExtension.kms(this.container.getEndpoint(), this.container.getRegion(),
					this.credentials);
			this.ssm = AwsBackendExtension.ssm(this.container.getEndpoint(), this.container.getRegion(),
					this.credentials);
		}

		@Override
		public String name() {
			return "LocalStack";
		}

		@Override
		public URI endpoint() {
			return this.container.getEndpoint();
		}

		@Override
		public KmsClient kms() {
			return this.kms;
		}

		@Override
		public SsmClient ssm() {
			return this.ssm;
		}

		@Override
		public KmsClient kms(String region) {
			return this.regionalKms.computeIfAbsent(region,
					(key) -> AwsBackendExtension.kms(this.container.getEndpoint(), key, this.credentials));
		}

		@Override
		public String region() {
			return this.container.getRegion();
		}

		@Override
		public String accountId() {
			return "000000000000";
		}

		@Override
		public boolean supports(Capability capability) {
			return CAPABILITIES.contains(capability);
		}

		@Override
		public @Nullable LocalAwsServer localServer() {
			return null;
		}

		@Override
		public void reset() {
		}

		@Override
		public void close() {
			this.kms.close();
			this.ssm.close();
			this.regionalKms.values().forEach(KmsClient::close);
			this.container.stop();
		}

	}

}
