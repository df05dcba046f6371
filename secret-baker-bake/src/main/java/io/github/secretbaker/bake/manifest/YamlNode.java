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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.YamlUnicodeReader;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML document as a tree that remembers the line of every node, so that errors can
 * name it. Aliases are resolved to the node they refer to and merge keys ({@code <<}) are
 * applied as YAML 1.1 defines them; duplicate keys, more than one document, recursive
 * aliases, more than {@value Reader#MAX_ALIASES} aliases of lists or mappings and lists
 * or mappings nested more than {@value Reader#MAX_DEPTH} deep (aliases expanded) are
 * refused with their lines. Tags such as CloudFormation's {@code !Ref} are kept, not
 * resolved.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

	/**
	 * Return the line the node starts on, counting from 1.
	 * @return the line
	 */
	int line();

	/**
	 * Read the only document of a YAML file.
	 * @param path the file
	 * @return the root node, or {@code null} if the file holds no document
	 * @throws InvalidManifestException if the file is not valid YAML, holds more than one
	 * document, a duplicate key or a recursive alias
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
	 * A mapping, with its entries in file order, merged entries included.
	 *
	 * @param line the line of the mapping
	 * @param entries the entries, with distinct keys
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
	 * @param tag a local tag such as {@code !Ref}, or {@code null} for an untagged scalar
	 */
	record Scalar(int line, @Nullable String text, @Nullable String tag) implements YamlNode {

		boolean isEmpty() {
			return this.text == null || this.text.isBlank();
		}

	}

	/**
	 * Composes the document with SnakeYAML Engine and builds the tree.
	 */
	final class Reader {

		private static final int MAX_NODES = 200_000;

		/**
		 * The most lists and mappings nested in one another; deeper files would exhaust
		 * the stack of the parser, which composes them recursively.
		 */
		static final int MAX_DEPTH = 100;

		/**
		 * The most aliases of lists and mappings: each one can multiply what the tree
		 * holds once expanded (an alias bomb).
		 */
		static final int MAX_ALIASES = 50;

		private final String source;

		private final Map<Integer, List<String>> problemsByLine = new TreeMap<>();

		private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

		private final Map<Node, YamlNode> converted = new IdentityHashMap<>();

		private final Map<Node, Integer> heights = new IdentityHashMap<>();

		private int nodes;

		private Reader(String source) {
			this.source = source;
		}

		static @Nullable YamlNode read(InputStream in, String source) {
			LoadSettings settings = LoadSettings.builder()
				.setLabel(source)
				.setSchema(new CoreSchema())
				.setAllowRecursiveKeys(false)
				.setMaxAliasesForCollections(MAX_ALIASES)
				.setParseComments(false)
				.build();
			Reader reader = new Reader(source);
			NestingLimit parser = new NestingLimit(source,
					new ParserImpl(settings, new StreamReader(settings, new YamlUnicodeReader(in))));
			try {
				Iterator<Node> documents = new Composer(settings, parser);
				if (!documents.hasNext()) {
					return null;
				}
				Node document = documents.next();
				if (documents.hasNext()) {
					Node second = documents.next();
					throw new InvalidManifestException(source,
							List.of("line " + line(second)
									+ ": a second YAML document starts here; keep a single document (remove the '---' "
									+ "separator and what follows, or merge it into the first)"));
				}
				YamlNode root = reader.convert(document, 0);
				reader.throwIfProblems();
				return root;
			}
			catch (MarkedYamlEngineException ex) {
				// SnakeYAML's own message quotes the offending line, and a serverless.yml
				// often holds clear environment values: report only where and what kind
				// of problem. A scanner's context is where the broken token starts, such
				// as the opening quote.
				Optional<Mark> mark = (ex instanceof ScannerException) ? ex.getContextMark().or(ex::getProblemMark)
						: ex.getProblemMark().or(ex::getContextMark);
				String where = mark.map((m) -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
					.orElse("");
				throw new InvalidManifestException(source, List.of("is not valid YAML" + where + ": "
						+ describeProblem(ex) + "; fix the syntax there (the file content is not shown)"));
			}
			catch (YamlEngineException ex) {
				String where = (parser.line > 0) ? " at line " + parser.line : "";
				throw new InvalidManifestException(source, List.of("is not valid YAML" + where + ": "
						+ describeProblem(ex) + "; fix the file (its content is not shown)"));
			}
		}

		private static String describeProblem(YamlEngineException ex) {
			if (ex instanceof ScannerException) {
				return "a character that cannot appear there, such as an unclosed quote, an unknown escape or a tab "
						+ "used for indentation";
			}
			if (ex instanceof ParserException) {
				return "a structure that YAML does not allow there, such as wrong indentation, an unclosed bracket "
						+ "or a missing ':' or '-'";
			}
			if (ex instanceof ComposerException composer) {
				// Only SnakeYAML's fixed wording is tested, never passed on: it goes on
				// to quote the file.
				String problem = composer.getProblem();
				if (problem.startsWith("found undefined alias")) {
					return "an alias (*name) that refers to no anchor (&name) defined before it";
				}
				if (problem.startsWith("Expected mapping node")) {
					return "a merge key '<<' that does not take a mapping or a list of mappings, such as "
							+ "'<<: *defaults'";
				}
				return "an anchor or an alias that cannot be used there";
			}
			if (ex instanceof ReaderException) {
				return "a character that YAML does not allow in a file";
			}
			// Only SnakeYAML's fixed wording is tested, never passed on.
			if (String.valueOf(ex.getMessage()).startsWith("Number of aliases for non-scalar nodes exceeds")) {
				return "more than " + MAX_ALIASES + " aliases (*name) of lists or mappings, each of which can "
						+ "multiply the document (an alias bomb); use fewer aliases";
			}
			return "a construct the parser refuses, such as a key that contains its own mapping or a document "
					+ "larger than 3 MB";
		}

		private void problem(int line, String message) {
			this.problemsByLine.computeIfAbsent(line, (key) -> new ArrayList<>()).add("line " + line + ": " + message);
		}

		private void throwIfProblems() {
			if (!this.problemsByLine.isEmpty()) {
				throw new InvalidManifestException(this.source,
						this.problemsByLine.values().stream().flatMap(List::stream).toList());
			}
		}

		/**
		 * Convert a node, refusing lists and mappings nested too deep once aliases are
		 * expanded, since what reads the tree recurses as deep.
		 * @param node the node
		 * @param level how many lists and mappings enclose the node
		 * @return the converted node
		 */
		private YamlNode convert(Node node, int level) {
			int line = line(node);
			YamlNode done = this.converted.get(node);
			int height = (done != null) ? this.heights.get(node) : (node instanceof ScalarNode) ? 0 : 1;
			if (level + height > MAX_DEPTH) {
				throw new InvalidManifestException(this.source, List.of("line " + line + ": lists and mappings "
						+ "are nested more than " + MAX_DEPTH + " deep here, aliases expanded; flatten the file"));
			}
			if (done != null) {
				return done;
			}
			if (this.inProgress.put(node, Boolean.TRUE) != null) {
				throw new InvalidManifestException(this.source, List.of("line " + line
						+ ": an alias refers to a node that contains the alias itself; YAML cannot express that here"));
			}
			if (++this.nodes > MAX_NODES) {
				throw new InvalidManifestException(this.source, List
					.of("has more than " + MAX_NODES + " nodes once its aliases are expanded; use fewer aliases"));
			}
			YamlNode result;
			if (node instanceof ScalarNode scalar) {
				result = new Scalar(line, Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(),
						localTag(scalar.getTag()));
			}
			else if (node instanceof SequenceNode sequence) {
				List<YamlNode> items = new ArrayList<>();
				sequence.getValue().forEach((item) -> items.add(convert(item, level + 1)));
				result = new Sequence(line, items);
			}
			else {
				result = convertMapping((MappingNode) node, line, level);
			}
			this.inProgress.remove(node);
			this.converted.put(node, result);
			this.heights.put(node, height(node));
			return result;
		}

		private int height(Node node) {
			Stream<Node> children = (node instanceof SequenceNode sequence) ? sequence.getValue().stream()
					: (node instanceof MappingNode mapping) ? mapping.getValue().stream().map(NodeTuple::getValueNode)
							: Stream.empty();
			return (node instanceof ScalarNode) ? 0
					: 1 + children.mapToInt((child) -> this.heights.getOrDefault(child, 0)).max().orElse(0);
		}

		private Mapping convertMapping(MappingNode mapping, int line, int level) {
			// With the core schema, SnakeYAML Engine has already applied merge keys as
			// YAML 1.1 defines them: keys written in the mapping win, then earlier merged
			// mappings.
			Map<String, Integer> keyLines = new HashMap<>();
			List<Entry> entries = new ArrayList<>();
			for (NodeTuple tuple : mapping.getValue()) {
				Node keyNode = tuple.getKeyNode();
				int keyLine = line(keyNode);
				YamlNode value = convert(tuple.getValueNode(), level + 1);
				if (!(keyNode instanceof ScalarNode key)) {
					problem(keyLine, "a key that is a list or a mapping: keys must be plain text");
					continue;
				}
				Integer first = keyLines.putIfAbsent(key.getValue(), keyLine);
				if (first != null) {
					problem(keyLine, "key '" + key.getValue()
							+ "' appears more than once in this mapping (first at line " + first + "); keep one");
					continue;
				}
				entries.add(new Entry(key.getValue(), keyLine, value));
			}
			return new Mapping(line, entries);
		}

		private static @Nullable String localTag(Tag tag) {
			String value = tag.getValue();
			return value.startsWith(Tag.PREFIX) ? null : value;
		}

		private static int line(Node node) {
			return node.getStartMark().map((mark) -> mark.getLine() + 1).orElse(1);
		}

	}

	/**
	 * A parser that refuses lists and mappings nested too deep before the composer, which
	 * recurses for each level, runs out of stack, and remembers the line of the last
	 * event for the parser's errors that carry none.
	 */
	final class NestingLimit implements Parser {

		private final String source;

		private final Parser parser;

		private int depth;

		private int line;

		private NestingLimit(String source, Parser parser) {
			this.source = source;
			this.parser = parser;
		}

		@Override
		public boolean checkEvent(Event.ID id) {
			return this.parser.checkEvent(id);
		}

		@Override
		public Event peekEvent() {
			return this.parser.peekEvent();
		}

		@Override
		public boolean hasNext() {
			return this.parser.hasNext();
		}

		@Override
		public Event next() {
			Event event = this.parser.next();
			this.line = event.getStartMark().map((mark) -> mark.getLine() + 1).orElse(this.line);
			switch (event.getEventId()) {
				case SequenceStart, MappingStart -> {
					if (++this.depth > Reader.MAX_DEPTH) {
						throw new InvalidManifestException(this.source,
								List.of("line " + this.line + ": lists and " + "mappings are nested more than "
										+ Reader.MAX_DEPTH + " deep here; flatten the file"));
					}
				}
				case SequenceEnd, MappingEnd -> this.depth--;
				default -> {
				}
			}
			return event;
		}

	}

}
