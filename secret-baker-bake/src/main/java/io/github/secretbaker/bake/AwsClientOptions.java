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

package io.github.secretbaker.bake;

import java.net.URI;
import java.time.Duration;

import io.github.secretbaker.aws.internal.EndpointTransport;
import io.github.secretbaker.kms.internal.SecretBakerHttpClient;
import io.github.secretbaker.kms.sdk.SigV4AuthScheme;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How to reach SSM and KMS: region, named profile and endpoint, each optional. What is
 * left out comes from the SDK's standard settings ({@code AWS_REGION},
 * {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL}, the default credentials chain). The
 * clients talk HTTP through {@link SecretBakerHttpClient}, which logs no header, and
 * refuse an endpoint over plain http to a host other than this machine unless it is
 * explicitly allowed.
 *
 * @param region the region, or {@code null} for the SDK's default
 * @param profile the named profile for credentials and region, or {@code null} for the
 * default chain
 * @param endpoint the endpoint of both SSM and KMS, or {@code null} for the region's
 * standard endpoints
 * @param maxAttempts the attempts per call, first try included, of the SDK's adaptive
 * retry strategy
 * @param allowInsecureEndpoint whether an endpoint over plain http to a host other than
 * this machine may be called
 * @since 0.1.0
 */
public record AwsClientOptions(@Nullable String region, @Nullable String profile, @Nullable URI endpoint,
		int maxAttempts, boolean allowInsecureEndpoint) {

	private static final String[] ENDPOINT_VARIABLES = { "AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL_KMS",
			"AWS_ENDPOINT_URL" };

	/**
	 * The default number of attempts per call, generous for throttled CI accounts.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 8;

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Create a new {@link AwsClientOptions}.
	 */
	public AwsClientOptions {
		String problem = checkMaxAttempts(maxAttempts);
		if (problem != null) {
			throw new IllegalArgumentException("'maxAttempts' " + problem);
		}
	}

	/**
	 * Check a number of attempts per call, for a command-line option or a plugin setting
	 * to report under its own name.
	 * @param maxAttempts the number
	 * @return what is wrong with it, to follow its name, or {@code null} if it is valid
	 */
	public static @Nullable String checkMaxAttempts(int maxAttempts) {
		return (maxAttempts < 1) ? "must be 1 or more but was " + maxAttempts : null;
	}

	/**
	 * Return options that use only the SDK's standard settings.
	 * @return the default options
	 */
	public static AwsClientOptions defaults() {
		return new AwsClientOptions(null, null, null, DEFAULT_MAX_ATTEMPTS);
	}

	/**
	 * Create options that refuse an endpoint over plain http to another host.
	 * @param region the region, or {@code null} for the SDK's default
	 * @param profile the named profile, or {@code null} for the default chain
	 * @param endpoint the endpoint of both SSM and KMS, or {@code null}
	 * @param maxAttempts the attempts per call, first try included
	 */
	public AwsClientOptions(@Nullable String region, @Nullable String profile, @Nullable URI endpoint,
			int maxAttempts) {
		this(region, profile, endpoint, maxAttempts, false);
	}

	/**
	 * Return why the endpoint, or else {@code AWS_ENDPOINT_URL_SSM},
	 * {@code AWS_ENDPOINT_URL_KMS} or {@code AWS_ENDPOINT_URL}, may not be called: plain
	 * http to a host other than this machine, not explicitly allowed.
	 * @param endpointName how the user sets the endpoint, such as {@code --endpoint-url}
	 * @param optIn how the user allows plain http, such as
	 * {@code --allow-insecure-endpoint}
	 * @return the problem, or {@code null} if every endpoint may be called
	 */
	public @Nullable String checkEndpoints(String endpointName, String optIn) {
		if (this.endpoint != null) {
			return EndpointTransport.checkInsecure(this.endpoint, endpointName, this.allowInsecureEndpoint, optIn);
		}
		for (String name : ENDPOINT_VARIABLES) {
			String value = System.getenv(name);
			if (value != null && !value.isBlank()) {
				try {
					String problem = EndpointTransport.checkInsecure(URI.create(value.strip()), name,
							this.allowInsecureEndpoint, optIn);
					if (problem != null) {
						return problem;
					}
				}
				catch (IllegalArgumentException ex) {
					// The SDK reports an endpoint that is not a URI when it reads it.
				}
			}
		}
		return null;
	}

	/**
	 * Create an SSM client with these options, the SDK's adaptive retry mode (which slows
	 * down when throttled), the {@link SecretBakerHttpClient}, which logs no header, and
	 * {@link SigV4AuthScheme}, so that no SDK signer logs a credential. The caller closes
	 * it.
	 * @return a new client
	 * @throws IllegalArgumentException if an endpoint is plain http to another host, not
	 * allowed ({@link #checkEndpoints(String, String)})
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can
	 * be found
	 */
	public SsmClient createSsmClient() {
		return configure(SsmClient.builder());
	}

	/**
	 * Create a KMS client with these options, as {@link #createSsmClient()} does. The
	 * bake uses it for {@code DescribeKey} only, to record the key ARN of keys given by
	 * alias. The caller closes it.
	 * @return a new client
	 * @throws IllegalArgumentException if an endpoint is plain http to another host, not
	 * allowed ({@link #checkEndpoints(String, String)})
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can
	 * be found
	 */
	public KmsClient createKmsClient() {
		return configure(KmsClient.builder());
	}

	/**
	 * Create a KMS client with these options and the given credentials instead of the
	 * configured ones, such as those of an assumed role. The caller closes it.
	 * @param credentials the credentials
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can
	 * be found
	 */
	public KmsClient createKmsClient(AwsCredentialsProvider credentials) {
		KmsClientBuilder builder = KmsClient.builder();
		builder.credentialsProvider(credentials);
		return configure(builder, false);
	}

	/**
	 * Create an STS client with these options, as {@link #createSsmClient()} does, to
	 * assume a role. The caller closes it.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can
	 * be found
	 */
	public StsClient createStsClient() {
		return configure(StsClient.builder());
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
		return configure(builder, true);
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
			boolean profileCredentials) {
		String problem = checkEndpoints("the endpoint", "allowInsecureEndpoint");
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		// The SDK's own signer logs each canonical request, session token included, at
		// DEBUG.
		builder.putAuthScheme(SigV4AuthScheme.create());
		builder.httpClientBuilder(SecretBakerHttpClient.builder(ATTEMPT_TIMEOUT)).overrideConfiguration((override) -> {
			override
				.retryStrategy(
						AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(this.maxAttempts).build())
				.apiCallAttemptTimeout(ATTEMPT_TIMEOUT);
			if (this.profile != null) {
				override.defaultProfileName(this.profile);
			}
		});
		if (this.region != null) {
			builder.region(Region.of(this.region));
		}
		if (this.profile != null && profileCredentials) {
			builder.credentialsProvider(ProfileCredentialsProvider.create(this.profile));
		}
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		return builder.build();
	}

}
