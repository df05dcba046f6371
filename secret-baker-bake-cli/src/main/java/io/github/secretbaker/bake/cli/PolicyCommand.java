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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.bake.policy.DecryptPolicy;
import io.github.secretbaker.bake.policy.PolicyGenerator;
import io.github.secretbaker.format.BakedSecretsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code policy} command: prints the least-privilege IAM statement that lets the
 * function decrypt its baked secrets.
 *
 * @since 0.1.0
 */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Prints the IAM statement for the function's role: kms:Decrypt on exactly the key ARNs of the "
				+ "baked file, on condition that " + DecryptPermission.CONDITION_KEY + " is one of the baked parameter "
				+ "ARNs. Reads only the file; needs no AWS access.",
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:The statement was printed.",
				"2:Bad usage, invalid baked file, or an entry without key ARN and no --key-arn.", "3:I/O failure." })
public final class PolicyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = BakedSecretsFile.DEFAULT_FILE_NAME,
			description = "The baked secrets file. Default: ${DEFAULT-VALUE}.")
	Path file;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
			description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
	JsonOrYaml format;

	@Option(names = "--key-arn", paramLabel = "ARN",
			description = "A KMS key ARN to allow, repeatable; needed for entries without key ARN, such as those "
					+ "written by the Node plugin.")
	List<String> keyArns = new ArrayList<>();

	@Option(names = "--document",
			description = "Print a complete policy document (Version and Statement) instead of one statement.")
	boolean document;

	@Override
	public Integer call() {
		DecryptPolicy policy = new PolicyGenerator().generate(BakedSecretsFile.read(this.file), this.keyArns);
		PrintWriter err = this.spec.commandLine().getErr();
		policy.warnings().forEach((warning) -> err.println("warning: " + warning));
		err.flush();
		PrintWriter out = this.spec.commandLine().getOut();
		out.print((this.format == JsonOrYaml.yaml) ? policy.toYaml(this.document) : policy.toJson(this.document));
		out.flush();
		return ExitCodes.OK;
	}

	/**
	 * The output formats of {@code policy}.
	 */
	enum JsonOrYaml {

		json, yaml

	}

}
