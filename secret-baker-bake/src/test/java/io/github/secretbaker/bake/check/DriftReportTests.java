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
import java.util.List;

import io.github.secretbaker.bake.check.DriftFinding.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DriftReport}.
 */
class DriftReportTests {

	private static final Path FILE = Path.of("target", "classes", "secret-baker-secrets.json");

	@Test
	void summarizesCleanReportInOneLine() {
		assertThat(new DriftReport(3, List.of()).summary(FILE, "secret-baker.yml"))
			.containsExactly(FILE + " is up to date with secret-baker.yml and SSM (3 secrets)");
	}

	@Test
	void summarizesFindingsWithCountThenOneIndentedLineEach() {
		DriftReport report = new DriftReport(2,
				List.of(new DriftFinding("A", Kind.NEWER_VERSION,
						"/app/a is at version 2 in SSM but version 1 is baked"),
						new DriftFinding("B", Kind.EXTRA_IN_FILE, "in the baked file but not listed in the manifest")));
		assertThat(report.summary(FILE, "pom.xml <secrets>")).containsExactly(
				"2 differences between " + FILE + " and pom.xml <secrets> + SSM: bake again and redeploy",
				"  Secret 'A': /app/a is at version 2 in SSM but version 1 is baked",
				"  Secret 'B': in the baked file but not listed in the manifest");
		assertThat(new DriftReport(1, report.findings().subList(0, 1)).summary(FILE, "x").get(0))
			.startsWith("1 difference between");
	}

}
