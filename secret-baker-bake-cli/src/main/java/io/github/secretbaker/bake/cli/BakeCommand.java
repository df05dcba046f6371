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

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.secretbaker.bake.BakeProgressListener;
import io.github.secretbaker.bake.BakeResult;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecretsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code bake} command: reads the manifest's parameters from SSM without decrypting
 * them and writes {@code secret-baker-secrets.json}.
 *
 * @since 0.1.0
 */
@Command(name = "bake", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Reads each secret's SSM SecureString with WithDecryption=false and writes the ciphertexts, "
				+ "with parameter ARN, version, key ARN and tier, to the baked secrets file. Never decrypts; needs "
				+ "ssm:GetParameters and ssm:GetParameterHistory, ssm:DescribeParameters on Resource \"*\" to record "
				+ "key ARNs and tiers (without it, a warning and no key ARN), and kms:DescribeKey to record the key "
				+ "ARN of keys given by alias (without it, a warning and the alias ARN).",
				"Refuses, listing every offender at once: String and StringList parameters, parameters "
						+ "encrypted with the AWS managed key alias/aws/ssm, values that are neither KMS ciphertexts "
						+ "nor AWS Encryption SDK messages, missing parameters, versions and labels, and denied "
						+ "reads. On failure the previous file is left untouched.",
				"Bakes Advanced-tier parameters (AWS Encryption SDK messages) with a warning: the function "
						+ "opens them only with the AWS Encryption SDK among its dependencies." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:The file was written.",
				"2:Bad usage, invalid manifest, a guard refusing a parameter, a missing parameter, version or label.",
				"3:AWS failure after retries (including access denied) or the file cannot be written." })
public final class BakeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@ParentCommand
	SecretBakerCommand parent;

	@Mixin
	ManifestOptions manifestOptions;

	@Mixin
	AwsOptions awsOptions;

	@Mixin
	OutputOptions outputOptions;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", defaultValue = BakedSecretsFile.DEFAULT_FILE_NAME,
			description = "The file to write; parent folders are created. Default: ${DEFAULT-VALUE}.")
	Path output;

	@Override
	public Integer call() {
		this.awsOptions.validate(this.spec.commandLine());
		PrintWriter out = this.spec.commandLine().getOut();
		Manifest manifest = this.manifestOptions.load(this.spec.commandLine(), this.awsOptions.region,
				this.parent.environment());
		PrintWriter err = this.spec.commandLine().getErr();
		manifest.warnings().forEach((warning) -> err.println("warning: " + warning));
		err.flush();
		BakeResult result;
		try (Progress progress = new Progress();
				ParameterStoreBaker baker = ParameterStoreBaker
					.builder(this.awsOptions.clientOptions(manifest.region()))
					.concurrency(this.awsOptions.concurrency)
					.progressListener(progress)
					.build()) {
			result = baker.bakeTo(manifest.secrets(), this.output);
		}
		result.warnings().forEach((warning) -> err.println("warning: " + warning));
		err.flush();
		if (this.outputOptions.verbose) {
			Map<String, String> paths = new HashMap<>();
			manifest.secrets().forEach((request) -> paths.put(request.name(), request.path()));
			for (BakedSecret secret : result.secrets()) {
				out.println("  " + secret.name() + " <- " + paths.get(secret.name()) + " (version " + secret.version()
						+ ", key " + secret.keyId() + ", " + secret.tier() + ")");
			}
			out.println("  " + result.getParametersCalls() + " GetParameters calls, " + result.metadataCalls()
					+ " DescribeParameters/GetParameterHistory calls");
		}
		if (!this.outputOptions.quiet) {
			out.println(result.summary(this.output));
		}
		return ExitCodes.OK;
	}

	/**
	 * A progress line on standard error, drawn only on an interactive terminal.
	 */
	private final class Progress implements BakeProgressListener, AutoCloseable {

		private final boolean enabled = !BakeCommand.this.outputOptions.quiet && Terminal.isStandardErrorInteractive();

		private int width;

		@Override
		public synchronized void parametersFetched(int completedCalls, int totalCalls) {
			if (this.enabled) {
				PrintWriter err = BakeCommand.this.spec.commandLine().getErr();
				String line = "Reading parameters from SSM: " + completedCalls + "/" + totalCalls + " calls";
				err.print("\r" + line);
				err.flush();
				this.width = line.length();
			}
		}

		@Override
		public synchronized void close() {
			if (this.width > 0) {
				PrintWriter err = BakeCommand.this.spec.commandLine().getErr();
				err.print("\r" + " ".repeat(this.width) + "\r");
				err.flush();
			}
		}

	}

}
