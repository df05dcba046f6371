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
import java.time.Duration;

import io.github.secretbaker.aws.internal.EndpointTransport;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.internal.AwsCredentials;
import io.github.secretbaker.kms.internal.CredentialsResolver;
import io.github.secretbaker.kms.internal.SecretBakerHttpClient;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Creates a {@link KmsClient} built for a cold start, for {@link SdkKmsDecrypter}: the
 * {@link SecretBakerHttpClient}, which logs no header, no SDK retries (the
 * {@link BakedSecretsDecrypter} retries within its own deadline), call timeouts no longer
 * than that deadline, the region from configuration or the SDK's default chain
 * ({@code AWS_REGION} on Lambda) and credentials from a {@link CredentialsResolver}.
 * <p>
 * Create one client per process and share it.
 */
final class KmsClientFactory {

	private static final String[] ENDPOINT_VARIABLES = { "AWS_ENDPOINT_URL_KMS", "AWS_ENDPOINT_URL" };

	private @Nullable String region;

	private @Nullable URI endpoint;

	private @Nullable AwsCredentialsProvider credentialsProvider;

	private @Nullable Boolean fips;

	private boolean allowInsecureEndpoint;

	private Duration timeout = BakedSecretsDecrypter.DEFAULT_TIMEOUT;

	/**
	 * Set the AWS region. When not set, the SDK's default region chain applies: the
	 * {@code aws.region} system property, then the {@code AWS_REGION} environment
	 * variable (always set on Lambda), then the AWS profile.
	 * @param region the region, such as {@code eu-west-1}, or {@code null}
	 * @return this factory
	 */
	KmsClientFactory region(@Nullable String region) {
		this.region = (region != null && !region.isBlank()) ? region.strip() : null;
		return this;
	}

	/**
	 * Set the endpoint to call instead of the regional KMS endpoint, for a local KMS or a
	 * VPC endpoint.
	 * @param endpoint the endpoint or {@code null}
	 * @return this factory
	 */
	KmsClientFactory endpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
		return this;
	}

	/**
	 * Set whether to call the FIPS endpoint. When not set, the SDK's default applies
	 * ({@code AWS_USE_FIPS_ENDPOINT} or the profile).
	 * @param fips whether to use the FIPS endpoint, or {@code null}
	 * @return this factory
	 */
	KmsClientFactory fips(@Nullable Boolean fips) {
		this.fips = fips;
		return this;
	}

	/**
	 * Set whether an endpoint over plain http to a host other than this machine may be
	 * called, from {@link #endpoint(URI)}, {@code AWS_ENDPOINT_URL_KMS} or
	 * {@code AWS_ENDPOINT_URL}; refused by default.
	 * @param allowInsecureEndpoint whether to allow it
	 * @return this factory
	 */
	KmsClientFactory allowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
		return this;
	}

	/**
	 * Set the credentials provider. When not set, a {@link CredentialsResolver} reads
	 * them from the environment, which finds the execution role's credentials on Lambda,
	 * SnapStart included.
	 * @param credentialsProvider the provider or {@code null}
	 * @return this factory
	 */
	KmsClientFactory credentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
		this.credentialsProvider = credentialsProvider;
		return this;
	}

	/**
	 * Set the longest time a call may take, which should be the decryption deadline.
	 * @param timeout the timeout, positive
	 * @return this factory
	 */
	KmsClientFactory timeout(Duration timeout) {
		String problem = BakedSecretsDecrypter.checkTimeout(timeout);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		this.timeout = timeout;
		return this;
	}

	/**
	 * Create the client. The caller owns it and closes it when done.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if the client
	 * cannot be created, typically because no region is configured
	 * @throws KmsDecryptException of kind {@link Kind#INSECURE_ENDPOINT} for an endpoint
	 * over plain http to another host that is not allowed
	 */
	KmsClient createClient() {
		return createClient(credentialsResolver());
	}

	/**
	 * Return where the client takes its credentials from.
	 * @return a new resolver
	 */
	CredentialsResolver credentialsResolver() {
		return (this.credentialsProvider != null) ? CredentialsResolver.supplied(this.credentialsProvider)
				: CredentialsResolver.fromEnvironment();
	}

	/**
	 * Create the client with credentials from the given resolver.
	 * @param credentials the resolver
	 * @return a new client
	 */
	KmsClient createClient(CredentialsResolver credentials) {
		checkEndpoint();
		Duration timeout = this.timeout;
		KmsClientBuilder builder = KmsClient.builder()
			.putAuthScheme(SigV4AuthScheme.create())
			.httpClientBuilder(SecretBakerHttpClient.builder(timeout))
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallTimeout(timeout)
				.apiCallAttemptTimeout(timeout));
		if (this.region != null) {
			builder.region(Region.of(this.region));
		}
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		if (this.fips != null) {
			builder.fipsEnabled(this.fips);
		}
		builder.credentialsProvider((this.credentialsProvider != null) ? this.credentialsProvider
				: () -> sdkCredentials(credentials.resolve(Deadline.in(timeout))));
		return builder.build();
	}

	static software.amazon.awssdk.auth.credentials.AwsCredentials sdkCredentials(AwsCredentials credentials) {
		return (credentials.sessionToken() != null)
				? AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
						credentials.sessionToken())
				: AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey());
	}

	private void checkEndpoint() {
		if (this.endpoint != null) {
			checkEndpoint(this.endpoint, "secret-baker.endpoint");
			return;
		}
		for (String name : ENDPOINT_VARIABLES) {
			String value = System.getenv(name);
			if (value != null && !value.isBlank()) {
				try {
					checkEndpoint(URI.create(value.strip()), name);
				}
				catch (IllegalArgumentException ex) {
					// The SDK reports an endpoint that is not a URI when it reads it.
				}
				return;
			}
		}
	}

	private void checkEndpoint(URI endpoint, String source) {
		String problem = EndpointTransport.checkInsecure(endpoint, source, this.allowInsecureEndpoint,
				KmsClientSettings.ALLOW_INSECURE_ENDPOINT);
		if (problem != null) {
			throw new KmsDecryptException(Kind.INSECURE_ENDPOINT, null, problem);
		}
	}

}
