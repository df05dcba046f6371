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
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.secretbaker.bake.policy.DecryptPolicy;
import io.github.secretbaker.bake.policy.PolicyGenerator;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Prints the least-privilege IAM statement the function's role needs for the baked file,
 * on standard output (so {@code mvn -q secret-baker:policy > policy.json} works) or into
 * {@code policyOutput}: {@code kms:Decrypt} on exactly the keys in the file, only for the
 * baked parameter ARNs as encryption context. Needs no AWS access.
 *
 * @since 0.1.0
 */
@Mojo(name = "policy", threadSafe = true)
public class PolicyMojo extends AbstractSecretBakerMojo {

	/**
	 * The baked secrets file.
	 */
	@Parameter(property = "secret-baker.file", defaultValue = DEFAULT_FILE)
	File file;

	/**
	 * The output format: {@code json} or {@code yaml}.
	 */
	@Parameter(property = "secret-baker.format", defaultValue = "json")
	String format = "json";

	/**
	 * Whether to print a complete policy document rather than one statement.
	 */
	@Parameter(property = "secret-baker.document", defaultValue = "false")
	boolean document;

	/**
	 * KMS key ARNs to allow besides those in the file; needed for entries without a key
	 * ARN, such as those the Node plugin writes.
	 */
	@Parameter(property = "secret-baker.key-arns")
	@Nullable List<String> keyArns;

	/**
	 * A file to write the policy to instead of standard output.
	 */
	@Parameter(property = "secret-baker.policy-output")
	@Nullable File policyOutput;

	/**
	 * Where the policy goes without {@code policyOutput}: standard output, as the goal's
	 * output, which {@code mvn -q} does not hide as it hides the log.
	 */
	PrintStream out = System.out;

	@Override
	String goal() {
		return "policy";
	}

	@Override
	void run() throws MojoFailureException {
		String normalizedFormat = this.format.strip().toLowerCase(Locale.ROOT);
		if (!normalizedFormat.equals("json") && !normalizedFormat.equals("yaml")) {
			throw new MojoFailureException("<format> must be 'json' or 'yaml' but was '" + this.format + "'");
		}
		DecryptPolicy policy = new PolicyGenerator().generate(BakedSecretsFile.read(this.file.toPath()),
				(this.keyArns != null) ? this.keyArns : new ArrayList<>());
		policy.warnings().forEach(getLog()::warn);
		String text = normalizedFormat.equals("yaml") ? policy.toYaml(this.document) : policy.toJson(this.document);
		if (this.policyOutput == null) {
			this.out.print(text);
			this.out.flush();
			return;
		}
		try {
			Files.createDirectories(this.policyOutput.toPath().toAbsolutePath().getParent());
			Files.writeString(this.policyOutput.toPath(), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.policyOutput + ": " + ex.getMessage(), ex);
		}
		getLog().info("Wrote the kms:Decrypt policy for " + this.file + " to " + this.policyOutput);
	}

}
