package io.github.secretbaker.autoconfigure.actuate;

import io.github.secretbaker.autoconfigure.BakedSecretsPropertySource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.PropertySource;

/**
 * Masks every value that comes from the {@link BakedSecretsPropertySource}, in the
 * {@code env} and {@code configprops} endpoints, even when they are set to show values.
 *
 * @since 0.1.0
 */
public class BakedSecretsSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		PropertySource<?> propertySource = data.getPropertySource();
		if (propertySource != null && BakedSecretsPropertySource.NAME.equals(propertySource.getName())) {
			return data.withSanitizedValue();
		}
		return data;
	}

}
