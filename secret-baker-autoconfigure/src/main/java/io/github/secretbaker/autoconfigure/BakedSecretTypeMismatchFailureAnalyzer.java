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

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a {@link TypeMismatchException} of a baked secret injected with {@code @Value},
 * naming the bean, the injection point and the required type but not the value. A failure
 * of binding is left to the analyzers of binding.
 */
class BakedSecretTypeMismatchFailureAnalyzer extends AbstractBakedSecretValueFailureAnalyzer<TypeMismatchException> {

	static final int ORDER = BakedSecretBindFailureAnalyzer.ORDER + 1;

	BakedSecretTypeMismatchFailureAnalyzer(@Nullable Environment environment) {
		super(environment, ORDER);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, TypeMismatchException cause,
			BakedSecretsRedactor secrets) {
		if (findCause(rootFailure, BindValidationException.class) != null
				|| findCause(rootFailure, BindException.class) != null) {
			return null;
		}
		Set<String> names = secrets.findSecretsIn(rootFailure);
		if (names.isEmpty()) {
			return null;
		}
		String requiredType = (cause.getRequiredType() != null) ? cause.getRequiredType().getName()
				: "the required type";
		StringBuilder description = new StringBuilder("Failed to convert baked secret ")
			.append(String.join(", ", names))
			.append(" to ")
			.append(requiredType)
			.append(":\n");
		UnsatisfiedDependencyException injectionFailure = findCause(rootFailure, UnsatisfiedDependencyException.class);
		if (injectionFailure != null) {
			description.append("\n    Bean: ").append(injectionFailure.getBeanName());
			InjectionPoint injectionPoint = injectionFailure.getInjectionPoint();
			if (injectionPoint != null) {
				description.append("\n    Injection point: ").append(injectionPoint);
			}
		}
		description.append("\n    Value: ").append(hidden(names));
		description.append("\n    Reason: ").append(reason(cause, secrets)).append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a value that converts to "
				+ requiredType + ", then bake the secrets again; or inject it as a String. The value is not shown "
				+ "because it is a secret.";
		return new FailureAnalysis(description.toString(), action, redacted(rootFailure, secrets));
	}

}
