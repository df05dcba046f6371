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

import io.github.secretbaker.format.InvalidBakedSecretsException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidBakedSecretsFailureAnalyzer}.
 */
class InvalidBakedSecretsFailureAnalyzerTests {

	private final InvalidBakedSecretsFailureAnalyzer analyzer = new InvalidBakedSecretsFailureAnalyzer();

	@Test
	void namesTheFileAndTheEntry() {
		FailureAnalysis analysis = this.analyzer.analyze(new InvalidBakedSecretsException(
				"classpath:secret-baker-secrets.json", "DB_PASSWORD", "has no 'arn'", null));
		assertThat(analysis.getDescription()).contains("'classpath:secret-baker-secrets.json'")
			.contains("(secret 'DB_PASSWORD')")
			.contains("has no 'arn'");
		assertThat(analysis.getAction()).contains("Bake the secrets file again")
			.contains("secret-baker.location")
			.contains("secret-baker.enabled=false");
	}

	@Test
	void namesTheFileWhenNoEntryIsAtFault() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new InvalidBakedSecretsException("file:/var/task/secrets.json", null, "is not valid JSON", null));
		assertThat(analysis.getDescription()).contains("'file:/var/task/secrets.json' cannot be used:")
			.doesNotContain("(secret");
	}

}
