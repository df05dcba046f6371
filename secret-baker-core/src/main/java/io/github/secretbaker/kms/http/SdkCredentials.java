package io.github.secretbaker.kms.http;

import java.util.function.Supplier;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.utils.CompletableFutureUtils;

/**
 * Adapts an AWS SDK credentials provider to {@link AwsCredentials}; only loaded when such
 * a provider is used.
 */
final class SdkCredentials implements Supplier<AwsCredentials>, AutoCloseable {

	private final IdentityProvider<? extends AwsCredentialsIdentity> provider;

	private SdkCredentials(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
		this.provider = provider;
	}

	static SdkCredentials supplier(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
		return new SdkCredentials(provider);
	}

	@Override
	public AwsCredentials get() {
		return of(CompletableFutureUtils.joinLikeSync(this.provider.resolveIdentity()));
	}

	static AwsCredentials of(AwsCredentialsIdentity identity) {
		String token = (identity instanceof AwsSessionCredentialsIdentity session) ? session.sessionToken() : null;
		return new AwsCredentials(identity.accessKeyId(), identity.secretAccessKey(), token,
				identity.expirationTime().orElse(null));
	}

	@Override
	public void close() throws Exception {
		if (this.provider instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	@Override
	public String toString() {
		return "SdkCredentials[" + this.provider.getClass().getSimpleName() + "]";
	}

}
