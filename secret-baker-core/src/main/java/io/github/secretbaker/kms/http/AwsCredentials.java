package io.github.secretbaker.kms.http;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * AWS credentials to sign requests with. Its {@link #toString()} names no part of them.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiration when temporary credentials expire, or {@code null} when not known
 * @since 0.1.0
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken,
		@Nullable Instant expiration) {

	/**
	 * Create credentials.
	 */
	public AwsCredentials {
		Objects.requireNonNull(accessKeyId, "'accessKeyId' must not be null");
		Objects.requireNonNull(secretAccessKey, "'secretAccessKey' must not be null");
	}

	@Override
	public String toString() {
		return "AwsCredentials[" + ((this.sessionToken != null) ? "temporary" : "long-term")
				+ ((this.expiration != null) ? ", expires " + this.expiration : "") + "]";
	}

}
