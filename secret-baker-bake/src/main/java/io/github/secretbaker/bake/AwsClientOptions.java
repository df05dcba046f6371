package io.github.secretbaker.bake;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How to reach SSM and KMS: region, named profile and endpoint, each optional. What is left
 * out comes from the SDK's standard settings ({@code AWS_REGION}, {@code AWS_PROFILE},
 * {@code AWS_ENDPOINT_URL}, the default credentials chain).
 *
 * @param region the region, or {@code null} for the SDK's default
 * @param profile the named profile for credentials and region, or {@code null} for the
 * default chain
 * @param endpoint the endpoint of both SSM and KMS, or {@code null} for the region's
 * standard endpoints
 * @param maxAttempts the attempts per call, first try included, of the SDK's adaptive retry
 * strategy
 * @since 0.1.0
 */
public record AwsClientOptions(@Nullable String region, @Nullable String profile, @Nullable URI endpoint,
		int maxAttempts) {

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
	 * Check a number of attempts per call, for a command-line option or a plugin setting to
	 * report under its own name.
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
	 * Create an SSM client with these options, the SDK's adaptive retry mode (which slows
	 * down when throttled) and the URL connection HTTP client. The caller closes it.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be
	 * found
	 */
	public SsmClient createSsmClient() {
		return configure(SsmClient.builder());
	}

	/**
	 * Create a KMS client with these options, as {@link #createSsmClient()} does. The bake
	 * uses it for {@code DescribeKey} only, to record the key ARN of keys given by alias.
	 * The caller closes it.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be
	 * found
	 */
	public KmsClient createKmsClient() {
		return configure(KmsClient.builder());
	}

	/**
	 * Create a KMS client with these options and the given credentials instead of the
	 * configured ones, such as those of an assumed role. The caller closes it.
	 * @param credentials the credentials
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be
	 * found
	 */
	public KmsClient createKmsClient(AwsCredentialsProvider credentials) {
		KmsClientBuilder builder = KmsClient.builder();
		builder.credentialsProvider(credentials);
		return configure(builder, false);
	}

	/**
	 * Create an STS client with these options, as {@link #createSsmClient()} does, to assume
	 * a role. The caller closes it.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be
	 * found
	 */
	public StsClient createStsClient() {
		return configure(StsClient.builder());
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
		return configure(builder, true);
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
			boolean profileCredentials) {
		builder.httpClientBuilder(UrlConnectionHttpClient.builder()).overrideConfiguration((override) -> {
			override
				.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(this.maxAttempts).build())
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
