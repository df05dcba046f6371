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

package io.github.secretbaker.kms.internal;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Where an {@link io.github.secretbaker.kms.http.HttpKmsDecrypter} takes its credentials
 * from, chosen once from the environment so that a Lambda function pays only for the
 * provider that will answer, not for the SDK's whole default chain.
 *
 * @since 0.1.0
 */
public enum CredentialsSource {

	/**
	 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
	 * {@code AWS_SESSION_TOKEN}, as Lambda sets them for an on-demand start.
	 */
	ENVIRONMENT("the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
			"set both, with AWS_SESSION_TOKEN for temporary credentials"),

	/**
	 * The container credentials endpoint of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or
	 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}, as Lambda SnapStart and ECS set it.
	 */
	CONTAINER(
			"the container credentials endpoint of AWS_CONTAINER_CREDENTIALS_FULL_URI or "
					+ "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
			"check that endpoint and AWS_CONTAINER_AUTHORIZATION_TOKEN or AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"),

	/**
	 * The AWS SDK's default chain, off Lambda.
	 */
	DEFAULT_CHAIN(
			"the AWS SDK's default chain (system properties, environment variables, web identity token, "
					+ "profile files, container and instance profile)",
			"set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an IAM role"),

	/**
	 * A provider given to the client.
	 */
	SUPPLIED("the given credentials provider", "check that provider");

	static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";

	static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

	static final String CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

	static final String CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

	private final String description;

	private final String action;

	CredentialsSource(String description, String action) {
		this.description = description;
		this.action = action;
	}

	/**
	 * Choose the source from the environment variables, in the order of the SDK's default
	 * chain: keys in the environment, then the container endpoint, then the whole chain.
	 * @param environment the environment variables
	 * @return the source
	 */
	static CredentialsSource choose(Function<String, @Nullable String> environment) {
		if (isSet(environment, ACCESS_KEY_ID) && isSet(environment, SECRET_ACCESS_KEY)) {
			return ENVIRONMENT;
		}
		if (isSet(environment, CONTAINER_CREDENTIALS_FULL_URI)
				|| isSet(environment, CONTAINER_CREDENTIALS_RELATIVE_URI)) {
			return CONTAINER;
		}
		return DEFAULT_CHAIN;
	}

	/**
	 * Return what this source is, for messages.
	 * @return the description
	 */
	String description() {
		return this.description;
	}

	/**
	 * Describe a failure to get credentials from this source in one line: the source that
	 * was tried and what to set. The provider's own message is left out: the SDK's chain
	 * quotes every provider it tried.
	 * @param ex what the provider threw
	 * @return the description
	 */
	String describeFailure(Throwable ex) {
		return "cannot get AWS credentials from " + this.description + " (" + ex.getClass().getSimpleName() + "); "
				+ this.action;
	}

	private static boolean isSet(Function<String, @Nullable String> environment, String name) {
		String value = environment.apply(name);
		return value != null && !value.isBlank();
	}

}
