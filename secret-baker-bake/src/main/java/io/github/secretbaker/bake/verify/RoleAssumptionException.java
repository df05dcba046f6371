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

package io.github.secretbaker.bake.verify;

/**
 * Thrown when STS refuses to let the caller assume the role to check. The message names
 * the role, STS's error code and what to change; it never holds a credential.
 *
 * @since 0.1.0
 */
public class RoleAssumptionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String roleArn;

	/**
	 * Create a new {@link RoleAssumptionException}.
	 * @param roleArn the role that could not be assumed
	 * @param reason why, and what to do
	 * @param cause the STS failure
	 */
	public RoleAssumptionException(String roleArn, String reason, Throwable cause) {
		super("Cannot assume role " + roleArn + ": " + reason, cause);
		this.roleArn = roleArn;
	}

	/**
	 * Return the role that could not be assumed.
	 * @return the role ARN
	 */
	public String getRoleArn() {
		return this.roleArn;
	}

}
