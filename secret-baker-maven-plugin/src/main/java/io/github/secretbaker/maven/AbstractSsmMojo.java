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

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.secretbaker.bake.AwsClientOptions;
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
 * {@code serverless.yml}, or secrets in the pom).
 */
abstract class AbstractSsmMojo extends AbstractAwsMojo {

	/**
	 * The project's folder, where the default manifest is looked for.
	 */
	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	File basedir;

	/**
	 * The manifest listing the secrets under {@code secrets:}. By default
	 * {@code secret-baker.yml} in the project's folder, read only when neither
	 * {@code serverlessConfig} nor {@code secrets} is configured.
	 */
	@Parameter(property = "secret-baker.manifest")
	@Nullable File manifest;

	/**
	 * A {@code serverless.yml} configured for the Node plugin serverless-secret-baker,
	 * whose {@code custom.secretBaker} is read, or {@code provider.environmentSecrets}
	 * when it is absent.
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
	 * Serverless parameters of {@code serverlessConfig}, for {@code ${param:NAME}}; they
	 * win over its {@code params.<stage>} and {@code params.default}.
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
	 * Load every configured source of secrets into one manifest.
	 * @return the manifest
	 * @throws InvalidManifestException if a source is invalid or none is configured
	 */
	Manifest loadManifest() {
		ManifestSources sources = new ManifestSources();
		if (this.manifest != null) {
			sources.manifest(this.manifest.toPath(), "<manifest>");
		}
		if (this.serverlessConfig != null) {
			sources.serverlessConfig(
					this.serverlessConfig.toPath(), new ServerlessOptions(blankToNull(this.stage),
							blankToNull(this.region), (this.params != null) ? this.params : Map.of(), this.environment),
					"<serverlessConfig>");
		}
		if (this.secrets != null && !this.secrets.isEmpty()) {
			sources.secrets(pomSecrets(this.secrets), "<secrets>");
		}
		return sources.load(this.basedir.toPath().resolve(Manifest.DEFAULT_FILE_NAME),
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
	 * Return the AWS settings of this goal, in the manifest's region when none is
	 * configured.
	 * @param manifest the manifest, whose Serverless configuration may give the region
	 * @return the options
	 * @throws MojoFailureException if a setting is invalid
	 */
	AwsClientOptions awsClientOptions(Manifest manifest) throws MojoFailureException {
		return awsClientOptions(manifest.region());
	}

}
