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
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a {@link BindException} of a baked secret that does not convert to its target
 * type, naming the property, its origin and the target but not the value. A validation
 * failure is left to {@link BakedSecretBindValidationFailureAnalyzer}, as Spring Boot's
 * {@code BindFailureAnalyzer} leaves it to its validation analyzer.
 */
class BakedSecretBindFailureAnalyzer extends AbstractBakedSecretValueFailureAnalyzer<BindException> {

	static final int ORDER = BakedSecretBindValidationFailureAnalyzer.ORDER + 1;

	BakedSecretBindFailureAnalyzer(@Nullable Environment environment) {
		super(environment, ORDER);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause,
			BakedSecretsRedactor secrets) {
		if (findCause(rootFailure, BindValidationException.class) != null) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		Set<String> names = new TreeSet<>(secrets.findSecretsIn(rootFailure));
		if (property != null) {
			names.addAll(secrets.findSecretsOfProperty(property));
		}
		if (names.isEmpty()) {
			return null;
		}
		String target = cause.getTarget().getType().toString();
		StringBuilder description = new StringBuilder("Failed to bind baked secret ").append(String.join(", ", names))
			.append(" to ")
			.append(target)
			.append(":\n");
		description.append("\n    Property: ").append(cause.getName());
		description.append("\n    Value: ").append(hidden(names));
		if (property != null && property.getOrigin() != null) {
			description.append("\n    Origin: ").append(property.getOrigin());
		}
		description.append("\n    Reason: ").append(reason(cause, secrets)).append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a value that converts to "
				+ target + ", then bake the secrets again; or bind it to a String property. The value is not shown "
				+ "because it is a secret.";
		return new FailureAnalysis(description.toString(), action, redacted(rootFailure, secrets));
	}

}
