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

package io.github.secretbaker.bake.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DecryptVerifier} found: how many baked secrets it checked, as whom, and
 * those that would fail to decrypt.
 *
 * @param checked the number of secrets checked
 * @param principal who was checked: the assumed role's session ARN, or a description of
 * the caller's own credentials
 * @param findings the secrets that would fail, in the file's order
 * @since 0.1.0
 */
public record VerifyReport(int checked, String principal, List<VerifyFinding> findings) {

	/**
	 * Create a new {@link VerifyReport}.
	 */
	public VerifyReport {
		Objects.requireNonNull(principal, "'principal' must not be null");
		findings = List.copyOf(findings);
	}

	/**
	 * Whether every secret would decrypt.
	 * @return whether nothing was found
	 */
	public boolean passed() {
		return this.findings.isEmpty();
	}

	/**
	 * Return a summary line, then one line per failing secret, each followed by the IAM
	 * statement to add for access denied.
	 * @param file the baked file, to name
	 * @return the lines
	 */
	public List<String> summary(Path file) {
		List<String> lines = new ArrayList<>();
		lines.add("Verified " + this.checked + " secret" + ((this.checked == 1) ? "" : "s") + " of " + file + " as "
				+ this.principal + ": "
				+ (passed() ? "every one would decrypt." : this.findings.size() + " would not decrypt."));
		for (VerifyFinding finding : this.findings) {
			lines.add("  " + finding.describe());
			if (finding.statement() != null) {
				lines.add("    Add this statement to the role's policy, and allow the role in the key policy:");
				finding.statement().lines().forEach((line) -> lines.add("      " + line));
			}
		}
		return lines;
	}

}
