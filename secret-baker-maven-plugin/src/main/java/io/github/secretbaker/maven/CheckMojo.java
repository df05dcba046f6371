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

import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.check.DriftChecker;
import io.github.secretbaker.bake.check.DriftReport;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.bake.verify.VerifyReport;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The drift gate: compares the baked file with the configured secrets and SSM, and fails
 * the build when they differ (a secret missing or extra, a newer version of an unpinned
 * secret, a pinned version or label gone, a changed key), which says that a bake and a
 * redeploy are needed after a rotation.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSsmMojo {

	/**
	 * The baked secrets file to check.
	 */
	@Parameter(property = "secret-baker.file", defaultValue = DEFAULT_FILE)
	File file;

	/**
	 * Whether differences fail the build; when false they are logged as warnings.
	 */
	@Parameter(property = "secret-baker.fail-on-drift", defaultValue = "true")
	boolean failOnDrift = true;

	/**
	 * Whether to also prove, with a KMS {@code Decrypt} dry run per entry, that the role
	 * can decrypt every secret of the file, as the {@code verify} goal does.
	 */
	@Parameter(property = "secret-baker.verify", defaultValue = "false")
	boolean verify;

	/**
	 * The function's execution role to verify as, with {@code verify}; by default the
	 * build's own credentials.
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
		return "check";
	}

	@Override
	void run() throws MojoFailureException {
		BakedSecrets baked = BakedSecretsFile.read(this.file.toPath());
		Manifest manifest = loadManifest();
		manifest.warnings().forEach(getLog()::warn);
		DriftReport report;
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(awsClientOptions(manifest))
			.concurrency(this.concurrency)
			.build()) {
			report = new DriftChecker(baker).check(baked, manifest.secrets());
		}
		String summary = String.join(System.lineSeparator(), report.summary(this.file.toPath(), manifest.source()));
		VerifyReport verified = null;
		if (this.verify) {
			verified = new RoleSettings(blankToNull(this.roleArn), blankToNull(this.externalId),
					blankToNull(this.roleSessionName))
				.verify(baked, this);
			summary += System.lineSeparator()
					+ String.join(System.lineSeparator(), verified.summary(this.file.toPath()));
		}
		else if (blankToNull(this.roleArn) != null) {
			throw new MojoFailureException("<roleArn> goes with <verify>true</verify>");
		}
		boolean passed = report.isClean() && (verified == null || verified.passed());
		if (passed) {
			getLog().info(summary);
			return;
		}
		if (this.failOnDrift || (verified != null && !verified.passed())) {
			throw new MojoFailureException(summary);
		}
		getLog().warn(summary);
	}

}
