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

package io.github.secretbaker.maven;

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.verify.AssumedRole;
import io.github.secretbaker.bake.verify.DecryptVerifier;
import io.github.secretbaker.bake.verify.VerifyReport;
import io.github.secretbaker.format.BakedSecrets;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * As whom the {@code verify} goal and {@code check} with {@code <verify>} check a baked
 * file, and the check itself: a KMS {@code Decrypt} dry run per entry.
 *
 * @param roleArn the role to assume, or {@code null} for the build's own credentials
 * @param externalId the external id of the role's trust policy, or {@code null}
 * @param sessionName the session name, or {@code null} for the default
 */
record RoleSettings(@Nullable String roleArn, @Nullable String externalId, @Nullable String sessionName) {

	/**
	 * Verify a baked file.
	 * @param baked the baked secrets
	 * @param mojo the goal, for its AWS settings
	 * @return the report
	 * @throws MojoFailureException if a setting is invalid
	 */
	VerifyReport verify(BakedSecrets baked, AbstractAwsMojo mojo) throws MojoFailureException {
		if (this.roleArn == null && (this.externalId != null || this.sessionName != null)) {
			throw new MojoFailureException("<externalId> and <roleSessionName> go with <roleArn>");
		}
		AwsClientOptions options = mojo.awsClientOptions(DecryptVerifier.regionOf(baked));
		AssumedRole role = (this.roleArn != null)
				? AssumedRole.assume(options, this.roleArn, this.externalId, this.sessionName) : null;
		try (KmsClient kms = (role != null) ? options.createKmsClient(role.credentials()) : options.createKmsClient()) {
			String principal = (role != null) ? role.sessionArn() : "the build's own credentials";
			return new DecryptVerifier(kms, mojo.concurrency).verify(baked, principal);
		}
	}

}
