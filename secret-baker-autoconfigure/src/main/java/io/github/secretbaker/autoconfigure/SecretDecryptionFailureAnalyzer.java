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

import java.util.stream.Collectors;

import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports every baked secret that could not be decrypted, with its parameter ARN, key ARN
 * and AWS error code, and says what to do for each kind of failure.
 */
class SecretDecryptionFailureAnalyzer extends AbstractFailureAnalyzer<SecretDecryptionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretDecryptionException cause) {
		return new FailureAnalysis(description(cause), cause.getAction(), cause);
	}

	private static String description(SecretDecryptionException cause) {
		if (cause.isSharedByEverySecret()) {
			return sharedDescription(cause);
		}
		StringBuilder description = new StringBuilder();
		description.append("Failed to decrypt ")
			.append(cause.getFailures().size())
			.append(" of ")
			.append(cause.getAttempted())
			.append(" baked secrets with KMS:\n");
		for (SecretDecryptionFailure failure : cause.getFailures()) {
			description.append("\n    ").append(failure.secretName()).append('\n');
			description.append("        parameter: ").append(failure.parameterArn()).append('\n');
			description.append("        key:       ")
				.append((failure.keyArn() != null) ? failure.keyArn() : "not recorded in the baked file")
				.append('\n');
			appendError(description, failure, "        ");
		}
		return description.toString();
	}

	private static String sharedDescription(SecretDecryptionException cause) {
		SecretDecryptionFailure failure = cause.getFailures().get(0);
		StringBuilder description = new StringBuilder();
		description.append("Failed to decrypt all ")
			.append(cause.getAttempted())
			.append(" baked secrets with KMS, for the same reason:\n\n");
		description.append("    secrets:   ")
			.append(cause.getFailures()
				.stream()
				.map(SecretDecryptionFailure::secretName)
				.collect(Collectors.joining(", ")))
			.append('\n');
		appendError(description, failure, "    ");
		return description.toString();
	}

	private static void appendError(StringBuilder description, SecretDecryptionFailure failure, String indent) {
		description.append(indent)
			.append("error:     ")
			.append((failure.errorCode() != null) ? failure.errorCode() : "none from KMS")
			.append(" (")
			.append(failure.kind())
			.append(")\n");
		description.append(indent).append("detail:    ").append(failure.detail()).append('\n');
	}

}
