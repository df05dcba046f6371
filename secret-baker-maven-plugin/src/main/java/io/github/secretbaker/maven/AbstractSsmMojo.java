package io.github.secretbaker.maven;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.bake.manifest.ManifestSources;
import io.github.secretbaker.bake.manifest.ServerlessOptions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the goals that read SSM: which secrets (the manifest, a Node plugin
 * {@code serverless.yml}, or secrets in the pom) and how to reach AWS.
 *
 * @since 0.1.0
 */
abstract class AbstractSsmMojo extends AbstractSecretBakerMojo {

	/**
	 * The manifest listing the secrets under {@code secrets:}. Ignored when it does not exist
	 * and secrets are configured otherwise.
	 */
	@Parameter(property = "secret-baker.manifest", defaultValue = "${project.basedir}/" + Manifest.DEFAULT_FILE_NAME)
	@Nullable File manifest;

	/**
	 * A {@code serverless.yml} configured for the Node plugin serverless-secret-baker, whose
	 * {@code custom.secretBaker} is read, or {@code provider.environmentSecrets} when it is
	 * absent.
	 */
	@Parameter(property = "secret-baker.serverless-config")
	@Nullable File serverlessConfig;

	/**
	 * The Serverless stage of {@code serverlessConfig}, for {@code ${opt:stage}} and
	 * {@code ${sls:stage}}; by default its {@code provider.stage}, else {@code dev}.
	 */
	@Parameter(property = "secret-baker.stage")
	@Nullable String stage;

	/**
	 * Serverless parameters of {@code serverlessConfig}, for {@code ${param:NAME}}; they win
	 * over its {@code params.<stage>} and {@code params.default}.
	 */
	@Parameter
	@Nullable Map<String, String> params;

	/**
	 * The environment variables, for {@code ${env:NAME}} and {@code AWS_REGION}.
	 */
	Function<String, @Nullable String> environment = System::getenv;

	/**
	 * Secrets configured in the pom, secret name to parameter path (with an optional
	 * {@code :version} or {@code :label}) or parameter ARN.
	 */
	@Parameter
	@Nullable Map<String, String> secrets;

	/**
	 * The AWS region; by default the SDK's ({@code AWS_REGION}, the profile).
	 */
	@Parameter(property = "secret-baker.region")
	@Nullable String region;

	/**
	 * The named AWS profile for credentials and region; by default the SDK's default chain.
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
	 * Whether an endpoint over plain http to a host other than this machine may be called.
	 */
	@Parameter(property = "secret-baker.allow-insecure-endpoint", defaultValue = "false")
	boolean allowInsecureEndpoint;

	/**
	 * How many attempts each SSM call gets, first try included, with adaptive retry.
	 */
	@Parameter(property = "secret-baker.max-attempts", defaultValue = "" + AwsClientOptions.DEFAULT_MAX_ATTEMPTS)
	int maxAttempts = AwsClientOptions.DEFAULT_MAX_ATTEMPTS;

	/**
	 * Load every configured source of secrets into one manifest.
	 * @return the manifest
	 * @throws InvalidManifestException if a source is invalid or none is configured
	 */
	Manifest loadManifest() {
		ManifestSources sources = new ManifestSources();
		if (this.manifest != null && this.manifest.isFile()) {
			sources.manifest(this.manifest.toPath());
		}
		if (this.serverlessConfig != null) {
			sources.serverlessConfig(this.serverlessConfig.toPath(), new ServerlessOptions(blankToNull(this.stage),
					blankToNull(this.region), (this.params != null) ? this.params : Map.of(), this.environment));
		}
		if (this.secrets != null && !this.secrets.isEmpty()) {
			sources.secrets(pomSecrets(this.secrets));
		}
		return sources.load((this.manifest != null) ? this.manifest.toPath() : null,
				"configure <manifest>, <serverlessConfig> or <secrets>");
	}

	private static Manifest pomSecrets(Map<String, String> secrets) {
		String source = "pom.xml <secrets>";
		List<SecretRequest> requests = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		new TreeMap<>(secrets).forEach((name, path) -> {
			try {
				requests.add(SecretRequest.of(name, (path != null) ? path.strip() : ""));
			}
			catch (IllegalArgumentException ex) {
				problems.add("<" + name + ">: " + ex.getMessage());
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidManifestException(source, problems);
		}
		return Manifest.of(source, requests);
	}

	/**
	 * Return the AWS settings of this goal, in the manifest's region when none is configured.
	 * @param manifest the manifest, whose Serverless configuration may give the region
	 * @return the options
	 * @throws MojoFailureException if a setting is invalid
	 */
	AwsClientOptions awsClientOptions(Manifest manifest) throws MojoFailureException {
		String problem = ParameterStoreBaker.checkConcurrency(this.concurrency);
		if (problem != null) {
			throw new MojoFailureException("<concurrency> " + problem);
		}
		problem = AwsClientOptions.checkMaxAttempts(this.maxAttempts);
		if (problem != null) {
			throw new MojoFailureException("<maxAttempts> " + problem);
		}
		String region = blankToNull(this.region);
		AwsClientOptions options = new AwsClientOptions((region != null) ? region : manifest.region(),
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

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
