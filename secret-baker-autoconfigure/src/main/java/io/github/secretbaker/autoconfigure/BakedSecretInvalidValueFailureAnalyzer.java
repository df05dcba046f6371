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

import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link InvalidConfigurationPropertyValueException} for a property that
 * resolves to a baked secret. Spring Boot's own analyzer of this exception looks the
 * property up in every property source and prints each value it finds, which for a baked
 * secret is the secret.
 */
class BakedSecretInvalidValueFailureAnalyzer
		extends AbstractBakedSecretValueFailureAnalyzer<InvalidConfigurationPropertyValueException> {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	BakedSecretInvalidValueFailureAnalyzer(@Nullable Environment environment) {
		super(environment, ORDER);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause,
			BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>(secrets.findSecretsOfProperty(cause.getName()));
		if (cause.getValue() != null) {
			names.addAll(secrets.findSecretsWhoseValueAppearsIn(cause.getValue().toString()));
		}
		names.addAll(secrets.findSecretsIn(rootFailure));
		if (names.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid value for configuration property '")
			.append(cause.getName())
			.append("', which resolves to baked secret ")
			.append(String.join(", ", names))
			.append(":\n");
		for (String name : names) {
			BakedSecret secret = secrets.getPropertySource().getSource().get(name);
			if (secret != null) {
				description.append("\n    ").append(name).append(": SSM parameter ").append(secret.arn());
			}
		}
		description.append("\n    Value: ").append(hidden(names));
		if (cause.getReason() != null) {
			description.append("\n    Reason: ").append(secrets.redact(cause.getReason()));
		}
		description.append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a valid value for '"
				+ cause.getName() + "', then bake the secrets again. The value is not shown because it is a secret.";
		return new FailureAnalysis(description.toString(), action, redacted(rootFailure, secrets));
	}

}
