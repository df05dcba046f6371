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

import io.github.secretbaker.format.InvalidBakedSecretsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or malformed baked secrets file, naming the file and the entry.
 */
class InvalidBakedSecretsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBakedSecretsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBakedSecretsException cause) {
		StringBuilder description = new StringBuilder("The baked secrets file '").append(cause.getSource())
			.append("' cannot be used");
		if (cause.getSecretName() != null) {
			description.append(" (secret '").append(cause.getSecretName()).append("')");
		}
		description.append(":\n\n    ").append(cause.getMessage());
		String action = "Bake the secrets file again with secret-baker and package it with the function, or set "
				+ "secret-baker.location to the baked file. To start without baked secrets, set "
				+ "secret-baker.enabled=false.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
