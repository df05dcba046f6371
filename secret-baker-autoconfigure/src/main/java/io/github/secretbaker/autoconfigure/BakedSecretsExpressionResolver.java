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

import org.springframework.beans.factory.BeanExpressionException;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;

/**
 * The bean factory's expression resolver, wrapped so that an expression that holds a
 * baked secret and fails, such as {@code @Value("#{${RULE}}")}, fails with an exception
 * that names the secret and carries neither the expression nor the parser's error, which
 * quotes the expression and its tokens: Spring copies that message into the exception it
 * logs at WARN level, and startup throws it.
 */
final class BakedSecretsExpressionResolver implements BeanExpressionResolver {

	private final BeanExpressionResolver delegate;

	private final BakedSecretsRedactor secrets;

	BakedSecretsExpressionResolver(BeanExpressionResolver delegate, BakedSecretsRedactor secrets) {
		this.delegate = delegate;
		this.secrets = secrets;
	}

	@Override
	public @Nullable Object evaluate(@Nullable String value, BeanExpressionContext beanExpressionContext) {
		try {
			return this.delegate.evaluate(value, beanExpressionContext);
		}
		catch (BeanExpressionException ex) {
			Set<String> names = this.secrets.findSecretsIn(ex);
			if (value != null) {
				names.addAll(this.secrets.findSecretsWhoseValueAppearsIn(value));
			}
			if (names.isEmpty()) {
				throw ex;
			}
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			BakedSecretExpressionException redacted = new BakedSecretExpressionException(names,
					"Expression parsing failed for the value of baked secret " + String.join(", ", names) + " ("
							+ cause.getClass().getName() + ", whose message is not shown because it may hold the "
							+ "value)");
			redacted.setStackTrace(ex.getStackTrace());
			throw redacted;
		}
	}

	@Override
	public String toString() {
		return "BakedSecretsExpressionResolver[" + this.delegate + "]";
	}

	/**
	 * An expression that holds a baked secret and failed, with neither the expression nor
	 * the parser's error.
	 */
	static final class BakedSecretExpressionException extends BeanExpressionException {

		private static final long serialVersionUID = 1L;

		private final Set<String> secretNames;

		BakedSecretExpressionException(Set<String> secretNames, String message) {
			super(message);
			this.secretNames = Set.copyOf(secretNames);
		}

		/**
		 * Return the names of the secrets the expression held.
		 * @return the secret names
		 */
		Set<String> getSecretNames() {
			return this.secretNames;
		}

	}

}
