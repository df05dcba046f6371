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

package io.github.secretbaker.bake.cli;

import java.net.URI;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.ParameterStoreBaker;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How to reach SSM and KMS, shared by the commands that read them.
 */
final class AwsOptions {

	@Option(names = "--region", paramLabel = "REGION",
			description = "AWS region. Default: AWS_REGION, else the provider.region of --serverless-config, else "
					+ "the profile's region.")
	@Nullable String region;

	@Option(names = "--profile", paramLabel = "PROFILE",
			description = "Named profile for credentials and region, including role_arn and SSO profiles. "
					+ "Default: the SDK's default credentials chain.")
	@Nullable String profile;

	@Option(names = "--endpoint-url", paramLabel = "URL",
			description = "SSM and KMS endpoint. Default: the region's, or AWS_ENDPOINT_URL.")
	@Nullable URI endpoint;

	@Option(names = "--allow-insecure-endpoint",
			description = "Allow an endpoint over plain http to a host other than this machine. Default: refused.")
	boolean allowInsecureEndpoint;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + ParameterStoreBaker.DEFAULT_CONCURRENCY,
			description = "Most AWS calls in flight at once. Default: ${DEFAULT-VALUE}.")
	int concurrency;

	@Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + AwsClientOptions.DEFAULT_MAX_ATTEMPTS,
			description = "Attempts per AWS call with adaptive retry, first try included. Default: ${DEFAULT-VALUE}.")
	int maxAttempts;

	/**
	 * Check the numeric options, before anything is read.
	 * @param commandLine the command, for the usage error
	 * @throws ParameterException naming the first invalid option
	 */
	void validate(CommandLine commandLine) {
		String problem = ParameterStoreBaker.checkConcurrency(this.concurrency);
		if (problem != null) {
			throw new ParameterException(commandLine, "--concurrency " + problem);
		}
		problem = AwsClientOptions.checkMaxAttempts(this.maxAttempts);
		if (problem != null) {
			throw new ParameterException(commandLine, "--max-attempts " + problem);
		}
		problem = clientOptions(null).checkEndpoints("--endpoint-url", "--allow-insecure-endpoint");
		if (problem != null) {
			throw new ParameterException(commandLine, problem);
		}
	}

	/**
	 * Return the client options, in the manifest's region when none is given.
	 * @param manifestRegion the region of the Serverless configuration, or {@code null}
	 * @return the options
	 */
	AwsClientOptions clientOptions(@Nullable String manifestRegion) {
		return new AwsClientOptions((this.region != null) ? this.region : manifestRegion, this.profile, this.endpoint,
				this.maxAttempts, this.allowInsecureEndpoint);
	}

}
