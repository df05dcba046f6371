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

package io.github.secretbaker.kms.http;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

import io.github.secretbaker.aws.internal.EndpointTransport;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The KMS endpoint and signing region of an {@link HttpKmsDecrypter}, resolved as the AWS
 * SDK's KMS endpoint rules do: an override from the settings,
 * {@code AWS_ENDPOINT_URL_KMS} or {@code AWS_ENDPOINT_URL}, else
 * {@code https://kms[-fips].<region>.<partition DNS suffix>}. An override over plain http
 * to another host than this machine is refused unless the settings allow it
 * ({@link EndpointTransport}).
 *
 * @param uri the URI to send {@code Decrypt} requests to
 * @param region the region to sign for
 */
record KmsEndpoint(URI uri, String region) {

	static final String REGION = "AWS_REGION";

	static final String USE_FIPS_ENDPOINT = "AWS_USE_FIPS_ENDPOINT";

	static final String ENDPOINT_URL_KMS = "AWS_ENDPOINT_URL_KMS";

	static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";

	/**
	 * Resolve the endpoint from the settings, then the environment.
	 * @param settings the settings
	 * @param environment the environment variables
	 * @return the endpoint
	 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} when no
	 * region is known or the configuration is contradictory
	 */
	static KmsEndpoint resolve(KmsClientSettings settings, Function<String, @Nullable String> environment) {
		String region = (settings.region() != null) ? settings.region() : value(environment, REGION);
		if (region == null) {
			throw configuration("no AWS region is known; set secret-baker.region or " + REGION);
		}
		if (!isHostLabel(region)) {
			throw configuration("the AWS region '" + region + "' is not a valid region name");
		}
		boolean fips = (settings.fips() != null) ? settings.fips() : fips(value(environment, USE_FIPS_ENDPOINT));
		URI override = override(settings, environment);
		if (override != null) {
			if (fips) {
				// The SDK's KMS endpoint rules refuse this combination too.
				throw configuration(
						"a FIPS endpoint and a custom endpoint cannot be combined; unset secret-baker.fips or "
								+ USE_FIPS_ENDPOINT + ", or the endpoint override");
			}
			return new KmsEndpoint(override, region);
		}
		String host = (fips ? "kms-fips." : "kms.") + region + "." + dnsSuffix(region);
		return new KmsEndpoint(URI.create("https://" + host + "/"), region);
	}

	/**
	 * Return the DNS suffix of the partition a region belongs to, following the SDK's
	 * partition data: each partition's region name pattern, else the {@code aws}
	 * partition.
	 * @param region the region
	 * @return the DNS suffix
	 */
	static String dnsSuffix(String region) {
		if (region.startsWith("cn-")) {
			return "amazonaws.com.cn";
		}
		if (region.startsWith("us-isob-")) {
			return "sc2s.sgov.gov";
		}
		if (region.startsWith("us-isof-")) {
			return "csp.hci.ic.gov";
		}
		if (region.startsWith("us-iso-")) {
			return "c2s.ic.gov";
		}
		if (region.startsWith("eu-isoe-")) {
			return "cloud.adc-e.uk";
		}
		if (region.startsWith("eusc-")) {
			return "amazonaws.eu";
		}
		return "amazonaws.com";
	}

	private static @Nullable URI override(KmsClientSettings settings, Function<String, @Nullable String> environment) {
		if (settings.endpoint() != null) {
			return checked(settings.endpoint(), "secret-baker.endpoint", settings.allowInsecureEndpoint());
		}
		for (String name : new String[] { ENDPOINT_URL_KMS, ENDPOINT_URL }) {
			String value = value(environment, name);
			if (value != null) {
				URI uri;
				try {
					uri = URI.create(value);
				}
				catch (IllegalArgumentException ex) {
					throw configuration(name + " is not a URL");
				}
				return checked(uri, name, settings.allowInsecureEndpoint());
			}
		}
		return null;
	}

	private static URI checked(URI uri, String source, boolean allowInsecure) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
			throw configuration("the endpoint in " + source + " must be an http or https URL with a host");
		}
		String insecure = EndpointTransport.checkInsecure(uri, source, allowInsecure,
				KmsClientSettings.ALLOW_INSECURE_ENDPOINT);
		if (insecure != null) {
			throw new KmsDecryptException(Kind.INSECURE_ENDPOINT, null, insecure);
		}
		return (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? uri.resolve("/") : uri;
	}

	private static boolean fips(@Nullable String value) {
		if (value == null) {
			return false;
		}
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw configuration(USE_FIPS_ENDPOINT + " must be true or false");
	}

	private static boolean isHostLabel(String region) {
		for (int i = 0; i < region.length(); i++) {
			char c = region.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0))) {
				return false;
			}
		}
		return region.length() <= 63;
	}

	private static @Nullable String value(Function<String, @Nullable String> environment, String name) {
		String value = environment.apply(name);
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private static KmsDecryptException configuration(String detail) {
		return new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null, detail);
	}

}
