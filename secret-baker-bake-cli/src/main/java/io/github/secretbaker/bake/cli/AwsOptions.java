package io.github.secretbaker.bake.cli;

import java.net.URI;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.SecretBaker;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How to reach SSM, shared by the commands that read it.
 */
final class AwsOptions {

	@Option(names = "--region", paramLabel = "REGION",
			description = "AWS region. Default: the SDK's (AWS_REGION, the profile's region).")
	@Nullable String region;

	@Option(names = "--profile", paramLabel = "PROFILE",
			description = "Named profile for credentials and region, including role_arn and SSO profiles. "
					+ "Default: the SDK's default credentials chain.")
	@Nullable String profile;

	@Option(names = "--endpoint-url", paramLabel = "URL",
			description = "SSM endpoint. Default: the region's, or AWS_ENDPOINT_URL.")
	@Nullable URI endpoint;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + SecretBaker.DEFAULT_CONCURRENCY,
			description = "Most SSM calls in flight at once. Default: ${DEFAULT-VALUE}.")
	int concurrency;

	@Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + AwsClientOptions.DEFAULT_MAX_ATTEMPTS,
			description = "Attempts per SSM call with adaptive retry, first try included. Default: ${DEFAULT-VALUE}.")
	int maxAttempts;

	SsmClient createClient() {
		return new AwsClientOptions(this.region, this.profile, this.endpoint, this.maxAttempts).createSsmClient();
	}

}
