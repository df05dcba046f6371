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

package io.github.secretbaker.autoconfigure.actuate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.secretbaker.autoconfigure.BakedSecretsPropertySource;
import io.github.secretbaker.autoconfigure.BakedSecretsRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Masks baked secrets and AWS credentials in the {@code env} and {@code configprops}
 * endpoints, even when they are set to show values: every value from the
 * {@link BakedSecretsPropertySource}, every value that contains the value of a secret
 * decrypted so far, every value written with a placeholder that refers to a baked secret,
 * such as {@code api-token: ${API_TOKEN}} in {@code application.yml}, with every element
 * of a list bound from it, and the AWS credentials of the environment and system
 * properties, such as {@code AWS_SESSION_TOKEN}, and the values that refer to them.
 *
 * @since 0.1.0
 */
public class BakedSecretsSanitizingFunction implements SanitizingFunction {

	// Access key ids too: with the secret key they are a credential, and they name the
	// account.
	private static final Set<String> AWS_CREDENTIALS = Set.of("awsaccesskeyid", "awsaccesskey", "awssecretaccesskey",
			"awssecretkey", "awssessiontoken", "awssecuritytoken", "awscontainerauthorizationtoken");

	private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

	private final ConfigurableEnvironment environment;

	/**
	 * Create a new function that masks the baked secrets of the given environment.
	 * @param environment the environment
	 */
	public BakedSecretsSanitizingFunction(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isAwsCredential(data.getKey())) {
			return data.withSanitizedValue();
		}
		PropertySource<?> propertySource = data.getPropertySource();
		if (propertySource != null && BakedSecretsPropertySource.NAME.equals(propertySource.getName())) {
			return data.withSanitizedValue();
		}
		Object rawValue = (propertySource != null) ? rawValue(propertySource, data.getKey()) : null;
		if (rawValue != null && BakedSecretsRedactor.findPlaceholders(rawValue.toString())
			.stream()
			.anyMatch(BakedSecretsSanitizingFunction::isAwsCredential)) {
			return data.withSanitizedValue();
		}
		BakedSecretsRedactor secrets = BakedSecretsRedactor.from(this.environment);
		if (secrets == null) {
			return data;
		}
		Object value = data.getValue();
		if (value != null && secrets.containsSecret(value.toString())) {
			return data.withSanitizedValue();
		}
		if (rawValue != null && !secrets.findSecretsReferencedBy(rawValue.toString()).isEmpty()) {
			return data.withSanitizedValue();
		}
		return data;
	}

	/**
	 * Return whether the given property name, in any form Spring relaxes to, is one of
	 * the AWS credentials that Lambda and the AWS SDKs read from the environment or from
	 * system properties, such as {@code AWS_SESSION_TOKEN} or
	 * {@code aws.secretAccessKey}.
	 * @param name the name
	 * @return whether the given property name, in any form Spring relaxes to, is one of
	 * the AWS credentials that Lambda and the AWS SDKs read from the environment or from
	 * system properties, such as {@code AWS_SESSION_TOKEN} or {@code aws.secretAccessKey}
	 */
	private static boolean isAwsCredential(String name) {
		return AWS_CREDENTIALS.contains(NON_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(""));
	}

	private static @Nullable Object rawValue(PropertySource<?> propertySource, String key) {
		Object value = propertySource.getProperty(key);
		if (value != null) {
			return value;
		}
		// The configprops endpoint names a property in its canonical form, which the
		// source may spell differently, such as apiToken for api-token, and names each
		// element of a list or an array bound from one value by its index, such as
		// tokens[0] for tokens.
		ConfigurationPropertySource source = ConfigurationPropertySource.from(propertySource);
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
		if (source == null || name.isEmpty()) {
			return null;
		}
		while (true) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return property.getValue();
			}
			if (!name.isLastElementIndexed()) {
				return null;
			}
			name = name.chop(name.getNumberOfElements() - 1);
		}
	}

}
