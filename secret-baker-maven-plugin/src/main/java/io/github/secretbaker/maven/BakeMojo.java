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

import io.github.secretbaker.bake.BakeResult;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.format.BakedSecret;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads each secret's SSM SecureString without decrypting it and writes the ciphertexts
 * to {@code secret-baker-secrets.json} in the build output, so every packaging that
 * follows (repackage, shade, assembly) contains it. Needs {@code ssm:GetParameters} and
 * {@code ssm:GetParameterHistory}, {@code ssm:DescribeParameters} on {@code "*"} to
 * record key ARNs (without it, a warning and no key ARN), and {@code kms:DescribeKey} to
 * record the key ARN of a key given by alias (without it, a warning and the alias ARN);
 * never {@code kms:Decrypt}.
 *
 * @since 0.1.0
 */
@Mojo(name = "bake", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BakeMojo extends AbstractSsmMojo {

	/**
	 * The file to write. On failure the previous file is left untouched.
	 */
	@Parameter(property = "secret-baker.output", defaultValue = DEFAULT_FILE)
	File output;

	@Override
	String goal() {
		return "bake";
	}

	@Override
	void run() throws MojoFailureException {
		Manifest manifest = loadManifest();
		manifest.warnings().forEach(getLog()::warn);
		BakeResult result;
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(awsClientOptions(manifest))
			.concurrency(this.concurrency)
			.build()) {
			result = baker.bakeTo(manifest.secrets(), this.output.toPath());
		}
		result.warnings().forEach(getLog()::warn);
		if (getLog().isDebugEnabled()) {
			for (BakedSecret secret : result.secrets()) {
				getLog().debug("  " + secret.name() + " <- " + secret.arn() + " (version " + secret.version() + ", key "
						+ secret.keyId() + ", " + secret.tier() + ")");
			}
		}
		getLog().info(result.summary(this.output.toPath()));
	}

}
