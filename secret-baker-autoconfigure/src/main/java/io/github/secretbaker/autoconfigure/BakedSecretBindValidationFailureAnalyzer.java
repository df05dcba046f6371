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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a {@link BindValidationException} of a baked secret, naming the property and
 * the constraint but not the rejected value.
 */
class BakedSecretBindValidationFailureAnalyzer
		extends AbstractBakedSecretValueFailureAnalyzer<BindValidationException> {

	static final int ORDER = BakedSecretInvalidValueFailureAnalyzer.ORDER + 1;

	BakedSecretBindValidationFailureAnalyzer(@Nullable Environment environment) {
		super(environment, ORDER);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause,
			BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>(secrets.findSecretsIn(rootFailure));
		StringBuilder errors = new StringBuilder();
		for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
			if (error instanceof FieldError fieldError) {
				String property = fieldError.getObjectName() + "."
						+ DataObjectPropertyName.toDashedForm(fieldError.getField());
				Set<String> fieldNames = secretNames(property, fieldError.getRejectedValue(), cause, secrets);
				names.addAll(fieldNames);
				errors.append("\n    Property: ").append(property);
				errors.append("\n    Value: ")
					.append(fieldNames.isEmpty()
							? "\"" + secrets.redact(String.valueOf(fieldError.getRejectedValue())) + "\""
							: hidden(fieldNames));
				Origin origin = Origin.from(fieldError);
				if (origin != null) {
					errors.append("\n    Origin: ").append(origin);
				}
			}
			errors.append("\n    Reason: ")
				.append(secrets.redact(String.valueOf(error.getDefaultMessage())))
				.append('\n');
		}
		if (names.isEmpty()) {
			return null;
		}
		BindException bindFailure = findCause(rootFailure, BindException.class);
		String target = (bindFailure != null) ? bindFailure.getTarget().getType().toString()
				: cause.getValidationErrors().getName().toString();
		String description = "Baked secret " + String.join(", ", names) + " failed validation when bound to " + target
				+ ":\n" + errors;
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a valid value, then bake "
				+ "the secrets again. The value is not shown because it is a secret.";
		return new FailureAnalysis(description, action, redacted(rootFailure, secrets));
	}

	private static Set<String> secretNames(String propertyName, @Nullable Object rejectedValue,
			BindValidationException cause, BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>();
		if (rejectedValue != null) {
			names.addAll(secrets.findSecretsWhoseValueAppearsIn(rejectedValue.toString()));
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(propertyName, '.');
		for (ConfigurationProperty property : cause.getValidationErrors().getBoundProperties()) {
			if (property.getName().equals(name)) {
				names.addAll(secrets.findSecretsOfProperty(property));
			}
		}
		return names;
	}

}
