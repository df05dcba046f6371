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
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the property table in this module's README is the one rendered from the
 * configuration metadata the build generates from {@link SecretBakerProperties} (and
 * {@code additional-spring-configuration-metadata.json}), so that the table, the IDE's
 * hints and the Javadoc say the same thing. On a difference, the failure message gives
 * the table to paste.
 */
class ReadmePropertyTableTests {

	// Relative to this module or to secret-baker-boot3-autoconfigure, which runs this
	// suite too.
	private static final Path README = Path.of("..", "secret-baker-autoconfigure", "README.md");

	private static final String MARKER = "<!-- properties: rendered from the configuration metadata by ReadmePropertyTableTests -->\n";

	@Test
	void readmePropertyTableIsRenderedFromTheConfigurationMetadata() throws IOException {
		String expected = render(metadata());
		assertThat(expected).as("the rendered table").contains("| `secret-baker.enabled` |");
		String readme = Files.readString(README);
		int start = readme.indexOf(MARKER);
		assertThat(start).as("the README's property table, after the marker %s", MARKER.strip()).isNotNegative();
		String table = readme.substring(start + MARKER.length());
		Matcher end = Pattern.compile("\\n(?!\\|)").matcher(table);
		String shown = end.find() ? table.substring(0, end.start() + 1) : table;
		assertThat(shown).as("the README's property table; the metadata renders:%n%n%s", expected).isEqualTo(expected);
	}

	/**
	 * Return the properties of every configuration metadata file on the class path: the
	 * test classes have their own, for the test applications' properties.
	 */
	private static List<JsonNode> metadata() throws IOException {
		List<JsonNode> properties = new ArrayList<>();
		Enumeration<URL> resources = ReadmePropertyTableTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				JsonMapper.builder().build().readTree(in).get("properties").forEach(properties::add);
			}
		}
		return properties;
	}

	private static String render(List<JsonNode> metadata) {
		StringBuilder table = new StringBuilder("| property | default | description |\n| --- | --- | --- |\n");
		List<JsonNode> properties = metadata.stream()
			.filter((property) -> property.get("name").asString().startsWith(SecretBakerProperties.PREFIX + "."))
			.sorted(Comparator.comparing((JsonNode property) -> property.get("name").asString()))
			.toList();
		for (JsonNode property : properties) {
			table.append("| `")
				.append(property.get("name").asString())
				.append("` | ")
				.append(defaultValue(property.get("defaultValue")))
				.append(" | ")
				.append(property.has("description") ? property.get("description").asString() : "")
				.append(" |\n");
		}
		return table.toString();
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			return "`" + String.join(",",
					StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).toList()) + "`";
		}
		return "`" + value.asString() + "`";
	}

}
