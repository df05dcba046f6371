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

import java.util.Set;
import java.util.TreeSet;

import io.github.secretbaker.autoconfigure.BakedSecretsConversionService.BakedSecretConversionException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Replaces the failure to bind a {@code @ConfigurationProperties} property whose value
 * comes from a baked secret with a {@link BakedSecretConversionException}, which names
 * the secret and carries neither its value nor the failure's message. The binder tries
 * every conversion service in turn and keeps the last one's failure, whose message quotes
 * the value (trimmed, as a number parser sees it), so it is replaced here, before Spring
 * logs it at WARN level.
 */
final class BakedSecretsBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private final BakedSecretsRedactor secrets;

	BakedSecretsBindHandlerAdvisor(BakedSecretsRedactor secrets) {
		this.secrets = secrets;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new AbstractBindHandler(bindHandler) {

			@Override
			public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Exception error) throws Exception {
				return super.onFailure(name, target, context, redact(target, context, error));
			}

		};
	}

	private Exception redact(Bindable<?> target, BindContext context, Exception error) {
		if (error instanceof BindException || error instanceof BindValidationException) {
			// The failure of a nested property, replaced when it was bound, or a
			// validation failure, whose report BakedSecretBindFailureAnalyzer and
			// BakedSecretBindValidationFailureAnalyzer write without values.
			return error;
		}
		Set<String> names = new TreeSet<>(this.secrets.findSecretsIn(error));
		ConfigurationProperty property = context.getConfigurationProperty();
		if (property != null) {
			names.addAll(this.secrets.findSecretsOfProperty(property));
		}
		return names.isEmpty() ? error
				: BakedSecretConversionException.of(names, String.valueOf(target.getType()), error);
	}

}
