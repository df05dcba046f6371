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
 * </pre>
 * A bare name is also the parameter path. A path may end with {@code :version} or
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

	private Manifest(String source, List<SecretRequest> secrets) {
		this.source = source;
		this.secrets = List.copyOf(secrets);
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
		return new Manifest(source, secrets);
	}

	/**
	 * Read a {@code secret-baker.yml} manifest, whose only key is {@code secrets:}.
	 * @param path the file
	 * @return the manifest
	 * @throws InvalidManifestException listing every problem in the file, each with its line
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
				else if (entry != secrets) {
					collector.problem(entry.line(), "'secrets' appears more than once (first at line "
							+ Objects.requireNonNull(secrets).line() + ")");
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
	 * Read the secrets of a {@code serverless.yml} file as the Node plugin
	 * serverless-secret-baker configures them: {@code custom.secretBaker} and the 1.x key
	 * {@code provider.environmentSecrets}. The rest of the file is not interpreted, so
	 * Serverless variables and CloudFormation tags elsewhere are fine; a secret whose path
	 * holds a Serverless variable is an error, since secret-baker does not resolve them.
	 * @param path the file
	 * @return the manifest
	 * @throws InvalidManifestException listing every problem, each with its line
	 * @throws java.io.UncheckedIOException if the file cannot be read
	 */
	public static Manifest loadServerlessConfig(Path path) {
		String source = path.toString();
		requireFile(path, "Serverless configuration");
		Collector collector = new Collector(source);
		YamlNode root = YamlNode.read(path);
		Entry custom = (root instanceof Mapping mapping) ? mapping.get("custom") : null;
		Entry provider = (root instanceof Mapping mapping) ? mapping.get("provider") : null;
		Entry secretBaker = (custom != null && custom.value() instanceof Mapping mapping) ? mapping.get("secretBaker")
				: null;
		Entry environmentSecrets = (provider != null && provider.value() instanceof Mapping mapping)
				? mapping.get("environmentSecrets") : null;
		if (secretBaker == null && environmentSecrets == null) {
			collector.problem((root != null) ? root.line() : 1,
					"has neither 'custom.secretBaker' nor 'provider.environmentSecrets' listing secrets to bake");
		}
		if (secretBaker != null) {
			collector.addSecrets("custom.secretBaker", secretBaker.value());
		}
		if (environmentSecrets != null) {
			collector.addSecrets("provider.environmentSecrets", environmentSecrets.value());
		}
		return collector.toManifest();
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
		if (manifests.size() == 1) {
			return manifests.get(0);
		}
		Map<String, String> sourceByName = new HashMap<>();
		List<String> problems = new ArrayList<>();
		List<SecretRequest> secrets = new ArrayList<>();
		for (Manifest manifest : manifests) {
			for (SecretRequest secret : manifest.secrets) {
				String previous = sourceByName.putIfAbsent(secret.name(), manifest.source);
				if (previous != null) {
					problems.add("secret '" + secret.name() + "' is listed both in " + previous + " and in "
							+ manifest.source);
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
		return new Manifest(source, secrets);
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
	 * Return the secrets to bake, in manifest order.
	 * @return the requests
	 */
	public List<SecretRequest> secrets() {
		return this.secrets;
	}

	@Override
	public String toString() {
		return "Manifest[" + this.source + ", " + this.secrets.size() + " secrets]";
	}

	/**
	 * Collects the secrets of one file and every problem with their lines.
	 */
	private static final class Collector {

		private final String source;

		private final List<SecretRequest> secrets = new ArrayList<>();

		private final Map<String, Integer> lineByName = new HashMap<>();

		private final Map<Integer, List<String>> problemsByLine = new TreeMap<>();

		Collector(String source) {
			this.source = source;
		}

		void problem(int line, String message) {
			this.problemsByLine.computeIfAbsent(line, (key) -> new ArrayList<>()).add("line " + line + ": " + message);
		}

		void addSecrets(String key, YamlNode node) {
			if (node instanceof Scalar scalar) {
				if (scalar.isEmpty()) {
					return;
				}
				if (Objects.requireNonNull(scalar.text()).contains("${")) {
					problem(scalar.line(), "'" + key + "' is the Serverless variable '" + scalar.text()
							+ "': secret-baker does not resolve Serverless variables, list the secrets literally");
				}
				else {
					problem(scalar.line(), "'" + key + "' must be a list of names or {name, path} objects, "
							+ "or a map of name to path");
				}
			}
			else if (node instanceof Mapping mapping) {
				for (Entry entry : mapping.entries()) {
					if (entry.value() instanceof Scalar path) {
						add(entry.line(), entry.key(), path.isEmpty() ? "" : Objects.requireNonNull(path.text()));
					}
					else {
						problem(entry.line(), "secret '" + entry.key() + "' must map to a parameter path");
					}
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
				else {
					String name = Objects.requireNonNull(scalar.text()).strip();
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
			String name = text(mapping.get("name"));
			String path = text(mapping.get("path"));
			if (name == null || name.isBlank()) {
				problem(mapping.line(), "secret object has no 'name'");
			}
			else if (path == null) {
				problem(mapping.line(), "secret '" + name + "' has no 'path'");
			}
			else if (valid) {
				add(mapping.line(), name.strip(), path);
			}
		}

		private static @Nullable String text(@Nullable Entry entry) {
			if (entry == null) {
				return null;
			}
			return (entry.value() instanceof Scalar scalar) ? Objects.requireNonNullElse(scalar.text(), "") : "";
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
			return new Manifest(this.source, this.secrets);
		}

	}

}
