package io.github.secretbaker.autoconfigure.actuate;

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
 * Masks baked secrets in the {@code env} and {@code configprops} endpoints, even when they
 * are set to show values: every value from the {@link BakedSecretsPropertySource}, every
 * value that contains the value of a secret decrypted so far, and every value written with a
 * placeholder that refers to a baked secret, such as {@code api-token: ${API_TOKEN}} in
 * {@code application.yml}.
 *
 * @since 0.1.0
 */
public class BakedSecretsSanitizingFunction implements SanitizingFunction {

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
		PropertySource<?> propertySource = data.getPropertySource();
		if (propertySource != null && BakedSecretsPropertySource.NAME.equals(propertySource.getName())) {
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
		Object rawValue = (propertySource != null) ? rawValue(propertySource, data.getKey()) : null;
		if (rawValue != null && !secrets.findSecretsReferencedBy(rawValue.toString()).isEmpty()) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private static @Nullable Object rawValue(PropertySource<?> propertySource, String key) {
		Object value = propertySource.getProperty(key);
		if (value != null || !ConfigurationPropertyName.isValid(key)) {
			return value;
		}
		// The configprops endpoint names a property in its canonical form, which the source
		// may spell differently, such as apiToken for api-token.
		ConfigurationPropertySource source = ConfigurationPropertySource.from(propertySource);
		ConfigurationProperty property = (source != null)
				? source.getConfigurationProperty(ConfigurationPropertyName.of(key)) : null;
		return (property != null) ? property.getValue() : null;
	}

}
