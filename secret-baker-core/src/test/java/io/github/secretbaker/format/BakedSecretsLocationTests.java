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

package io.github.secretbaker.format;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BakedSecretsLocation}.
 */
class BakedSecretsLocationTests {

	private static final BakedSecrets SECRETS = BakedSecrets
		.of(List.of(BakedSecret.of("DB_PASSWORD", "AQID", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db")));

	@TempDir
	Path directory;

	@Test
	void defaultsToTheFileTheBakeWritesAtTheRootOfTheClasspath() {
		assertThat(BakedSecretsLocation.DEFAULT).isEqualTo("classpath:secret-baker-secrets.json");
	}

	@Test
	void readsAClasspathLocationWithTheGivenClassLoaderWithOrWithoutALeadingSlash() throws Exception {
		BakedSecretsFile.write(SECRETS, this.directory.resolve("nested/secrets.json"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, null)) {
			assertThat(BakedSecretsLocation.read("classpath:nested/secrets.json", classLoader).names())
				.containsExactly("DB_PASSWORD");
			assertThat(BakedSecretsLocation.read("classpath:/nested/secrets.json", classLoader).names())
				.containsExactly("DB_PASSWORD");
			assertThat(BakedSecretsLocation.readIfPresent("classpath:nested/secrets.json", null)).isNull();
		}
	}

	@Test
	void readsAFileLocationWithOrWithoutItsPrefix() {
		Path file = this.directory.resolve("secrets.json");
		BakedSecretsFile.write(SECRETS, file);
		assertThat(BakedSecretsLocation.read(BakedSecretsLocation.FILE_PREFIX + file, null).names())
			.containsExactly("DB_PASSWORD");
		assertThat(BakedSecretsLocation.read(file.toString(), null).names()).containsExactly("DB_PASSWORD");
	}

	@Test
	void findsNoFileWhereThereIsNone() {
		assertThat(BakedSecretsLocation.readIfPresent("classpath:no-such-file.json", null)).isNull();
		assertThat(BakedSecretsLocation.readIfPresent("file:" + this.directory.resolve("none.json"), null)).isNull();
	}

	@Test
	void namesTheMissingLocationAndWhatToDo() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsLocation.read("classpath:no-such-file.json", null))
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo("classpath:no-such-file.json");
				assertThat(ex.getMessage()).contains("does not exist; run the bake step before packaging");
			});
	}

	@Test
	void refusesADirectoryAtAFileLocation() throws Exception {
		Path folder = Files.createDirectory(this.directory.resolve("folder"));
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsLocation.read("file:" + folder, null))
			.withMessageContaining("is a directory");
	}

}
