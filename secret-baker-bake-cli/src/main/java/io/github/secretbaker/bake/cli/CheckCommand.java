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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.check.DriftChecker;
import io.github.secretbaker.bake.check.DriftFinding;
import io.github.secretbaker.bake.check.DriftReport;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.bake.verify.VerifyReport;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code check} command: compares a baked secrets file with the manifest and SSM, the
 * CI gate that says a redeploy is needed after a secret was rotated.
 *
 * @since 0.1.0
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Compares a baked secrets file with the manifest and SSM: secrets missing from the file or "
				+ "extra in it, a newer version in SSM of an unpinned secret, a pinned version or label gone or "
				+ "moved, a changed key or parameter ARN. Files of the Node plugin (no versions) are compared by "
				+ "ciphertext. Never decrypts and never prints values.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:The file is up to date.",
				"1:Differences were found: bake again and redeploy (or, with --verify, a secret would not decrypt).",
				"2:Bad usage, invalid manifest or baked file.",
				"3:AWS failure after retries (including access denied) or I/O failure." })
public final class CheckCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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

	@Option(names = { "-f", "--file" }, paramLabel = "FILE", defaultValue = BakedSecretsFile.DEFAULT_FILE_NAME,
			description = "The baked secrets file to check. Default: ${DEFAULT-VALUE}.")
	Path file;

	@Option(names = "--verify",
			description = "Also prove, with a KMS Decrypt dry run per entry, that the role can decrypt every secret of "
					+ "the file, as the verify command does.")
	boolean verify;

	@Mixin
	RoleOptions roleOptions;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
	TextOrJson format;

	@Override
	public Integer call() {
		this.awsOptions.validate(this.spec.commandLine());
		String problem = this.roleOptions.problem();
		if (problem == null && !this.verify && this.roleOptions.roleArn != null) {
			problem = "--role-arn goes with --verify";
		}
		if (problem != null) {
			throw new ParameterException(this.spec.commandLine(), problem);
		}
		BakedSecrets baked = BakedSecretsFile.read(this.file);
		Manifest manifest = this.manifestOptions.load(this.spec.commandLine(), this.awsOptions.region,
				this.parent.environment());
		PrintWriter err = this.spec.commandLine().getErr();
		manifest.warnings().forEach((warning) -> err.println("warning: " + warning));
		err.flush();
		DriftReport report;
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(this.awsOptions.clientOptions(manifest.region()))
			.concurrency(this.awsOptions.concurrency)
			.build()) {
			report = new DriftChecker(baker).check(baked, manifest.secrets());
		}
		VerifyReport verified = this.verify ? VerifyCommand.verify(baked, this.awsOptions, this.roleOptions) : null;
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.format == TextOrJson.json) {
			out.print(toJson(report, verified));
		}
		else {
			if (!this.outputOptions.quiet) {
				report.summary(this.file, manifest.source()).forEach(out::println);
			}
			if (verified != null) {
				VerifyCommand.print(out, this.file, verified, this.outputOptions.quiet);
			}
		}
		out.flush();
		boolean passed = report.isClean() && (verified == null || verified.passed());
		return passed ? ExitCodes.OK : ExitCodes.FINDINGS;
	}

	private String toJson(DriftReport report, @Nullable VerifyReport verified) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("file", this.file.toString());
		json.put("clean", report.isClean());
		json.put("checkedSecrets", report.checkedSecrets());
		List<Map<String, String>> findings = report.findings().stream().map(CheckCommand::toJson).toList();
		json.put("findings", findings);
		if (verified != null) {
			json.put("verify", VerifyCommand.toJson(this.file, verified));
		}
		return JSON.writeValueAsString(json) + "\n";
	}

	private static Map<String, String> toJson(DriftFinding finding) {
		Map<String, String> json = new LinkedHashMap<>();
		json.put("secret", finding.secretName());
		json.put("kind", finding.kind().name());
		json.put("message", finding.message());
		return json;
	}

	/**
	 * The output formats of {@code check}.
	 */
	enum TextOrJson {

		text, json

	}

}
