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

package io.github.secretbaker.maven;

import java.net.URI;
import java.net.URISyntaxException;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.ParameterStoreBaker;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the goals that call AWS: the region, profile and endpoint, and how many
 * calls run at once with how many attempts each.
 */
abstract class AbstractAwsMojo extends AbstractSecretBakerMojo {

	/**
	 * The AWS region; by default the SDK's ({@code AWS_REGION}, the profile).
	 */
	@Parameter(property = "secret-baker.region")
	@Nullable String region;

	/**
	 * The named AWS profile for credentials and region; by default the SDK's default
	 * chain.
	 */
	@Parameter(property = "secret-baker.profile")
	@Nullable String profile;

	/**
	 * The SSM endpoint URL, for a local server such as secret-baker-test's.
	 */
	@Parameter(property = "secret-baker.endpoint")
	@Nullable String endpoint;

	/**
	 * How many SSM calls run at once.
	 */
	@Parameter(property = "secret-baker.concurrency", defaultValue = "" + ParameterStoreBaker.DEFAULT_CONCURRENCY)
	int concurrency = ParameterStoreBaker.DEFAULT_CONCURRENCY;

	/**
	 * Whether an endpoint over plain http to a host other than this machine may be
	 * called.
	 */
	@Parameter(property = "secret-baker.allow-insecure-endpoint", defaultValue = "false")
	boolean allowInsecureEndpoint;

	/**
	 * How many attempts each SSM call gets, first try included, with adaptive retry.
	 */
	@Parameter(property = "secret-baker.max-attempts", defaultValue = "" + AwsClientOptions.DEFAULT_MAX_ATTEMPTS)
	int maxAttempts = AwsClientOptions.DEFAULT_MAX_ATTEMPTS;

	/**
	 * Return the AWS settings of this goal, in the given region when none is configured.
	 * @param defaultRegion the region of the goal's input, or {@code null} for the SDK's
	 * @return the options
	 * @throws MojoFailureException if a setting is invalid
	 */
	AwsClientOptions awsClientOptions(@Nullable String defaultRegion) throws MojoFailureException {
		String problem = ParameterStoreBaker.checkConcurrency(this.concurrency);
		if (problem != null) {
			throw new MojoFailureException("<concurrency> " + problem);
		}
		problem = AwsClientOptions.checkMaxAttempts(this.maxAttempts);
		if (problem != null) {
			throw new MojoFailureException("<maxAttempts> " + problem);
		}
		String region = blankToNull(this.region);
		AwsClientOptions options = new AwsClientOptions((region != null) ? region : defaultRegion,
				blankToNull(this.profile), endpointUri(), this.maxAttempts, this.allowInsecureEndpoint);
		problem = options.checkEndpoints("<endpoint>", "<allowInsecureEndpoint>true</allowInsecureEndpoint>");
		if (problem != null) {
			throw new MojoFailureException(problem);
		}
		return options;
	}

	private @Nullable URI endpointUri() throws MojoFailureException {
		String value = blankToNull(this.endpoint);
		if (value == null) {
			return null;
		}
		try {
			URI uri = new URI(value);
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new URISyntaxException(value, "an absolute URL such as http://127.0.0.1:4566 is needed");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new MojoFailureException("<endpoint> '" + value + "' is not a URL: " + ex.getReason());
		}
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
