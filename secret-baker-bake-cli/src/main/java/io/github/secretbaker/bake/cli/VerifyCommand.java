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

import io.github.secretbaker.bake.AwsClientOptions;
import io.github.secretbaker.bake.verify.AssumedRole;
import io.github.secretbaker.bake.verify.DecryptVerifier;
import io.github.secretbaker.bake.verify.VerifyFinding;
import io.github.secretbaker.bake.verify.VerifyReport;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kms.KmsClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code verify} command: proves before a deploy, with a KMS {@code Decrypt} dry run
 * per entry, that the function's role can decrypt every secret of a baked file.
 *
 * @since 0.1.0
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Checks that a role can decrypt every secret of a baked file, with a KMS Decrypt dry run per "
				+ "entry (its ciphertext, encryption context and recorded key): no call ever returns a plaintext. "
				+ "Each failure names the secret, the parameter, the key and the reason; for access denied, the IAM "
				+ "statement to add. As the caller's credentials, or as --role-arn assumed through STS.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:Every secret would decrypt.", "1:At least one secret would not decrypt.",
				"2:Bad usage or an invalid baked file.",
				"3:AWS failure (the role cannot be assumed, KMS cannot be reached) or I/O failure." })
public final class VerifyCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Spec
	CommandSpec spec;

	@Mixin
	AwsOptions awsOptions;

	@Mixin
	RoleOptions roleOptions;

	@Mixin
	OutputOptions outputOptions;

	@Option(names = { "-f", "--file" }, paramLabel = "FILE", defaultValue = BakedSecretsFile.DEFAULT_FILE_NAME,
			description = "The baked secrets file to verify. Default: ${DEFAULT-VALUE}.")
	Path file;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
	CheckCommand.TextOrJson format;

	@Override
	public Integer call() {
		this.awsOptions.validate(this.spec.commandLine());
		String problem = this.roleOptions.problem();
		if (problem != null) {
			throw new ParameterException(this.spec.commandLine(), problem);
		}
		BakedSecrets baked = BakedSecretsFile.read(this.file);
		VerifyReport report = verify(baked, this.awsOptions, this.roleOptions);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.format == CheckCommand.TextOrJson.json) {
			out.print(JSON.writeValueAsString(toJson(this.file, report)) + "\n");
		}
		else {
			print(out, this.file, report, this.outputOptions.quiet);
		}
		out.flush();
		return report.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
	}

	/**
	 * Verify a baked file as the caller or as the role of the options, in the region of
	 * the options, else the region the file's parameter ARNs name.
	 * @param baked the baked secrets
	 * @param awsOptions how to reach KMS and STS
	 * @param roleOptions as whom
	 * @return the report
	 */
	static VerifyReport verify(BakedSecrets baked, AwsOptions awsOptions, RoleOptions roleOptions) {
		AwsClientOptions options = awsOptions.clientOptions(DecryptVerifier.regionOf(baked));
		AssumedRole role = roleOptions.assume(options);
		try (KmsClient kms = (role != null) ? options.createKmsClient(role.credentials()) : options.createKmsClient()) {
			String principal = (role != null) ? role.sessionArn() : "the caller's own credentials";
			return new DecryptVerifier(kms, awsOptions.concurrency).verify(baked, principal);
		}
	}

	/**
	 * Print a report: a summary line, then one line per failing secret, with the
	 * statement to add for access denied.
	 * @param out where to print
	 * @param file the baked file
	 * @param report the report
	 * @param quiet whether to print only the failures
	 */
	static void print(PrintWriter out, Path file, VerifyReport report, boolean quiet) {
		if (!quiet || !report.passed()) {
			report.summary(file).forEach(out::println);
		}
	}

	static Map<String, Object> toJson(Path file, VerifyReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("file", file.toString());
		json.put("principal", report.principal());
		json.put("passed", report.passed());
		json.put("checkedSecrets", report.checked());
		List<Map<String, @Nullable Object>> findings = report.findings().stream().map(VerifyCommand::toJson).toList();
		json.put("findings", findings);
		return json;
	}

	private static Map<String, @Nullable Object> toJson(VerifyFinding finding) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("secret", finding.secretName());
		json.put("parameterArn", finding.parameterArn());
		json.put("keyArn", finding.keyArn());
		json.put("kind", finding.kind().name());
		json.put("reason", finding.reason());
		json.put("statement", (finding.statement() != null) ? JSON.readTree(finding.statement()) : null);
		return json;
	}

}
