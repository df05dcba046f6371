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

package io.github.secretbaker.bake.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a drift check.
 *
 * @param checkedSecrets how many secrets the manifest and the file name together
 * @param findings the differences found, in secret name order; empty when the file is up
 * to date
 * @since 0.1.0
 */
public record DriftReport(int checkedSecrets, List<DriftFinding> findings) {

	/**
	 * Create a new {@link DriftReport}.
	 */
	public DriftReport {
		findings = List.copyOf(findings);
	}

	/**
	 * Return whether the file matches the manifest and SSM.
	 * @return whether there are no findings
	 */
	public boolean isClean() {
		return this.findings.isEmpty();
	}

	/**
	 * Return the report as lines for a person: for a clean file, one line saying so;
	 * otherwise a line counting the differences, then one indented line per finding.
	 * @param file the baked file that was checked
	 * @param source where the list of secrets came from, such as the manifest's path
	 * @return the lines
	 */
	public List<String> summary(Path file, String source) {
		if (isClean()) {
			return List.of(file + " is up to date with " + source + " and SSM (" + this.checkedSecrets
					+ ((this.checkedSecrets == 1) ? " secret)" : " secrets)"));
		}
		List<String> lines = new ArrayList<>();
		lines.add(this.findings.size() + ((this.findings.size() == 1) ? " difference" : " differences") + " between "
				+ file + " and " + source + " + SSM: bake again and redeploy");
		this.findings.forEach((finding) -> lines.add("  " + finding.describe()));
		return lines;
	}

}
