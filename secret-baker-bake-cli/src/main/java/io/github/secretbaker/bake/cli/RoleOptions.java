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

package io.github.secretbaker.bake.cli;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.verify.AssumedRole;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * As whom {@code verify} checks: the caller's own credentials, or a role it assumes
 * first.
 */
final class RoleOptions {

	@Option(names = "--role-arn", paramLabel = "ARN",
			description = "The function's execution role, assumed through STS before the check. Default: the "
					+ "caller's own credentials.")
	@Nullable String roleArn;

	@Option(names = "--external-id", paramLabel = "ID",
			description = "The external id the role's trust policy asks for, with --role-arn.")
	@Nullable String externalId;

	@Option(names = "--role-session-name", paramLabel = "NAME",
			description = "The session name, with --role-arn. Default: " + AssumedRole.DEFAULT_SESSION_NAME + ".")
	@Nullable String sessionName;

	/**
	 * Check that the options that go with {@code --role-arn} are not given without it.
	 * @return what is wrong, or {@code null}
	 */
	@Nullable String problem() {
		if (this.roleArn == null && (this.externalId != null || this.sessionName != null)) {
			return "--external-id and --role-session-name go with --role-arn";
		}
		return null;
	}

	/**
	 * Assume the role, if one is given.
	 * @param options how to reach STS
	 * @return the assumed role, or {@code null} to use the caller's own credentials
	 */
	@Nullable AssumedRole assume(AwsClientOptions options) {
		return (this.roleArn != null) ? AssumedRole.assume(options, this.roleArn, this.externalId, this.sessionName)
				: null;
	}

}
