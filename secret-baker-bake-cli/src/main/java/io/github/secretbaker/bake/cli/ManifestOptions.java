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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.bake.manifest.ManifestSources;
import io.github.secretbaker.bake.manifest.ServerlessOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the list of secrets comes from, shared by {@code bake} and {@code check}.
 */
final class ManifestOptions {

	@Option(names = { "-m", "--manifest" }, paramLabel = "FILE",
			description = "Manifest listing the secrets under 'secrets:'. Default: " + Manifest.DEFAULT_FILE_NAME
					+ " when neither --serverless-config nor --secret is given.")
	@Nullable Path manifest;

	@Option(names = "--serverless-config", paramLabel = "FILE",
			description = "serverless.yml of the Node plugin serverless-secret-baker: reads custom.secretBaker "
					+ "or, when it is absent, provider.environmentSecrets.")
	@Nullable Path serverlessConfig;

	@Option(names = "--stage", paramLabel = "STAGE",
			description = "The Serverless stage of --serverless-config, for $${opt:stage} and $${sls:stage}. "
					+ "Default: provider.stage, else dev.")
	@Nullable String stage;

	@Option(names = "--param", paramLabel = "KEY=VALUE",
			description = "A Serverless parameter of --serverless-config, for $${param:KEY}, repeatable; wins over "
					+ "params.<stage> and params.default in the file.")
	List<String> params = new ArrayList<>();

	@Option(names = { "-s", "--secret" }, paramLabel = "NAME=PATH",
			description = "A secret to bake, repeatable. PATH may end with :VERSION or :LABEL and may be a "
					+ "parameter ARN.")
	List<String> secrets = new ArrayList<>();

	/**
	 * Load every given source of secrets into one manifest.
	 * @param commandLine the command, for an invalid {@code --param} or {@code --secret}
	 * @param region the region given on the command line, or {@code null}
	 * @param environment the environment variables, for {@code ${env:NAME}}
	 * @return the manifest
	 * @throws ParameterException if a {@code --param} or {@code --secret} is invalid
	 */
	Manifest load(CommandLine commandLine, @Nullable String region, Function<String, @Nullable String> environment) {
		ManifestSources sources = new ManifestSources();
		if (this.manifest != null) {
			sources.manifest(this.manifest, "--manifest");
		}
		if (this.serverlessConfig != null) {
			Map<String, String> params = option(commandLine,
					() -> ServerlessOptions.parseParams("--param", this.params));
			sources.serverlessConfig(this.serverlessConfig,
					new ServerlessOptions(this.stage, region, params, environment), "--serverless-config");
		}
		if (!this.secrets.isEmpty()) {
			sources.secrets(option(commandLine, () -> Manifest.parseArguments(this.secrets)), "--secret");
		}
		return sources.load(Path.of(Manifest.DEFAULT_FILE_NAME), "pass --manifest, --serverless-config or --secret");
	}

	/**
	 * Read an option's values, reporting invalid ones as the usage error they are rather
	 * than as an invalid manifest.
	 * @param <T> the type of the value
	 * @param commandLine the command line
	 * @param reader the reader
	 * @return the option's values
	 */
	private static <T> T option(CommandLine commandLine, Supplier<T> reader) {
		try {
			return reader.get();
		}
		catch (InvalidManifestException ex) {
			throw new ParameterException(commandLine,
					"invalid " + ex.getSource() + ": " + String.join("; ", ex.getProblems()));
		}
	}

}
