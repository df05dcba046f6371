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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.github.secretbaker.bake.LocalCredentials;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@code verify} goal and {@code check} with {@code <verify>}, run against
 * the local KMS, SSM and STS server.
 */
@LocalAwsTest
@LocalCredentials
class VerifyMojoTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/orders-function";

	private final LocalAwsServer server;

	private final CapturingLog log = new CapturingLog();

	@TempDir
	Path project;

	private String keyArn;

	private String value;

	VerifyMojoTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void bake() throws Exception {
		this.keyArn = this.server.createKey();
		this.value = "s3cr3t, " + UUID.randomUUID() + "\n";
		this.server.putSecureString("/orders/db", this.value, this.keyArn);
		Files.writeString(this.project.resolve("secret-baker.yml"), "secrets:\n  DB_PASSWORD: /orders/db\n");
		BakeMojo bake = configure(new BakeMojo());
		bake.manifest = this.project.resolve("secret-baker.yml").toFile();
		bake.region = this.server.region();
		bake.output = output().toFile();
		bake.execute();
	}

	@Test
	void passesWhenTheRoleCanDecryptEverySecret() throws Exception {
		VerifyMojo verify = configure(new VerifyMojo());
		verify.file = output().toFile();
		verify.roleArn = ROLE;
		verify.externalId = "pipeline-1";
		verify.execute();
		assertThat(this.log.text()).contains("Verified 1 secret of " + output()
				+ " as arn:aws:sts::123456789012:assumed-role/orders-function/secret-baker-verify: every one would decrypt.");
	}

	@Test
	void failsTheBuildNamingTheSecretAndTheStatementWhenTheRoleIsDenied() {
		this.server.faults().denyTo(ROLE, "Decrypt", "*", "PARAMETER_ARN", this.server.parameterArn("/orders/db"));
		VerifyMojo verify = configure(new VerifyMojo());
		verify.file = output().toFile();
		verify.roleArn = ROLE;
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(verify::execute)
			.withMessageContaining("1 would not decrypt")
			.withMessageContaining("Secret 'DB_PASSWORD' (parameter " + this.server.parameterArn("/orders/db"))
			.withMessageContaining("\"kms:EncryptionContext:PARAMETER_ARN\"")
			.withMessageNotContaining(this.value.strip());
	}

	@Test
	void checkWithVerifyFailsOnADisabledKey() {
		this.server.kmsClient().disableKey((request) -> request.keyId(this.keyArn));
		CheckMojo check = configure(new CheckMojo());
		check.manifest = this.project.resolve("secret-baker.yml").toFile();
		check.region = this.server.region();
		check.file = output().toFile();
		check.verify = true;
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(check::execute)
			.withMessageContaining("is up to date")
			.withMessageContaining("as the build's own credentials: 1 would not decrypt")
			.withMessageContaining("(DisabledException): enable " + this.keyArn);
	}

	@Test
	void reportsARoleThatCannotBeAssumedAsAnExecutionFailure() {
		this.server.faults().deny("AssumeRole", ROLE);
		VerifyMojo verify = configure(new VerifyMojo());
		verify.file = output().toFile();
		verify.roleArn = ROLE;
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(verify::execute)
			.withMessageContaining("secret-baker:verify failed: Cannot assume role " + ROLE
					+ ": STS answered AccessDenied (HTTP 403)");
	}

	private <T extends AbstractAwsMojo> T configure(T mojo) {
		mojo.setLog(this.log);
		if (mojo instanceof AbstractSsmMojo ssmMojo) {
			ssmMojo.basedir = this.project.toFile();
		}
		mojo.endpoint = this.server.endpoint().toString();
		mojo.maxAttempts = 2;
		return mojo;
	}

	private Path output() {
		return this.project.resolve("target/classes/secret-baker-secrets.json");
	}

}
