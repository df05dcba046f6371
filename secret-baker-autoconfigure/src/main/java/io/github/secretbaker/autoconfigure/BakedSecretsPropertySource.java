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

package io.github.secretbaker.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretValues;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * The {@link org.springframework.core.env.PropertySource} named {@value #NAME} that
 * exposes each baked secret under exactly its name, such as {@code DB_PASSWORD} or
 * {@code my-secret.v1}, under the optional property prefix and, for a name that is also a
 * valid environment variable name, as Spring resolves OS environment variables
 * ({@code db.password} and {@code db-password} find {@code DB_PASSWORD}, so the secret
 * binds to {@code @ConfigurationProperties} too).
 * <p>
 * Values come from core's {@link SecretValues}: a decryption that may still be going on
 * in the background, whose end the first read waits for but never past the deadline, or
 * in lazy mode the decryption of each secret on its first read. Values never appear in
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class BakedSecretsPropertySource extends EnumerablePropertySource<BakedSecrets>
		implements OriginLookup<String> {

	/**
	 * The name of the property source.
	 */
	public static final String NAME = "secretBaker";

	/**
	 * The value every secret has in a training run: not a secret, and the same for all.
	 */
	public static final String TRAINING_VALUE = "secret-baker-training-run-placeholder";

	private final SecretValues values;

	private final String location;

	private final @Nullable String prefix;

	private final String[] propertyNames;

	/**
	 * Create a new property source.
	 * @param values the values of the baked secrets
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 */
	BakedSecretsPropertySource(SecretValues values, String location, @Nullable String prefix) {
		super(NAME, values.getSecrets());
		this.values = values;
		this.location = location;
		this.prefix = normalizePrefix(prefix);
		List<String> names = new ArrayList<>(getSource().names());
		if (this.prefix != null) {
			getSource().names().forEach((name) -> names.add(this.prefix + name));
		}
		this.propertyNames = names.toArray(String[]::new);
	}

	@Override
	public String[] getPropertyNames() {
		return this.propertyNames.clone();
	}

	@Override
	public boolean containsProperty(String name) {
		return findSecret(name) != null;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		BakedSecret secret = findSecret(name);
		return (secret != null) ? this.values.get(secret.name()) : null;
	}

	@Override
	public @Nullable Origin getOrigin(String name) {
		BakedSecret secret = findSecret(name);
		return (secret != null) ? new BakedSecretOrigin(secret.arn(), this.location) : null;
	}

	/**
	 * Return the location of the file the secrets were read from.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return the prefix under which the secrets are also exposed, ending with a dot.
	 * @return the prefix or {@code null}
	 */
	@Nullable String getPropertyPrefix() {
		return this.prefix;
	}

	/**
	 * Return where the values come from.
	 * @return the values
	 */
	SecretValues getValues() {
		return this.values;
	}

	/**
	 * Return whether the secrets are decrypted on their first read.
	 * @return whether in lazy mode
	 */
	public boolean isLazy() {
		return this.values.isLazy();
	}

	/**
	 * Return whether the secret with the given name has been decrypted.
	 * @param secretName the secret name
	 * @return whether its value is known
	 */
	public boolean isDecrypted(String secretName) {
		return this.values.isDecrypted(secretName);
	}

	/**
	 * Call the given action with each secret decrypted so far; nothing is decrypted or
	 * waited for.
	 * @param action the action, given the secret name and its value
	 */
	void forEachDecrypted(BiConsumer<String, String> action) {
		this.values.forEachDecrypted(action);
	}

	/**
	 * Return the name of the baked secret that the given property name resolves to, such
	 * as {@code DB_PASSWORD} for {@code db.password}.
	 * @param propertyName the property name
	 * @return the secret name, or {@code null} if the name resolves to no secret
	 */
	@Nullable String findSecretName(String propertyName) {
		BakedSecret secret = findSecret(propertyName);
		return (secret != null) ? secret.name() : null;
	}

	/**
	 * Return the baked secret that the given property name resolves to.
	 * @param propertyName the property name
	 * @return the secret, or {@code null} if the name resolves to no secret
	 */
	@Nullable BakedSecret findSecret(String propertyName) {
		BakedSecret secret = findRelaxed(propertyName);
		if (secret == null && this.prefix != null && propertyName.length() > this.prefix.length()
				&& propertyName.regionMatches(true, 0, this.prefix, 0, this.prefix.length())) {
			secret = findRelaxed(propertyName.substring(this.prefix.length()));
		}
		return secret;
	}

	/**
	 * Return the baked secrets property source of the given environment.
	 * @param environment the environment, or {@code null}
	 * @return the property source, or {@code null} if the environment has none
	 */
	public static @Nullable BakedSecretsPropertySource from(@Nullable Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().get(NAME) instanceof BakedSecretsPropertySource source) {
			return source;
		}
		return null;
	}

	private @Nullable BakedSecret findRelaxed(String name) {
		BakedSecrets secrets = getSource();
		BakedSecret secret = secrets.get(name);
		if (secret != null) {
			return secret;
		}
		// Relaxed names only ever lead to a name that an environment variable could have.
		String underscored = (name.indexOf('.') >= 0 || name.indexOf('-') >= 0)
				? name.replace('.', '_').replace('-', '_') : name;
		for (String candidate : new String[] { underscored, underscored.toUpperCase(Locale.ROOT) }) {
			if (!candidate.equals(name) && BakedSecret.isEnvironmentVariableName(candidate)) {
				secret = secrets.get(candidate);
				if (secret != null) {
					return secret;
				}
			}
		}
		return null;
	}

	private static @Nullable String normalizePrefix(@Nullable String prefix) {
		if (prefix == null) {
			return null;
		}
		String trimmed = prefix.strip();
		while (trimmed.endsWith(".")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? null : trimmed + ".";
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " {name='" + getName() + "', location='" + this.location + "', secrets="
				+ getSource().names() + "}";
	}

	/**
	 * The origin of a secret: its SSM parameter and the file it was baked into.
	 */
	private record BakedSecretOrigin(String parameterArn, String location) implements Origin {

		@Override
		public String toString() {
			return "SSM parameter '" + this.parameterArn + "' baked into '" + this.location + "'";
		}

	}

}
