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
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports any other startup failure whose messages hold the value of a baked secret, such
 * as an expression that reads one and fails to parse, by the types in its chain and
 * without those messages. A failure of binding or conversion is left to the analyzers of
 * those.
 */
class BakedSecretMessageFailureAnalyzer extends AbstractBakedSecretValueFailureAnalyzer<Throwable> {

	static final int ORDER = BakedSecretTypeMismatchFailureAnalyzer.ORDER + 1;

	BakedSecretMessageFailureAnalyzer(@Nullable Environment environment) {
		super(environment, ORDER);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, Throwable cause, BakedSecretsRedactor secrets) {
		if (findCause(rootFailure, BindValidationException.class) != null
				|| findCause(rootFailure, BindException.class) != null
				|| findCause(rootFailure, TypeMismatchException.class) != null) {
			return null;
		}
		Set<String> names = secrets.findSecretsIn(rootFailure);
		if (names.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				"The application failed to start, and the failure involves the " + "value of baked secret ")
			.append(String.join(", ", names))
			.append(", so the messages that may hold it are not shown:\n");
		for (String chained : describeChain(rootFailure, secrets)) {
			description.append("\n    ").append(chained);
		}
		String action = "Fix the failure described above. The value of " + String.join(", ", names)
				+ " is not shown because it is a secret.";
		return new FailureAnalysis(description.append('\n').toString(), action, redacted(rootFailure, secrets));
	}

}
