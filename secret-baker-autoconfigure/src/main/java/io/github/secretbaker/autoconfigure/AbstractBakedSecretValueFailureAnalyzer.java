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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Base of the analyzers that report a startup failure caused by the value of a baked
 * secret without the value that Spring Boot's own analyzers print, and without the
 * failure's messages that may hold it. They run before Spring Boot's, in the order of
 * their {@code ORDER} constants, and only when the environment has baked secrets.
 *
 * @param <T> the type of exception analyzed
 */
abstract class AbstractBakedSecretValueFailureAnalyzer<T extends Throwable> extends AbstractFailureAnalyzer<T>
		implements Ordered {

	private final @Nullable Environment environment;

	private final int order;

	AbstractBakedSecretValueFailureAnalyzer(@Nullable Environment environment, int order) {
		this.environment = environment;
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, T cause) {
		BakedSecretsRedactor secrets = BakedSecretsRedactor.from(this.environment);
		return (secrets != null) ? analyze(rootFailure, cause, secrets) : null;
	}

	/**
	 * Analyze the failure of an environment that has baked secrets.
	 * @param rootFailure the root failure passed to the analyzer
	 * @param cause the actual found cause
	 * @param secrets the redactor of the environment's baked secrets
	 * @return the analysis, or {@code null} if the failure involves no baked secret
	 */
	protected abstract @Nullable FailureAnalysis analyze(Throwable rootFailure, T cause, BakedSecretsRedactor secrets);

	/**
	 * Return what a report shows instead of the value of the given secrets.
	 * @param names the secret names
	 * @return the hidden-value line
	 */
	static String hidden(Set<String> names) {
		return "<the value of baked secret " + String.join(", ", names) + ", not shown>";
	}

	/**
	 * Return the description of the innermost exception of the failure's chain.
	 * @param failure the failure
	 * @param secrets the redactor
	 * @return the reason, without a message that may hold a secret
	 */
	static String reason(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> chain = describeChain(failure, secrets);
		return chain.get(chain.size() - 1);
	}

	/**
	 * Describe each exception of the failure's chain by its type and message, until one
	 * whose message holds a secret: from there on, messages are dropped, since that one
	 * and the ones it wraps may hold the value in a form that cannot be recognized, such
	 * as a token of an expression.
	 * @param failure the failure
	 * @param secrets the redactor
	 * @return one description per exception, outermost first
	 */
	static List<String> describeChain(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> descriptions = new ArrayList<>();
		boolean secretSeen = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			secretSeen = secretSeen || (message != null && secrets.containsSecret(message));
			descriptions.add(cause.getClass().getName() + ((message != null)
					? (secretSeen ? " (message not shown, as it may hold the value of a baked secret)" : ": " + message)
					: ""));
		}
		return descriptions;
	}

	/**
	 * Return what the failure report logs at debug level: the failure's chain, described
	 * without the messages that may hold a secret, and its stack trace, but not its
	 * causes, which would print those messages.
	 * @param failure the failure
	 * @param secrets the redactor
	 * @return the redacted failure
	 */
	static Throwable redacted(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> chain = describeChain(failure, secrets);
		StringBuilder message = new StringBuilder(chain.get(0));
		for (String cause : chain.subList(1, chain.size())) {
			message.append("\n  caused by ").append(cause);
		}
		RedactedFailureException redacted = new RedactedFailureException(message.toString());
		redacted.setStackTrace(failure.getStackTrace());
		return redacted;
	}

	/**
	 * A startup failure whose messages were redacted.
	 */
	static final class RedactedFailureException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RedactedFailureException(String message) {
			super(message);
		}

	}

}
