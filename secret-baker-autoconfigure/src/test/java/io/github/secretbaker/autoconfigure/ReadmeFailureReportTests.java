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

package io.github.secretbaker.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the failure report this module's README shows is the one an application
 * prints when KMS denies the decryption of one of its three secrets, with the local
 * server's key ids in place of the README's.
 */
@LocalAwsTest(region = "eu-west-1")
@ExtendWith(OutputCaptureExtension.class)
class ReadmeFailureReportTests {

	private static final String README_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String README_OTHER_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/5678abcd-56ab-78cd-90ef-5678901234ab";

	// Relative to this module or to secret-baker-boot3-autoconfigure, which runs this
	// suite too.
	private static final Path README = Path.of("..", "secret-baker-autoconfigure", "README.md");

	private static final Pattern README_REPORT = Pattern.compile(
			"<!-- failure-report: printed as ReadmeFailureReportTests prints it -->\\n```text\\n(.*?)```",
			Pattern.DOTALL);

	@TempDir
	Path directory;

	@Test
	void readmeShowsTheReportPrintedWhenKmsDeniesOneSecret(LocalAwsServer server, CapturedOutput output)
			throws IOException {
		String deniedKey = server.createKey();
		String otherKey = server.createKey();
		server.faults().deny("Decrypt", deniedKey);
		List<BakedSecret> secrets = List.of(bake(server, "API_KEY", otherKey), bake(server, "DB_PASSWORD", deniedKey),
				bake(server, "TOKEN", otherKey));
		Path file = this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile.write(BakedSecrets.of(secrets), file);
		DecryptionFailures.assertDecryptionFails(
				() -> new SpringApplicationBuilder(SecretsApplication.class).web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.run("--secret-baker.location=file:" + file, "--secret-baker.endpoint=" + server.endpoint()));
		String printed = report(output.toString()).replace(deniedKey, README_KEY_ARN)
			.replace(otherKey, README_OTHER_KEY_ARN);
		Matcher shown = README_REPORT.matcher(Files.readString(README));
		assertThat(shown.find()).as("the README's failure report, after its marker").isTrue();
		assertThat(shown.group(1)).as("the README's failure report; the code prints:%n%s", printed).isEqualTo(printed);
	}

	private static BakedSecret bake(LocalAwsServer server, String name, String keyArn) {
		return BakedSecretFixtures.bake(server, name, BakedSecretFixtures.randomValue(), keyArn);
	}

	private static String report(String output) {
		int start = output.indexOf("***************************\nAPPLICATION FAILED TO START");
		assertThat(start).as("a failure report in:%n%s", output).isNotNegative();
		String report = output.substring(start);
		Matcher nextLogLine = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T", Pattern.MULTILINE).matcher(report);
		return (nextLogLine.find() ? report.substring(0, nextLogLine.start()) : report).stripTrailing() + "\n";
	}

}
