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

import java.util.function.Supplier;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.utils.CompletableFutureUtils;

/**
 * Adapts an AWS SDK credentials provider to {@link AwsCredentials}; only loaded when such
 * a provider is used.
 *
 * @since 0.1.0
 */
public final class SdkCredentials implements Supplier<AwsCredentials>, AutoCloseable {

	private final IdentityProvider<? extends AwsCredentialsIdentity> provider;

	private SdkCredentials(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
		this.provider = provider;
	}

	/**
	 * Return a supplier of the credentials an AWS SDK provider resolves.
	 * @param provider the provider
	 * @return the supplier
	 */
	public static SdkCredentials supplier(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
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
