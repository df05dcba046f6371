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

package io.github.secretbaker.bake.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The sources of secrets a build tool was given (manifests, a {@code serverless.yml} of
 * the Node plugin, secrets given in-line), loaded into one manifest, or the default
 * manifest when none was given: the default manifest is never combined with a source
 * given explicitly. The command line and the Maven plugin both use it, so they combine
 * their sources alike; each source is added with the setting that switched it on, so that
 * a secret listed by two sources can be reported with the way to switch one off.
 *
 * @since 0.1.0
 */
public final class ManifestSources {

	private final List<Supplier<Manifest>> sources = new ArrayList<>();

	private final List<String> settings = new ArrayList<>();

	/**
	 * Add a manifest file, which must exist.
	 * @param path the manifest
	 * @param setting the setting that gave it, such as {@code --manifest}
	 * @return this
	 */
	public ManifestSources manifest(Path path, String setting) {
		Objects.requireNonNull(path, "'path' must not be null");
		return add(() -> Manifest.load(path), setting);
	}

	/**
	 * Add a {@code serverless.yml} configured for the Node plugin, which must exist.
	 * @param path the file
	 * @param options the stage, region, parameters and environment for its variables
	 * @param setting the setting that gave it, such as {@code --serverless-config}
	 * @return this
	 */
	public ManifestSources serverlessConfig(Path path, ServerlessOptions options, String setting) {
		Objects.requireNonNull(path, "'path' must not be null");
		Objects.requireNonNull(options, "'options' must not be null");
		return add(() -> Manifest.loadServerlessConfig(path, options), setting);
	}

	/**
	 * Add secrets given in-line, such as on the command line or in a pom.
	 * @param secrets the secrets, already read
	 * @param setting the setting that gave them, such as {@code --secret}
	 * @return this
	 */
	public ManifestSources secrets(Manifest secrets, String setting) {
		Objects.requireNonNull(secrets, "'secrets' must not be null");
		return add(() -> secrets, setting);
	}

	private ManifestSources add(Supplier<Manifest> source, String setting) {
		Objects.requireNonNull(setting, "'setting' must not be null");
		this.sources.add(source);
		this.settings.add(setting);
		return this;
	}

	/**
	 * Return whether no source was added.
	 * @return whether there is no source
	 */
	public boolean isEmpty() {
		return this.sources.isEmpty();
	}

	/**
	 * Load every source into one manifest or, when no source was added, the default
	 * manifest.
	 * @param defaultManifest the manifest to load when no source was added, or
	 * {@code null} if there is none
	 * @param alternatives how else secrets can be given, for the message when there is no
	 * source at all, such as {@code "pass --manifest, --serverless-config or --secret"}
	 * @return the manifest
	 * @throws InvalidManifestException if a source is invalid, a secret is listed by two
	 * of them, or there is no source at all
	 */
	public Manifest load(@Nullable Path defaultManifest, String alternatives) {
		if (this.sources.isEmpty()) {
			if (defaultManifest == null) {
				throw new InvalidManifestException(Manifest.DEFAULT_FILE_NAME,
						List.of("no secrets configured: " + alternatives));
			}
			if (!Files.isRegularFile(defaultManifest)) {
				throw new InvalidManifestException(defaultManifest.toString(),
						List.of("no such manifest file (working directory " + Path.of("").toAbsolutePath()
								+ "): create it with a 'secrets:' key, or " + alternatives));
			}
			return Manifest.load(defaultManifest);
		}
		List<Manifest> manifests = new ArrayList<>();
		this.sources.forEach((source) -> manifests.add(source.get()));
		return Manifest.combine(manifests, this.settings);
	}

}
