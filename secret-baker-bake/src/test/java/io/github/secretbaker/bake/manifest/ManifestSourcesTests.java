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

package io.github.secretbaker.bake.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.bake.SecretRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ManifestSources}.
 */
class ManifestSourcesTests {

	@TempDir
	Path folder;

	@Test
	void combinesEverySourceInTheOrderTheyWereAdded() throws IOException {
		Path manifest = write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n");
		Path serverless = write("serverless.yml", "custom:\n  secretBaker:\n    - API_KEY\n");
		Manifest combined = new ManifestSources().manifest(manifest, "--manifest")
			.serverlessConfig(serverless, new ServerlessOptions(null, null, Map.of(), (name) -> null),
					"--serverless-config")
			.secrets(Manifest.parseArguments(List.of("TOKEN=/app/token:2")), "--secret")
			.load(null, "unused");
		assertThat(combined.secrets()).containsExactly(new SecretRequest("DB_PASSWORD", "/app/db", null),
				new SecretRequest("API_KEY", "API_KEY", null), new SecretRequest("TOKEN", "/app/token", "2"));
		assertThat(combined.source()).isEqualTo(manifest + " + " + serverless + " + --secret");
	}

	@Test
	void refusesASecretListedByTwoSourcesSayingHowToSwitchOneOff() throws IOException {
		Path manifest = write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n");
		Path serverless = write("serverless.yml", "custom:\n  secretBaker:\n    - API_KEY\n");
		ManifestSources sources = new ManifestSources().manifest(manifest, "<manifest>")
			.serverlessConfig(serverless, new ServerlessOptions(null, null, Map.of(), (name) -> null),
					"<serverlessConfig>")
			.secrets(Manifest.parseArguments(List.of("DB_PASSWORD=/other/db")), "<secrets>");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> sources.load(null, "unused"))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("secret 'DB_PASSWORD' is listed both in "
					+ manifest + " and in --secret; list it in one of them, or switch one source off by removing "
					+ "<manifest> or <secrets>"));
	}

	@Test
	void loadsTheDefaultManifestOnlyWhenNoSourceWasAdded() throws IOException {
		Path defaultManifest = write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n");
		ManifestSources none = new ManifestSources();
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.load(defaultManifest, "unused").secrets())
			.containsExactly(new SecretRequest("DB_PASSWORD", "/app/db", null));
		ManifestSources inline = new ManifestSources().secrets(Manifest.parseArguments(List.of("API_KEY=/app/api")),
				"--secret");
		assertThat(inline.isEmpty()).isFalse();
		assertThat(inline.load(defaultManifest, "unused").secrets())
			.containsExactly(new SecretRequest("API_KEY", "/app/api", null));
	}

	@Test
	void saysWhereTheMissingDefaultManifestWasLookedForAndWhatElseToDo() {
		Path defaultManifest = this.folder.resolve("secret-baker.yml");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> new ManifestSources().load(defaultManifest, "pass --manifest or --secret"))
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo(defaultManifest.toString());
				assertThat(ex.getProblems())
					.containsExactly("no such manifest file (working directory " + Path.of("").toAbsolutePath()
							+ "): create it with a 'secrets:' key, or pass --manifest or --secret");
			});
	}

	@Test
	void saysNoSecretsAreConfiguredWhenThereIsNoDefaultManifestEither() {
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> new ManifestSources().load(null, "configure <secrets>"))
			.satisfies(
					(ex) -> assertThat(ex.getProblems()).containsExactly("no secrets configured: configure <secrets>"));
	}

	@Test
	void failsForAnAddedManifestThatDoesNotExistEvenWhenTheDefaultDoes() throws IOException {
		Path defaultManifest = write("secret-baker.yml", "secrets:\n  DB_PASSWORD: /app/db\n");
		Path missing = this.folder.resolve("other.yml");
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> new ManifestSources().manifest(missing, "--manifest").load(defaultManifest, "unused"))
			.satisfies((ex) -> assertThat(ex.getSource()).isEqualTo(missing.toString()));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

}
