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

import java.io.File;

import io.github.secretbaker.bake.verify.VerifyReport;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Proves before a deploy that the function's role can decrypt every secret of the baked
 * file: a KMS {@code Decrypt} dry run per entry, with its ciphertext, encryption context
 * and recorded key, so no call returns a plaintext. Fails the build naming each secret
 * that would not decrypt, with the IAM statement to add for access denied.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractAwsMojo {

	/**
	 * The baked secrets file to verify.
	 */
	@Parameter(property = "secret-baker.file", defaultValue = DEFAULT_FILE)
	File file;

	/**
	 * The function's execution role, assumed through STS before the check; by default the
	 * build's own credentials are checked.
	 */
	@Parameter(property = "secret-baker.role-arn")
	@Nullable String roleArn;

	/**
	 * The external id that the role's trust policy asks for, with {@code roleArn}.
	 */
	@Parameter(property = "secret-baker.external-id")
	@Nullable String externalId;

	/**
	 * The role session name, with {@code roleArn}; by default
	 * {@code secret-baker-verify}.
	 */
	@Parameter(property = "secret-baker.role-session-name")
	@Nullable String roleSessionName;

	@Override
	String goal() {
		return "verify";
	}

	@Override
	void run() throws MojoFailureException {
		VerifyReport report = new RoleSettings(blankToNull(this.roleArn), blankToNull(this.externalId),
				blankToNull(this.roleSessionName))
			.verify(BakedSecretsFile.read(this.file.toPath()), this);
		String summary = String.join(System.lineSeparator(), report.summary(this.file.toPath()));
		if (!report.passed()) {
			throw new MojoFailureException(summary);
		}
		getLog().info(summary);
	}

}
