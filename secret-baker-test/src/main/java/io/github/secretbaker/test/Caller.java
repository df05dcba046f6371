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

package io.github.secretbaker.test;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the ARN that {@code sts:GetCallerIdentity} would return, and for
 * the credentials of an assumed role, the role's ARN, which IAM policies name.
 *
 * @param arn the caller's ARN
 * @param roleArn the ARN of the assumed role, or {@code null} for a user
 */
record Caller(String arn, @Nullable String roleArn) {

	/**
	 * The user that every request is sent by unless its credentials come from the
	 * server's {@code AssumeRole}.
	 * @param accountId the server's account id
	 * @return the caller
	 */
	static Caller user(String accountId) {
		return new Caller("arn:aws:iam::" + accountId + ":user/local", null);
	}

}
