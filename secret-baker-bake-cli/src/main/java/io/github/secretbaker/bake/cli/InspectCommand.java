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
import java.util.Objects;
import java.util.concurrent.Callable;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code inspect} command: lists what a baked secrets file holds, never values or
 * ciphertexts.
 *
 * @since 0.1.0
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Prints one line per secret of a baked file: name, parameter ARN, version, key ARN, tier "
				+ "('-' where the file does not say, as in files of the Node plugin) and the value's format "
				+ "(kms-ciphertext, or encryption-sdk-message for the Advanced tier). Never prints values or "
				+ "ciphertexts; needs no AWS access.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:The file was listed.", "2:Bad usage or invalid baked file.", "3:I/O failure." })
public final class InspectCommand implements Callable<Integer> {

	private static final List<String> HEADER = List.of("NAME", "ARN", "VERSION", "KEY", "TIER", "FORMAT");

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = BakedSecretsFile.DEFAULT_FILE_NAME,
			description = "The baked secrets file. Default: ${DEFAULT-VALUE}.")
	Path file;

	@Override
	public Integer call() {
		BakedSecrets secrets = BakedSecretsFile.read(this.file);
		PrintWriter out = this.spec.commandLine().getOut();
		if (secrets.isEmpty()) {
			out.println(this.file + " holds no secrets");
			out.flush();
			return ExitCodes.OK;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADER);
		for (BakedSecret secret : secrets) {
			rows.add(List.of(secret.name(), secret.arn(), orDash(secret.version()), orDash(secret.keyId()),
					orDash(secret.tier()),
					secret.isEncryptionSdkMessage() ? "encryption-sdk-message" : "kms-ciphertext"));
		}
		int[] widths = new int[HEADER.size()];
		for (List<String> row : rows) {
			for (int column = 0; column < widths.length; column++) {
				widths[column] = Math.max(widths[column], row.get(column).length());
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int column = 0; column < widths.length; column++) {
				String cell = row.get(column);
				line.append(cell);
				if (column < widths.length - 1) {
					line.append(" ".repeat(widths[column] - cell.length() + 2));
				}
			}
			out.println(line);
		}
		out.flush();
		return ExitCodes.OK;
	}

	private static String orDash(@Nullable Object value) {
		return Objects.toString(value, "-");
	}

}
