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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.manifest.YamlNode.Entry;
import io.github.secretbaker.bake.manifest.YamlNode.Mapping;
import io.github.secretbaker.bake.manifest.YamlNode.Scalar;
import io.github.secretbaker.bake.manifest.YamlNode.Sequence;
import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The list of secrets to bake, each a name and an SSM parameter path, read from a
 * {@code secret-baker.yml} file, from the {@code serverless.yml} of the Node plugin
 * serverless-secret-baker, or from {@code NAME=PATH} strings.
 * <p>
 * Secrets are given under the key {@code secrets:} in any form the Node plugin accepts:
 * <pre class="code">
 * secrets:                         secrets:                       secrets:
 *   - DB_PASSWORD                    DB_PASSWORD: /app/db/password   - name: DB_PASSWORD
 *   - name: API_KEY                  API_KEY: /app/api-key:3           path: /app/db/password
 *     path: /app/api-key:prod
 * </pre> A bare name is also the parameter path. A path may end with {@code :version} or
 * {@code :label}, and may be a full parameter ARN.
 *
 * @since 0.1.0
 */
public final class Manifest {

	/**
	 * The default manifest file name, in the working directory.
	 */
	public static final String DEFAULT_FILE_NAME = "secret-baker.yml";

	private static final String SECRETS = "secrets";

	private final String source;

	private final List<SecretRequest> secrets;

	private final List<String> sourceWarnings;

	private final @Nullable String region;

	private Manifest(String source, List<SecretRequest> secrets, List<String> sourceWarnings, @Nullable String region) {
		this.source = source;
		this.secrets = List.copyOf(secrets);
		this.sourceWarnings = List.copyOf(sourceWarnings);
		this.region = region;
	}

