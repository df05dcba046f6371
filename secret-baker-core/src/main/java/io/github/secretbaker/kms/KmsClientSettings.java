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

package io.github.secretbaker.kms;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What every {@link KmsDecrypter} implementation needs to know to reach KMS: the region,
 * an endpoint override, whether to use the FIPS endpoint, and the deadline that bounds
 * its connect and read timeouts. Unset values fall back to the environment the way the
 * AWS SDK's defaults do ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_KMS},
 * {@code AWS_ENDPOINT_URL}, {@code AWS_USE_FIPS_ENDPOINT}).
 *
 * @param region the region, or {@code null} for the environment's
 * @param endpoint the endpoint to call instead of the regional one, or {@code null}
 * @param fips whether to call the FIPS endpoint, or {@code null} for the environment's
 * choice
 * @param timeout the longest time a call may take
 * @param allowInsecureEndpoint whether an endpoint over plain http to a host other than
 * this machine may be called
 * @since 0.1.0
 */
public record KmsClientSettings(@Nullable String region, @Nullable URI endpoint, @Nullable Boolean fips,
		Duration timeout, boolean allowInsecureEndpoint) {

	/**
	 * The opt-in that allows a KMS endpoint over plain http to another host, as named in
	 * messages.
	 */
	public static final String ALLOW_INSECURE_ENDPOINT = "secret-baker.allow-insecure-endpoint=true";

	/**
	 * Create new settings that refuse plain http to another host.
	 * @param region the region, or {@code null} for the environment's
	 * @param endpoint the endpoint to call instead of the regional one, or {@code null}
	 * @param fips whether to call the FIPS endpoint, or {@code null} for the
	 * environment's choice
	 * @param timeout the longest time a call may take
	 */
	public KmsClientSettings(@Nullable String region, @Nullable URI endpoint, @Nullable Boolean fips,
			Duration timeout) {
		this(region, endpoint, fips, timeout, false);
	}

	/**
	 * Create new settings.
	 */
	public KmsClientSettings {
		String problem = BakedSecretsDecrypter.checkTimeout(timeout);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		region = (region != null && !region.isBlank()) ? region.strip() : null;
	}

	/**
	 * Return settings that take everything from the environment, with the default
	 * timeout.
	 * @return the settings
	 */
	public static KmsClientSettings defaults() {
		return new KmsClientSettings(null, null, null, BakedSecretsDecrypter.DEFAULT_TIMEOUT);
	}

	/**
	 * Return these settings with the given region.
	 * @param region the region, or {@code null}
	 * @return new settings
	 */
	public KmsClientSettings withRegion(@Nullable String region) {
		return new KmsClientSettings(region, this.endpoint, this.fips, this.timeout, this.allowInsecureEndpoint);
	}

	/**
	 * Return these settings with the given endpoint.
	 * @param endpoint the endpoint, or {@code null}
	 * @return new settings
	 */
	public KmsClientSettings withEndpoint(@Nullable URI endpoint) {
		return new KmsClientSettings(this.region, endpoint, this.fips, this.timeout, this.allowInsecureEndpoint);
	}

	/**
	 * Return these settings with the given choice about plain http to another host.
	 * @param allowInsecureEndpoint whether such an endpoint may be called
	 * @return new settings
	 */
	public KmsClientSettings withAllowInsecureEndpoint(boolean allowInsecureEndpoint) {
		return new KmsClientSettings(this.region, this.endpoint, this.fips, this.timeout, allowInsecureEndpoint);
	}

	/**
	 * Return these settings with the given FIPS choice.
	 * @param fips whether to use the FIPS endpoint, or {@code null}
	 * @return new settings
	 */
	public KmsClientSettings withFips(@Nullable Boolean fips) {
		return new KmsClientSettings(this.region, this.endpoint, fips, this.timeout, this.allowInsecureEndpoint);
	}

}
