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

package io.github.secretbaker.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The keys, aliases and parameters a standalone server creates at start, read from a JSON
 * or YAML file. SecureString plaintexts are encrypted as they are loaded and are not
 * kept. <pre class="code">
 * keys:
 *   - alias: alias/app
 *     description: Application secrets
 * parameters:
 *   - name: /app/db/password
 *     type: SecureString
 *     value: s3cr3t
 *     keyId: alias/app
 *   - name: /app/hosts
 *     type: StringList
 *     value: [a.example.com, b.example.com]
 * </pre>
 *
 * @param keys the KMS keys to create, or {@code null} for none
 * @param parameters the parameters to put, or {@code null} for none
 */
record SeedFile(@Nullable List<SeedKey> keys, @Nullable List<SeedParameter> parameters) {

	/**
	 * Read a seed file: YAML for {@code .yaml} and {@code .yml} files, JSON otherwise.
	 * @param path the file
	 * @return the seed
	 * @throws IllegalArgumentException if the file cannot be read or is not a valid seed
	 */
	static SeedFile read(Path path) {
		String fileName = path.getFileName().toString().toLowerCase(Locale.ROOT);
		boolean yaml = fileName.endsWith(".yaml") || fileName.endsWith(".yml");
		ObjectMapper mapper = (yaml ? YAMLMapper.builder() : JsonMapper.builder())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		try {
			byte[] content = Files.readAllBytes(path);
			SeedFile seed = mapper.readValue(content, SeedFile.class);
			if (seed == null) {
				throw new IllegalArgumentException("Seed file " + path + " is empty");
			}
			return seed;
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalArgumentException("Cannot read seed file " + path + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Seed file " + path + " is not valid: " + ex.getOriginalMessage()
					+ " (at " + ex.getPathReference() + ")", ex);
		}
	}

	/**
	 * Create the keys, aliases and parameters of this seed in the server's default
	 * region, then disable the keys marked {@code enabled: false}.
	 * @param server the server
	 * @throws IllegalArgumentException if an entry is invalid
	 */
	void applyTo(LocalAwsServer server) {
		List<SeedKey> keys = (this.keys != null) ? this.keys : List.of();
		List<String> disabled = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			SeedKey key = keys.get(i);
			try {
				String arn = key.applyTo(server);
				if (Boolean.FALSE.equals(key.enabled())) {
					disabled.add(arn);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("keys[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		List<SeedParameter> parameters = (this.parameters != null) ? this.parameters : List.of();
		for (int i = 0; i < parameters.size(); i++) {
			SeedParameter parameter = parameters.get(i);
			try {
				parameter.applyTo(server);
			}
			catch (IllegalArgumentException ex) {
				String name = (parameter.name() != null) ? " (" + parameter.name() + ")" : "";
				throw new IllegalArgumentException("parameters[" + i + "]" + name + ": " + ex.getMessage(), ex);
			}
		}
		disabled.forEach(server::disableKey);
	}

	/**
	 * A key to create.
	 *
	 * @param id the key id, a lowercase UUID, or {@code null} for a random one
	 * @param alias an alias for the key
	 * @param aliases more aliases for the key
	 * @param description the key description
	 * @param enabled whether the key is enabled (default {@code true}); a key is disabled
	 * after the parameters are created, so that parameters can be encrypted under it
	 */
	record SeedKey(@Nullable String id, @Nullable String alias, @Nullable List<String> aliases,
			@Nullable String description, @Nullable Boolean enabled) {

		String applyTo(LocalAwsServer server) {
			List<String> names = new ArrayList<>();
			if (this.alias != null) {
				names.add(this.alias);
			}
			if (this.aliases != null) {
				names.addAll(this.aliases);
			}
			String arn = server.createKey(null, this.description, this.id);
			for (String name : names) {
				server.createAlias(name.startsWith("alias/") ? name : "alias/" + name, arn);
			}
			return arn;
		}

	}

	/**
	 * A parameter to create.
	 *
	 * @param name the parameter name
	 * @param type {@code String}, {@code StringList} or {@code SecureString}
	 * @param value the value; a list for a {@code StringList} is joined with commas
	 * @param keyId the key of a {@code SecureString} (default {@code alias/aws/ssm})
	 * @param description the description
	 * @param tier {@code Standard}, {@code Advanced} or {@code Intelligent-Tiering}
	 */
	record SeedParameter(@Nullable String name, @Nullable String type, @Nullable JsonNode value, @Nullable String keyId,
			@Nullable String description, @Nullable String tier) {

		void applyTo(LocalAwsServer server) {
			if (this.name == null || this.name.isBlank()) {
				throw new IllegalArgumentException("'name' is required");
			}
			String effectiveType = (this.type != null) ? this.type : "String";
			if (this.value == null || this.value.isNull()) {
				throw new IllegalArgumentException("'value' is required");
			}
			String text;
			if (this.value.isArray()) {
				List<String> items = new ArrayList<>();
				this.value.forEach((item) -> items.add(item.asString()));
				text = String.join(",", items);
			}
			else if (this.value.isValueNode()) {
				text = this.value.asString();
			}
			else {
				throw new IllegalArgumentException("'value' must be a string or a list of strings");
			}
			server.putParameter(this.name, effectiveType, text, this.keyId, this.description, this.tier);
		}

	}

}