	/**
	 * Create a manifest from requests built elsewhere.
	 * @param source a description of where the requests come from, for messages
	 * @param secrets the requests, with distinct names
	 * @return the manifest
	 * @throws InvalidManifestException if two requests share a name
	 */
	public static Manifest of(String source, List<SecretRequest> secrets) {
		Map<String, SecretRequest> byName = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (SecretRequest secret : secrets) {
			if (byName.putIfAbsent(secret.name(), secret) != null) {
				problems.add("secret '" + secret.name() + "' is listed more than once");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidManifestException(source, problems);
		}
		return new Manifest(source, secrets, List.of(), null);
	}

	/**
	 * Read a {@code secret-baker.yml} manifest, whose only key is {@code secrets:}.
	 * @param path the file
	 * @return the manifest
	 * @throws InvalidManifestException listing every problem in the file, each with its
	 * line
	 * @throws java.io.UncheckedIOException if the file cannot be read
	 */
	public static Manifest load(Path path) {
		String source = path.toString();
		requireFile(path, "manifest");
		Collector collector = new Collector(source);
		YamlNode root = YamlNode.read(path);
		if (root == null) {
			collector.problem(1, "is empty: add a 'secrets:' key listing the secrets to bake");
		}
		else if (root instanceof Mapping mapping) {
			Entry secrets = mapping.get(SECRETS);
			for (Entry entry : mapping.entries()) {
				if (!entry.key().equals(SECRETS)) {
					collector.problem(entry.line(), "unknown key '" + entry.key() + "': the only key is 'secrets'");
				}
			}
			if (secrets == null) {
				collector.problem(root.line(), "has no 'secrets:' key listing the secrets to bake");
			}
			else {
				collector.addSecrets(SECRETS, secrets.value());
			}
		}
		else {
			collector.problem(root.line(), "must be a mapping with a 'secrets:' key");
		}
		return collector.toManifest();
	}

	/**
	 * Read the secrets of a {@code serverless.yml} file as
	 * {@link #loadServerlessConfig(Path, ServerlessOptions)} does, without
	 * {@code --stage}, {@code --region} or {@code --param}, in the process environment.
	 * @param path the file
	 * @return the manifest
	 * @throws InvalidManifestException listing every problem, each with its line
	 * @throws java.io.UncheckedIOException if the file cannot be read
	 */
	public static Manifest loadServerlessConfig(Path path) {
		return loadServerlessConfig(path, ServerlessOptions.defaults());
	}

	/**
	 * Read the secrets of a {@code serverless.yml} file as the Node plugin
	 * serverless-secret-baker 2.x configures them: {@code custom.secretBaker}, or, when
	 * that key is absent, the 1.x key {@code provider.environmentSecrets}. The Serverless
	 * variables of the secrets are resolved as the Serverless Framework resolves them
	 * before the plugin runs ({@code ${opt:stage}}, {@code ${sls:stage}},
	 * {@code ${self:...}}, {@code ${env:...}}, {@code ${param:...}}, with defaults);
	 * other sources, such as {@code ${ssm:...}} and {@code ${file(...)}}, and
	 * CloudFormation functions are errors. The rest of the file is not interpreted. A
	 * file with neither key gives no secrets and a warning, as the Node plugin then
	 * writes {@code {}}. When the options give no region and the environment no
	 * {@code AWS_REGION}, {@code provider.region} is resolved too, as the
	 * {@linkplain #region() region} to bake in.
	 * @param path the file
	 * @param options the stage, region, parameters and environment to resolve variables
	 * with
	 * @return the manifest
	 * @throws InvalidManifestException listing every problem, each with its line
	 * @throws java.io.UncheckedIOException if the file cannot be read
	 */
	public static Manifest loadServerlessConfig(Path path, ServerlessOptions options) {
		String source = path.toString();
		requireFile(path, "Serverless configuration");
		Collector collector = new Collector(source);
		YamlNode root = YamlNode.read(path);
		ServerlessVariables variables = new ServerlessVariables(root, options, collector);
		Entry custom = (root instanceof Mapping mapping) ? mapping.get("custom") : null;
		Entry provider = (root instanceof Mapping mapping) ? mapping.get("provider") : null;
		Entry secretBaker = (custom != null && custom.value() instanceof Mapping mapping) ? mapping.get("secretBaker")
				: null;
		Entry environmentSecrets = (provider != null && provider.value() instanceof Mapping mapping)
				? mapping.get("environmentSecrets") : null;
		Entry region = (provider != null && provider.value() instanceof Mapping mapping) ? mapping.get("region") : null;
		if (secretBaker != null) {
			addResolvedSecrets(collector, variables, "custom.secretBaker", secretBaker.value());
			if (environmentSecrets != null) {
				collector.warning("provider.environmentSecrets (line " + environmentSecrets.line()
						+ ") is ignored because custom.secretBaker (line " + secretBaker.line()
						+ ") is present, as serverless-secret-baker 2.x does; move its secrets under custom.secretBaker");
			}
		}
		else if (environmentSecrets != null) {
			addResolvedSecrets(collector, variables, "provider.environmentSecrets", environmentSecrets.value());
		}
		else {
			collector.warning("has neither 'custom.secretBaker' nor 'provider.environmentSecrets': no secrets to "
					+ "bake, so the baked file is {} as the Node plugin writes it; list the secrets under "
					+ "custom.secretBaker");
		}
		String awsRegion = options.environment().apply("AWS_REGION");
		if (region != null && options.region() == null && (awsRegion == null || awsRegion.isBlank())) {
			try {
				collector.region = variables.resolveText(region.value(), "provider.region");
			}
			catch (ServerlessVariables.ExpansionLimitException ex) {
				collector.problem(ex.line(), "provider.region: " + ex.getMessage());
			}
		}
		return collector.toManifest();
	}

	private static void addResolvedSecrets(Collector collector, ServerlessVariables variables, String key,
			YamlNode node) {
		try {
			YamlNode resolved = variables.resolveTree(node, key);
			if (resolved != null) {
				collector.addSecrets(key, resolved);
			}
		}
		catch (ServerlessVariables.ExpansionLimitException ex) {
			collector.problem(ex.line(), key + ": " + ex.getMessage());
		}
	}

	/**
	 * Create a manifest from {@code NAME=PATH} strings, as given to {@code --secret}.
	 * @param arguments the strings
	 * @return the manifest
	 * @throws InvalidManifestException listing every invalid string
	 */
	public static Manifest parseArguments(List<String> arguments) {
		List<SecretRequest> secrets = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (equals < 0) {
				problems.add("'" + argument + "' is not NAME=PATH");
				continue;
			}
			try {
				secrets.add(SecretRequest.of(argument.substring(0, equals).strip(), argument.substring(equals + 1)));
			}
			catch (IllegalArgumentException ex) {
				problems.add("'" + argument + "': " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidManifestException("--secret", problems);
		}
		return of("--secret", secrets);
	}

	/**
	 * Combine manifests into one.
	 * @param manifests the manifests
	 * @return a manifest with the secrets of all of them
	 * @throws InvalidManifestException if a secret name appears in more than one
	 */
	public static Manifest combine(List<Manifest> manifests) {
		return combine(manifests, List.of());
	}

	/**
	 * Combine manifests into one, as {@link #combine(List)} does, saying how to switch a
	 * source off when a secret appears in more than one.
	 * @param manifests the manifests
	 * @param settings the setting that gave each manifest, in the same order, such as
	 * {@code --manifest}, or none
	 * @return a manifest with the secrets of all of them
	 */
	static Manifest combine(List<Manifest> manifests, List<String> settings) {
		if (manifests.size() == 1) {
			return manifests.get(0);
		}
		Map<String, Integer> indexByName = new HashMap<>();
		List<String> problems = new ArrayList<>();
		List<SecretRequest> secrets = new ArrayList<>();
		for (int i = 0; i < manifests.size(); i++) {
			Manifest manifest = manifests.get(i);
			for (SecretRequest secret : manifest.secrets) {
				Integer previous = indexByName.putIfAbsent(secret.name(), i);
				if (previous != null) {
					problems.add("secret '" + secret.name() + "' is listed both in " + manifests.get(previous).source
							+ " and in " + manifest.source + "; list it in one of them"
							+ (settings.isEmpty() ? "" : ", or switch one source off by removing "
									+ settings.get(previous) + " or " + settings.get(i)));
				}
				else {
					secrets.add(secret);
				}
			}
		}
		String source = String.join(" + ", manifests.stream().map(Manifest::source).toList());
		if (!problems.isEmpty()) {
			throw new InvalidManifestException(source, problems);
		}
		List<String> warnings = new ArrayList<>();
		manifests.forEach((manifest) -> warnings.addAll(manifest.sourceWarnings));
		String region = manifests.stream().map(Manifest::region).filter(Objects::nonNull).findFirst().orElse(null);
		return new Manifest(source, secrets, warnings, region);
	}

	private static void requireFile(Path path, String what) {
		if (!Files.isRegularFile(path)) {
			throw new InvalidManifestException(path.toString(),
					List.of("no such " + what + " file (working directory " + Path.of("").toAbsolutePath() + ")"));
		}
	}

	/**
	 * Return where the secrets come from, for messages.
	 * @return the source
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Return the region of a Serverless configuration, its {@code provider.region} with
	 * variables resolved, to bake in when neither the command line nor {@code AWS_REGION}
	 * gives one, as the Serverless Framework deploys there.
	 * @return the region, or {@code null} to use the SDK's
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * Return the secrets to bake, in manifest order.
	 * @return the requests
	 */
	public List<SecretRequest> secrets() {
		return this.secrets;
	}

	/**
	 * Return what is worth knowing but does not stop a bake: legacy keys that are
	 * ignored, a Serverless configuration without secrets, and names that are not valid
	 * environment variable names, which no environment variable can override at runtime.
	 * @return the warnings, one sentence each
	 */
	public List<String> warnings() {
		List<String> warnings = new ArrayList<>(this.sourceWarnings);
		List<String> names = this.secrets.stream()
			.map(SecretRequest::name)
			.filter((name) -> !BakedSecret.isEnvironmentVariableName(name))
			.map((name) -> "'" + name + "'")
			.toList();
		if (!names.isEmpty()) {
			warnings.add(((names.size() == 1) ? "Secret " : "Secrets ") + String.join(", ", names)
					+ ((names.size() == 1) ? ": the name is" : ": the names are")
					+ " not valid environment variable names (letters, digits and underscores, not starting with "
					+ "a digit), so no environment variable can override " + ((names.size() == 1) ? "it" : "them")
					+ " at runtime; a system property or a command-line argument of the same name still can");
		}
		return warnings;
	}

	@Override
	public String toString() {
		return "Manifest[" + this.source + ", " + this.secrets.size() + " secrets]";
	}

	/**
	 * Collects the secrets of one file and every problem with their lines.
	 */
	private static final class Collector implements ServerlessVariables.Problems {

		private final String source;

		private @Nullable String region;

		private final List<SecretRequest> secrets = new ArrayList<>();

		private final Map<String, Integer> lineByName = new HashMap<>();

		private final Map<Integer, List<String>> problemsByLine = new TreeMap<>();

		private final List<String> warnings = new ArrayList<>();

		Collector(String source) {
			this.source = source;
		}

		void warning(String message) {
			this.warnings.add(this.source + ": " + message);
		}

		void problem(int line, String message) {
			this.problemsByLine.computeIfAbsent(line, (key) -> new ArrayList<>()).add("line " + line + ": " + message);
		}

		@Override
		public void add(int line, String message) {
			problem(line, message);
		}

		@Override
		public int count() {
			return this.problemsByLine.values().stream().mapToInt(List::size).sum();
		}

		void addSecrets(String key, YamlNode node) {
			if (node instanceof Scalar scalar) {
				if (scalar.isEmpty()) {
					return;
				}
				problem(scalar.line(),
						"'" + key + "' must be a list of names or {name, path} objects, " + "or a map of name to path");
			}
			else if (node instanceof Mapping mapping) {
				for (Entry entry : mapping.entries()) {
					addPath(entry.line(), entry.key(), entry.value());
				}
			}
			else if (node instanceof Sequence sequence) {
				sequence.items().forEach(this::addItem);
			}
		}

		private void addItem(YamlNode item) {
			if (item instanceof Scalar scalar) {
				if (scalar.isEmpty()) {
					problem(scalar.line(), "empty list item: write a secret name or a {name, path} object");
				}
				else if (scalar.tag() != null) {
					problem(scalar.line(), "list item is tagged " + scalar.tag() + ", a CloudFormation function that "
							+ "secret-baker cannot resolve at build time; write the secret name literally");
				}
				else {
					// The Node plugin uses the item as both name and path, verbatim: '-
					// /app/db/password' bakes a secret named '/app/db/password'.
					String name = Objects.requireNonNull(scalar.text());
					add(scalar.line(), name, name);
				}
			}
			else if (item instanceof Mapping mapping) {
				addObject(mapping);
			}
			else {
				problem(item.line(), "a list item must be a secret name or a {name, path} object, not a list");
			}
		}

		private void addObject(Mapping mapping) {
			boolean valid = true;
			for (Entry entry : mapping.entries()) {
				if (!entry.key().equals("name") && !entry.key().equals("path")) {
					problem(entry.line(), "unknown key '" + entry.key() + "': a secret object has 'name' and 'path'");
					valid = false;
				}
			}
			Entry name = mapping.get("name");
			Entry path = mapping.get("path");
			if (name == null || !(name.value() instanceof Scalar nameScalar) || nameScalar.isEmpty()) {
				problem((name != null) ? name.line() : mapping.line(), "secret object has no 'name'");
			}
			else if (nameScalar.tag() != null) {
				problem(name.line(), "'name' is tagged " + nameScalar.tag() + ", a CloudFormation function that "
						+ "secret-baker cannot resolve at build time; write the secret name literally");
			}
			else if (path == null) {
				problem(mapping.line(), "secret '" + nameScalar.text() + "' has no 'path'");
			}
			else if (valid) {
				addPath(mapping.line(), Objects.requireNonNull(nameScalar.text()), path.value());
			}
		}

		private void addPath(int line, String name, YamlNode value) {
			if (value instanceof Scalar path) {
				if (path.tag() != null) {
					problem(path.line(),
							"secret '" + name + "' path is tagged " + path.tag()
									+ ", a CloudFormation function that secret-baker cannot resolve at build time; "
									+ "write the parameter path literally");
				}
				else {
					add(line, name, path.isEmpty() ? "" : Objects.requireNonNull(path.text()));
				}
			}
			else if (value instanceof Mapping mapping && mapping.entries().size() == 1
					&& mapping.entries().get(0).key().startsWith("Fn::")) {
				problem(value.line(),
						"secret '" + name + "' path is the CloudFormation function " + mapping.entries().get(0).key()
								+ ", which secret-baker cannot resolve at build time; "
								+ "write the parameter path literally");
			}
			else {
				problem(value.line(), "secret '" + name + "' must map to a parameter path, not a "
						+ ((value instanceof Mapping) ? "mapping" : "list"));
			}
		}

		private void add(int line, String name, String path) {
			Integer previous = this.lineByName.putIfAbsent(name, line);
			if (previous != null) {
				problem(line, "secret '" + name + "' is already listed at line " + previous);
				return;
			}
			if (path.isBlank()) {
				problem(line, "secret '" + name + "' has an empty path");
				return;
			}
			try {
				this.secrets.add(SecretRequest.of(name, path));
			}
			catch (IllegalArgumentException ex) {
				problem(line, ex.getMessage());
			}
		}

		Manifest toManifest() {
			if (!this.problemsByLine.isEmpty()) {
				throw new InvalidManifestException(this.source,
						this.problemsByLine.values().stream().flatMap(List::stream).toList());
			}
			return new Manifest(this.source, this.secrets, this.warnings, this.region);
		}

	}

}
