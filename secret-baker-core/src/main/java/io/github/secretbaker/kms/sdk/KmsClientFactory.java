package io.github.secretbaker.kms.sdk;

import java.net.URI;
import java.time.Duration;

import io.github.secretbaker.kms.BakedSecretsDecryptor;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Creates a {@link KmsClient} built for a cold start, for {@link SdkKmsDecrypter}: the light {@link UrlConnectionHttpClient},
 * no SDK retries (the {@link BakedSecretsDecryptor} retries within its own deadline), call
 * timeouts no longer than that deadline, the region from configuration or the SDK's default
 * chain ({@code AWS_REGION} on Lambda) and the SDK's default credentials chain.
 * <p>
 * Create one client per process and share it.
 *
 * @since 0.1.0
 */
public final class KmsClientFactory {

	private static final Duration MAX_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

	private @Nullable String region;

	private @Nullable URI endpoint;

	private @Nullable AwsCredentialsProvider credentialsProvider;

	private @Nullable Boolean fips;

	private Duration timeout = BakedSecretsDecryptor.DEFAULT_TIMEOUT;

	/**
	 * Set the AWS region. When not set, the SDK's default region chain applies: the
	 * {@code aws.region} system property, then the {@code AWS_REGION} environment variable
	 * (always set on Lambda), then the AWS profile.
	 * @param region the region, such as {@code eu-west-1}, or {@code null}
	 * @return this factory
	 */
	public KmsClientFactory region(@Nullable String region) {
		this.region = (region != null && !region.isBlank()) ? region.strip() : null;
		return this;
	}

	/**
	 * Set the endpoint to call instead of the regional KMS endpoint, for a local KMS or a VPC
	 * endpoint.
	 * @param endpoint the endpoint or {@code null}
	 * @return this factory
	 */
	public KmsClientFactory endpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
		return this;
	}

	/**
	 * Set whether to call the FIPS endpoint. When not set, the SDK's default applies
	 * ({@code AWS_USE_FIPS_ENDPOINT} or the profile).
	 * @param fips whether to use the FIPS endpoint, or {@code null}
	 * @return this factory
	 */
	public KmsClientFactory fips(@Nullable Boolean fips) {
		this.fips = fips;
		return this;
	}

	/**
	 * Set the credentials provider. When not set, the SDK's default credentials chain
	 * applies, which finds the execution role's credentials on Lambda, SnapStart included.
	 * @param credentialsProvider the provider or {@code null}
	 * @return this factory
	 */
	public KmsClientFactory credentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
		this.credentialsProvider = credentialsProvider;
		return this;
	}

	/**
	 * Set the longest time a call may take, which should be the decryption deadline.
	 * @param timeout the timeout, positive
	 * @return this factory
	 */
	public KmsClientFactory timeout(Duration timeout) {
		String problem = BakedSecretsDecryptor.checkTimeout(timeout);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		this.timeout = timeout;
		return this;
	}

	/**
	 * Create the client. The caller owns it and closes it when done.
	 * @return a new client
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if the client cannot be
	 * created, typically because no region is configured
	 */
	public KmsClient createClient() {
		Duration connectionTimeout = (this.timeout.compareTo(MAX_CONNECTION_TIMEOUT) < 0) ? this.timeout
				: MAX_CONNECTION_TIMEOUT;
		KmsClientBuilder builder = KmsClient.builder()
			.httpClientBuilder(
					UrlConnectionHttpClient.builder().connectionTimeout(connectionTimeout).socketTimeout(this.timeout))
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallTimeout(this.timeout)
				.apiCallAttemptTimeout(this.timeout));
		if (this.region != null) {
			builder.region(Region.of(this.region));
		}
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		if (this.fips != null) {
			builder.fipsEnabled(this.fips);
		}
		if (this.credentialsProvider != null) {
			builder.credentialsProvider(this.credentialsProvider);
		}
		return builder.build();
	}

}
