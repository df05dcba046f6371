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

package io.github.secretbaker.samples.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every release must agree on across the repository: the version its types say they
 * appeared in, and the licence.
 */
class ReleaseConsistencyTests {

	private static final Pattern SINCE = Pattern.compile("^\\s*\\*\\s*@since\\s+(\\S+)", Pattern.MULTILINE);

	private final Path root = Path.of(System.getProperty("consumer.repositoryRoot", "../.."));

	@Test
	void everySinceTagNamesTheVersionBeingBuilt() throws IOException {
		String release = System.getProperty("consumer.projectVersion", "").replace("-SNAPSHOT", "");
		assertThat(release).isNotBlank();
		List<String> mismatches;
		try (Stream<Path> files = Files.walk(this.root)) {
			mismatches = files.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> !isBuildOutput(this.root.relativize(path)))
				.flatMap((path) -> sinceTags(path).stream()
					.filter((since) -> !since.equals(release))
					.map((since) -> this.root.relativize(path) + ": @since " + since))
				.toList();
		}
		assertThat(mismatches).as("@since tags that are not %s, the version in the poms", release).isEmpty();
	}

	@Test
	void licensesTheCodeUnderApacheTwoWithANotice() throws IOException {
		assertThat(Files.readString(this.root.resolve("LICENSE"))).contains("Apache License")
			.contains("Version 2.0, January 2004")
			.contains("END OF TERMS AND CONDITIONS");
		assertThat(Files.readString(this.root.resolve("NOTICE"))).contains("Apache License, Version 2.0")
			.contains("serverless-secret-baker");
		assertThat(Files.readString(this.root.resolve("pom.xml"))).contains("<name>Apache License, Version 2.0</name>");
	}

	private static boolean isBuildOutput(Path relative) {
		for (Path element : relative) {
			if (element.toString().equals("target") || element.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> sinceTags(Path file) {
		try {
			Matcher matcher = SINCE.matcher(Files.readString(file));
			return matcher.results().map((result) -> result.group(1)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
