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

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnsupportedSpringBootLineFailureAnalyzer}.
 */
class UnsupportedSpringBootLineFailureAnalyzerTests {

	private final UnsupportedSpringBootLineFailureAnalyzer analyzer = new UnsupportedSpringBootLineFailureAnalyzer();

	@Test
	void saysWhatWasFoundWhatIsSupportedAndWhichStarterToUseInstead() {
		FailureAnalysis analysis = this.analyzer.analyze(new UnsupportedSpringBootLineException("3.5.7",
				SpringBootLine.SPRING_BOOT_4, SpringBootLine.SPRING_BOOT_3));
		assertThat(analysis.getDescription()).startsWith("The application runs Spring Boot 3.5.7, but the "
				+ "secret-baker auto-configuration on its class path (secret-baker-autoconfigure, brought by "
				+ "secret-baker-spring-boot-starter) supports Spring Boot 4.x only.");
		assertThat(analysis.getAction())
			.isEqualTo("Replace the dependency " + "io.github.secretbaker:secret-baker-spring-boot-starter with "
					+ "io.github.secretbaker:secret-baker-spring-boot3-starter (same version), which supports "
					+ "Spring Boot 3.5.x.");
	}

	@Test
	void namesTheSpringBoot4StarterToTheSpringBoot3StarterOnSpringBoot4() {
		FailureAnalysis analysis = this.analyzer.analyze(new UnsupportedSpringBootLineException("4.1.2",
				SpringBootLine.SPRING_BOOT_3, SpringBootLine.SPRING_BOOT_4));
		assertThat(analysis.getDescription()).startsWith("The application runs Spring Boot 4.1.2, but the "
				+ "secret-baker auto-configuration on its class path (secret-baker-boot3-autoconfigure, brought by "
				+ "secret-baker-spring-boot3-starter) supports Spring Boot 3.5.x only.");
		assertThat(analysis.getAction())
			.isEqualTo("Replace the dependency " + "io.github.secretbaker:secret-baker-spring-boot3-starter with "
					+ "io.github.secretbaker:secret-baker-spring-boot-starter (same version), which supports "
					+ "Spring Boot 4.x.");
	}

	@Test
	void listsEverySupportedLineWhenNoneSupportsTheVersionFound() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new UnsupportedSpringBootLineException("2.7.18", SpringBootLine.SPRING_BOOT_4, null));
		assertThat(analysis.getDescription()).startsWith("The application runs Spring Boot 2.7.18, but");
		assertThat(analysis.getAction()).isEqualTo("No secret-baker starter supports Spring Boot 2.7.18. Upgrade "
				+ "the application to a supported Spring Boot line and use its starter:\n"
				+ "    Spring Boot 3.5.x: io.github.secretbaker:secret-baker-spring-boot3-starter\n"
				+ "    Spring Boot 4.x: io.github.secretbaker:secret-baker-spring-boot-starter");
	}

}
