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

package io.github.secretbaker.bake;

import java.util.Objects;
import java.util.regex.Pattern;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

/**
 * A secret to bake: the name it gets in the baked file and the SSM parameter it comes
 * from, optionally pinned to a version or a label.
 *
 * @param name the secret name, a valid {@link BakedSecret#isValidName(String) secret
 * name}: any non-blank printable text, as the Node plugin accepts
 * @param parameter the parameter name (such as {@code /app/db/password}) or full
 * parameter ARN, without selector
 * @param selector the version number or label the secret is pinned to, without the
 * leading colon, or {@code null} for the latest version
 * @since 0.1.0
 */
public record SecretRequest(String name, String parameter, @Nullable String selector) {

	/**
	 * The most characters a parameter name or ARN may have, selector included, as SSM
	 * takes it.
	 * @since 0.1.0
	 */
	public static final int MAX_PATH_LENGTH = 2048;

	private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]+");

	private static final Pattern VERSION = Pattern.compile("[0-9]+");

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

	private static final String ARN_PARAMETER_MARKER = ":parameter/";

	/**
	 * Create a new {@link SecretRequest}, validating every field.
	 * @throws IllegalArgumentException if a field is invalid, with a message saying what
	 * to write instead
	 */
	public SecretRequest {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(parameter, "'parameter' must not be null");
		String problem = findProblem(name, parameter, selector);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/**
	 * Create a request from a name and a path that may end with a selector, such as
	 * {@code /app/db/password}, {@code /app/db/password:3}, {@code /app/db/password:prod}
	 * or {@code arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password:3}.
	 * @param name the secret name
	 * @param path the parameter name or ARN, optionally followed by {@code :version} or
	 * {@code :label}
	 * @return the request
	 * @throws IllegalArgumentException if the name or the path is invalid
	 */
	public static SecretRequest of(String name, String path) {
		Objects.requireNonNull(path, "'path' must not be null");
		String trimmed = path.strip();
		if (trimmed.length() > MAX_PATH_LENGTH) {
			throw new IllegalArgumentException(tooLong(name, trimmed));
		}
		if (trimmed.contains("${")) {
			throw new IllegalArgumentException("path '" + trimmed
					+ "' contains '${': Serverless variables are resolved only in a serverless.yml read with "
					+ "--serverless-config; write the parameter path literally");
		}
		int selectorStart = selectorStart(trimmed);
		if (selectorStart < 0) {
			return new SecretRequest(name, trimmed, null);
		}
		return new SecretRequest(name, trimmed.substring(0, selectorStart), trimmed.substring(selectorStart + 1));
	}

	private static String tooLong(String name, String path) {
		// Not quoted: a path this long would flood the output.
		return "secret '" + name + "' path is " + path.length() + " characters long, more than the " + MAX_PATH_LENGTH
				+ " an SSM parameter name or ARN may have; shorten it";
	}

	private static int selectorStart(String path) {
		if (Arn.isArnLike(path)) {
			int marker = path.indexOf(ARN_PARAMETER_MARKER);
			return (marker < 0) ? -1 : path.indexOf(':', marker + ARN_PARAMETER_MARKER.length());
		}
		return path.indexOf(':');
	}

	/**
	 * Return the path as SSM {@code GetParameters} takes it: the parameter name or ARN,
	 * followed by {@code :selector} when pinned.
	 * @return the path
	 */
	public String path() {
		return (this.selector != null) ? this.parameter + ":" + this.selector : this.parameter;
	}

	/**
	 * Return whether the request is pinned to a version or a label.
	 * @return whether pinned
	 */
	public boolean isPinned() {
		return this.selector != null;
	}

	/**
	 * Return the version the request is pinned to.
	 * @return the version or {@code null} if not pinned to a version
	 */
	public @Nullable Long pinnedVersion() {
		return (this.selector != null && VERSION.matcher(this.selector).matches()) ? Long.valueOf(this.selector) : null;
	}

	/**
	 * Return the label the request is pinned to.
	 * @return the label or {@code null} if not pinned to a label
	 */
	public @Nullable String label() {
		return (this.selector != null && !VERSION.matcher(this.selector).matches()) ? this.selector : null;
	}

	/**
	 * Return whether the parameter is given as a full ARN.
	 * @return whether an ARN
	 */
	public boolean isArn() {
		return Arn.isArnLike(this.parameter);
	}

	private static @Nullable String findProblem(String name, String parameter, @Nullable String selector) {
		if (name.isBlank()) {
			return "a secret name is blank: give every secret a name";
		}
		if (!BakedSecret.isValidName(name)) {
			return "a secret name holds a character that is not printable (a control, format or line separator "
					+ "character): use printable characters only";
		}
		if (parameter.isBlank()) {
			return "secret '" + name + "' has an empty parameter path";
		}
		if (parameter.length() + ((selector != null) ? selector.length() + 1 : 0) > MAX_PATH_LENGTH) {
			return tooLong(name, parameter);
		}
		if (parameter.contains("${")) {
			return "secret '" + name + "' path '" + parameter
					+ "' contains '${': Serverless variables are resolved only in a serverless.yml read with "
					+ "--serverless-config; write the parameter path literally";
		}
		if (Arn.isArnLike(parameter)) {
			if (!BakedSecret.isParameterArn(parameter)) {
				return "secret '" + name + "' path '" + parameter
						+ "' is not an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)";
			}
		}
		else if (!PARAMETER_NAME.matcher(parameter).matches()) {
			return "secret '" + name + "' path '" + parameter
					+ "' is not a valid SSM parameter name: use letters, digits and . - _ /";
		}
		if (selector != null) {
			if (selector.isEmpty()) {
				return "secret '" + name + "' path '" + parameter
						+ ":' has an empty selector: write ':<version>' or ':<label>' or drop the colon";
			}
			if (VERSION.matcher(selector).matches()) {
				if (selector.length() > 18 || Long.parseLong(selector) < 1) {
					return "secret '" + name + "' path '" + parameter + ":" + selector + "' pins version " + selector
							+ ": versions start at 1";
				}
			}
			else if (!LABEL.matcher(selector).matches()) {
				return "secret '" + name + "' path '" + parameter + ":" + selector + "' has label '" + selector
						+ "', which is not a valid SSM label: use letters, digits and . - _";
			}
		}
		return null;
	}

}
