package io.github.secretbaker.bake.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree that remembers the line of every node, so that errors can name
 * it. Tags such as CloudFormation's {@code !Ref} are ignored rather than resolved.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

	/**
	 * Return the line the node starts on, counting from 1.
	 * @return the line
	 */
	int line();

	/**
	 * Read the first document of a YAML file.
	 * @param path the file
	 * @return the root node, or {@code null} if the file holds no document
	 * @throws InvalidManifestException if the file is not valid YAML
	 * @throws UncheckedIOException if the file cannot be read
	 */
	static @Nullable YamlNode read(Path path) {
		try (InputStream in = Files.newInputStream(path)) {
			return Reader.read(in, path.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read '" + path + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * A mapping, with its entries in file order and duplicates kept.
	 *
	 * @param line the line of the mapping
	 * @param entries the entries
	 */
	record Mapping(int line, List<Entry> entries) implements YamlNode {

		@Nullable Entry get(String key) {
			return this.entries.stream().filter((entry) -> entry.key().equals(key)).findFirst().orElse(null);
		}

	}

	/**
	 * One entry of a mapping.
	 *
	 * @param key the key
	 * @param line the line of the key
	 * @param value the value
	 */
	record Entry(String key, int line, YamlNode value) {

	}

	/**
	 * A sequence.
	 *
	 * @param line the line of the sequence
	 * @param items the items
	 */
	record Sequence(int line, List<YamlNode> items) implements YamlNode {

	}

	/**
	 * A scalar; {@code null} text is YAML's null (an empty value).
	 *
	 * @param line the line of the scalar
	 * @param text the text or {@code null}
	 */
	record Scalar(int line, @Nullable String text) implements YamlNode {

		boolean isEmpty() {
			return this.text == null || this.text.isBlank();
		}

	}

	/**
	 * Streaming reader building the tree.
	 */
	final class Reader {

		private static final YAMLFactory YAML = new YAMLFactory();

		private Reader() {
		}

		static @Nullable YamlNode read(InputStream in, String source) {
			try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), in)) {
				JsonToken token = parser.nextToken();
				return (token != null) ? readNode(parser, token) : null;
			}
			catch (JacksonException ex) {
				// SnakeYAML's own message quotes the offending line, and a serverless.yml often
				// holds clear environment values: report only where and what kind of problem.
				TokenStreamLocation location = ex.getLocation();
				String where = (location != null)
						? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
				throw new InvalidManifestException(source, List.of("is not valid YAML" + where + ": "
						+ describeProblem(ex) + "; fix the syntax there (the file content is not shown)"));
			}
		}

		private static String describeProblem(JacksonException ex) {
			String kind = (ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "";
			return switch (kind) {
				case "ScannerException" -> "a character that cannot appear there, such as an unclosed quote, "
						+ "an unknown escape or a tab used for indentation";
				case "ParserException" -> "a structure that YAML does not allow there, such as wrong "
						+ "indentation, an unclosed bracket or a missing ':' or '-'";
				case "ComposerException" -> "an anchor or alias that cannot be resolved";
				case "ReaderException" -> "a character that YAML does not allow in a file";
				default -> "a syntax error";
			};
		}

		private static YamlNode readNode(JsonParser parser, JsonToken token) {
			int line = parser.currentTokenLocation().getLineNr();
			return switch (token) {
				case START_OBJECT -> {
					List<Entry> entries = new ArrayList<>();
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String key = parser.currentName();
						int keyLine = parser.currentTokenLocation().getLineNr();
						entries.add(new Entry(key, keyLine, readNode(parser, parser.nextToken())));
					}
					yield new Mapping(line, entries);
				}
				case START_ARRAY -> {
					List<YamlNode> items = new ArrayList<>();
					JsonToken item = parser.nextToken();
					while (item != JsonToken.END_ARRAY) {
						items.add(readNode(parser, item));
						item = parser.nextToken();
					}
					yield new Sequence(line, items);
				}
				case VALUE_NULL -> new Scalar(line, null);
				default -> new Scalar(line, parser.getString());
			};
		}

	}

}
