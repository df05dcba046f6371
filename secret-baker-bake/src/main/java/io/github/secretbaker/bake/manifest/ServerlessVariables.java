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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.manifest.YamlNode.Entry;
import io.github.secretbaker.bake.manifest.YamlNode.Mapping;
import io.github.secretbaker.bake.manifest.YamlNode.Scalar;
import io.github.secretbaker.bake.manifest.YamlNode.Sequence;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the Serverless Framework variables of a {@code serverless.yml} that secret
 * paths, names and the region use, as Serverless v3 and v4 do: {@code ${opt:stage}},
 * {@code ${opt:region}}, {@code ${sls:stage}}, {@code ${self:a.b}}, {@code ${env:NAME}}
 * and {@code ${param:NAME}}, with defaults ({@code ${opt:stage, 'dev'}},
 * {@code ${opt:stage, self:provider.stage, "dev"}}) and variables nested in addresses and
 * defaults. Every other source ({@code ssm:}, {@code file(...)}, {@code cf:}, ...) is
 * refused, since reading it would need more than the file. Expansion is bounded: no value
 * longer than an SSM parameter name may be, no chain of variables deeper than
 * {@value #MAX_DEPTH}, no more than {@value #MAX_STEPS} steps for the whole file.
 */
final class ServerlessVariables {

	private static final String DEFAULT_STAGE = "dev";

	private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?|true|false");

	private static final String SOURCES = "opt:stage, opt:region, sls:stage, self:, env: and param:";

	/**
	 * The longest text a variable may expand to, at any step: the most characters an SSM
	 * parameter name or ARN may have, which every resolved value (a path, a name, a
	 * region) stays within.
	 */
	static final int MAX_LENGTH = SecretRequest.MAX_PATH_LENGTH;

	/**
	 * The most variables resolved within one another, such as a chain of {@code self:}
	 * references or variables nested in addresses.
	 */
	static final int MAX_DEPTH = 64;

	/**
	 * The most variables and nodes resolved for one file, aliases expanded.
	 */
	static final int MAX_STEPS = 100_000;

	private final @Nullable Mapping root;

	private final ServerlessOptions options;

	private final Problems problems;

	private final List<String> resolving = new ArrayList<>();

	private int depth;

	private int steps;

	ServerlessVariables(@Nullable YamlNode root, ServerlessOptions options, Problems problems) {
		this.root = (root instanceof Mapping mapping) ? mapping : null;
		this.options = options;
		this.problems = problems;
	}

	/**
	 * Return the node with every variable of its scalars resolved. A scalar that cannot
	 * be resolved is reported and left out; so is a mapping inside a list, a {name, path}
	 * object, that holds one, so that nothing half-resolved is baked.
	 * @param node the node
	 * @param what what the node is, for messages, such as {@code custom.secretBaker}
	 * @return the resolved node, or {@code null} if the node itself cannot be resolved
	 */
	@Nullable YamlNode resolveTree(YamlNode node, String what) {
		step(node.line());
		if (node instanceof Scalar scalar) {
			if (scalar.tag() != null || scalar.text() == null || !scalar.text().contains("${")) {
				return scalar;
			}
			try {
				return resolveScalar(scalar, what);
			}
			catch (UnresolvableVariableException ex) {
				this.problems.add(scalar.line(), what + ": " + ex.getMessage()
						+ ((ex.line != scalar.line()) ? " (in the value at line " + ex.line + ")" : ""));
				return null;
			}
		}
		if (node instanceof Sequence sequence) {
			List<YamlNode> items = new ArrayList<>();
			for (YamlNode item : sequence.items()) {
				YamlNode resolved = (item instanceof Mapping object) ? resolveObject(object)
						: resolveTree(item, "secret");
				if (resolved != null) {
					items.add(resolved);
				}
			}
			return new Sequence(sequence.line(), items);
		}
		Mapping mapping = (Mapping) node;
		List<Entry> entries = new ArrayList<>();
		for (Entry entry : mapping.entries()) {
			if (entry.key().contains("${")) {
				this.problems.add(entry.line(), "key '" + entry.key() + "' holds a Serverless variable, which "
						+ "Serverless resolves only in values, never in keys; write the secret name literally, or "
						+ "use the {name, path} form with the variable in 'name'");
				continue;
			}
			YamlNode value = resolveTree(entry.value(), entryWhat(mapping, entry));
			if (value != null) {
				entries.add(new Entry(entry.key(), entry.line(), value));
			}
		}
		return new Mapping(mapping.line(), entries);
	}

	/**
	 * Return the text of a scalar with its variables resolved, reporting any problem.
	 * @param node the node, such as the value of {@code provider.region}
	 * @param what what the node is, for messages
	 * @return the text, or {@code null} if it is empty or cannot be resolved
	 */
	@Nullable String resolveText(YamlNode node, String what) {
		YamlNode resolved = resolveTree(node, what);
		if (resolved == null) {
			return null;
		}
		if (!(resolved instanceof Scalar scalar) || scalar.tag() != null) {
			this.problems.add(node.line(), what + " must be text, such as eu-west-1");
			return null;
		}
		return scalar.isEmpty() ? null : scalar.text();
	}

	private @Nullable YamlNode resolveObject(Mapping object) {
		int before = this.problems.count();
		YamlNode resolved = resolveTree(object, "secret");
		return (this.problems.count() == before) ? resolved : null;
	}

	private static String entryWhat(Mapping mapping, Entry entry) {
		if (entry.key().equals("name")) {
			return "secret name";
		}
		Entry name = mapping.get("name");
		if (entry.key().equals("path") && name != null && name.value() instanceof Scalar nameScalar
				&& nameScalar.text() != null) {
			return "secret '" + nameScalar.text() + "' path";
		}
		return "secret '" + entry.key() + "' path";
	}

	private YamlNode resolveScalar(Scalar scalar, String what) {
		String text = scalar.text();
		if (text == null || !text.contains("${")) {
			return scalar;
		}
		int line = scalar.line();
		if (text.startsWith("${") && closing(text, 0, line) == text.length() - 1) {
			Value value = evaluate(text.substring(2, text.length() - 1), line);
			if (value instanceof Text literal) {
				return new Scalar(line, literal.text(), null);
			}
			Found found = (Found) value;
			return within(found.address(), text, line, () -> {
				if (found.node() instanceof Scalar) {
					return new Scalar(line, textOf(found, text, line), null);
				}
				return resolveTree(found.node(), what);
			});
		}
		return new Scalar(line, interpolate(text, line), null);
	}

	private String interpolate(String text, int line) {
		StringBuilder result = new StringBuilder();
		int from = 0;
		int start;
		while ((start = text.indexOf("${", from)) >= 0) {
			int end = closing(text, start, line);
			result.append(text, from, start);
			String variable = text.substring(start, end + 1);
			Value value = evaluate(text.substring(start + 2, end), line);
			result.append((value instanceof Text literal) ? literal.text()
					: within(((Found) value).address(), variable, line, () -> textOf((Found) value, variable, line)));
			checkLength(result.length(), line);
			from = end + 1;
		}
		result.append(text, from, text.length());
		checkLength(result.length(), line);
		return result.toString();
	}

	private static void checkLength(int length, int line) {
		if (length > MAX_LENGTH) {
			throw new ExpansionLimitException(line, "the variables here expand to more than " + MAX_LENGTH
					+ " characters, the most an SSM parameter name may have, as when each variable refers to the "
					+ "previous one more than once; write the value literally");
		}
	}

	private void step(int line) {
		if (++this.steps > MAX_STEPS) {
			throw new ExpansionLimitException(line,
					"resolving the variables of this file takes more than " + MAX_STEPS
							+ " steps, as when variables or aliases each refer to the previous ones more than "
							+ "once; write the values literally");
		}
	}

	private String textOf(Found found, String variable, int line) {
		YamlNode node = found.node();
		if (node instanceof Scalar scalar && scalar.tag() == null) {
			YamlNode resolved = resolveScalar(scalar, found.address());
			if (resolved instanceof Scalar text && text.text() != null) {
				return text.text();
			}
			node = resolved;
		}
		String kind = (node instanceof Mapping) ? "a mapping" : (node instanceof Sequence) ? "a list"
				: "tagged " + ((Scalar) node).tag() + ", a CloudFormation function";
		throw new UnresolvableVariableException(line,
				"'" + variable + "' refers to " + found.address() + " (line " + found.node().line() + "), which is "
						+ kind + ", not text; refer to a text value"
						+ ((node instanceof Mapping || node instanceof Sequence)
								? " or make the variable the whole value" : ""));
	}

	private <T> T within(String address, String variable, int line, Supplier<T> resolution) {
		if (this.resolving.contains(address)) {
			List<String> cycle = new ArrayList<>(
					this.resolving.subList(this.resolving.indexOf(address), this.resolving.size()));
			cycle.add(address);
			throw new UnresolvableVariableException(line, "'" + variable + "' refers to itself through "
					+ String.join(" -> ", cycle) + "; break the cycle with a literal value");
		}
		enter(line);
		this.resolving.add(address);
		try {
			return resolution.get();
		}
		finally {
			this.resolving.remove(this.resolving.size() - 1);
			this.depth--;
		}
	}

	private Value evaluate(String body, int line) {
		Value value = tryEvaluate(body, line);
		if (value == null) {
			throw missing(body, line);
		}
		return value;
	}

	private @Nullable Value tryEvaluate(String body, int line) {
		step(line);
		enter(line);
		try {
			List<String> parts = splitDefaults(body, line);
			String reference = parts.get(0).strip();
			Value value = lookup(reference, body, line);
			for (int i = 1; value == null && i < parts.size(); i++) {
				value = fallback(parts.get(i).strip(), body, line);
			}
			if (value instanceof Text literal) {
				checkLength(literal.text().length(), line);
				if (literal.text().contains("${")) {
					// Serverless uses a value from the environment, the command line or a
					// quoted default as it is: it never resolves the variables such a
					// value holds.
					throw new UnresolvableVariableException(line, "'${" + body + "}' gives a value that holds '${', "
							+ "which Serverless uses as it is, without resolving variables in it again (a value of "
							+ "an environment variable, --stage, --param or a quoted default); give the value "
							+ "literally there");
				}
			}
			return value;
		}
		finally {
			this.depth--;
		}
	}

	private void enter(int line) {
		if (this.depth == MAX_DEPTH) {
			throw new ExpansionLimitException(line,
					"variables refer to variables more than " + MAX_DEPTH + " levels deep"
							+ (this.resolving.isEmpty() ? "" : " (" + chain() + ")")
							+ "; refer to the value more directly");
		}
		this.depth++;
	}

	private String chain() {
		int size = this.resolving.size();
		if (size <= 6) {
			return String.join(" -> ", this.resolving);
		}
		return String.join(" -> ", this.resolving.subList(0, 3)) + " -> ... -> "
				+ String.join(" -> ", this.resolving.subList(size - 3, size));
	}

	private @Nullable Value fallback(String fallback, String body, int line) {
		if (fallback.length() >= 2 && (fallback.charAt(0) == '\'' || fallback.charAt(0) == '"')
				&& fallback.charAt(fallback.length() - 1) == fallback.charAt(0)) {
			return new Text(fallback.substring(1, fallback.length() - 1));
		}
		if (LITERAL.matcher(fallback).matches()) {
			return new Text(fallback);
		}
		if (fallback.startsWith("${") && closing(fallback, 0, line) == fallback.length() - 1) {
			return tryEvaluate(fallback.substring(2, fallback.length() - 1), line);
		}
		if (fallback.indexOf(':') > 0 || fallback.startsWith("file(")) {
			return lookup(fallback, body, line);
		}
		throw new UnresolvableVariableException(line,
				"'${" + body + "}' has the default '" + fallback
						+ "', which is neither quoted text nor a variable; quote it ('" + fallback
						+ "'), or write a variable " + "such as self:provider.stage");
	}

	private @Nullable Value lookup(String reference, String body, int line) {
		int colon = reference.indexOf(':');
		int parenthesis = reference.indexOf('(');
		if (parenthesis >= 0 && (colon < 0 || parenthesis < colon)) {
			throw unsupported(body, reference.substring(0, parenthesis) + "(...)", line);
		}
		if (colon <= 0) {
			throw new UnresolvableVariableException(line, "'${" + body + "}' names no variable source; secret-baker "
					+ "resolves " + SOURCES + " (such as ${self:custom.path}); write the value literally");
		}
		String source = reference.substring(0, colon);
		String address = reference.substring(colon + 1).strip();
		if (address.contains("${")) {
			address = interpolate(address, line);
		}
		return switch (source) {
			case "opt" -> switch (address) {
				case "stage" -> text(this.options.stage());
				case "region" -> text(this.options.region());
				default -> throw new UnresolvableVariableException(line,
						"'${" + body + "}' reads the command-line " + "option --" + address
								+ ", which secret-baker does not take (it takes --stage and "
								+ "--region); write the value literally, or pass it with --param " + address
								+ "=VALUE and write ${param:" + address + "}");
			};
			case "sls" -> {
				if (!address.equals("stage")) {
					throw new UnresolvableVariableException(line, "'${" + body + "}' is not resolved by secret-baker, "
							+ "which knows sls:stage only; write the value literally");
				}
				yield new Text(stage(body, line));
			}
			case "self" -> {
				if (address.isEmpty()) {
					throw new UnresolvableVariableException(line, "'${" + body + "}' names the whole file; name a "
							+ "value in it, such as ${self:custom.path}");
				}
				yield found("self:" + address, at(address));
			}
			case "env" -> text(this.options.environment().apply(address));
			case "param" -> param(address, body, line);
			default -> throw unsupported(body, source + ":", line);
		};
	}

	private String stage(String body, int line) {
		String stage = this.options.stage();
		if (stage != null && !stage.isBlank()) {
			return stage;
		}
		YamlNode providerStage = at("provider.stage");
		if (providerStage == null || (providerStage instanceof Scalar scalar && scalar.text() == null)) {
			return DEFAULT_STAGE;
		}
		Found found = new Found(providerStage, "self:provider.stage");
		return within("sls:stage", "${" + body + "}", line, () -> textOf(found, "${" + body + "}", line));
	}

	private @Nullable Value param(String name, String body, int line) {
		String given = this.options.params().get(name);
		if (given != null) {
			return new Text(given);
		}
		String stage = stage("sls:stage", line);
		for (String address : List.of("stages." + stage + ".params." + name, "params." + stage + "." + name,
				"stages.default.params." + name, "params.default." + name)) {
			Value value = found("self:" + address, at(address));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private @Nullable YamlNode at(String address) {
		YamlNode node = this.root;
		for (String step : address.split("\\.", -1)) {
			if (node instanceof Mapping mapping) {
				Entry entry = mapping.get(step);
				node = (entry != null) ? entry.value() : null;
			}
			else if (node instanceof Sequence sequence && step.matches("\\d{1,9}")
					&& Integer.parseInt(step) < sequence.items().size()) {
				node = sequence.items().get(Integer.parseInt(step));
			}
			else {
				return null;
			}
		}
		return node;
	}

	private static @Nullable Value found(String address, @Nullable YamlNode node) {
		if (node == null || (node instanceof Scalar scalar && scalar.text() == null)) {
			return null;
		}
		return new Found(node, address);
	}

	private static @Nullable Value text(@Nullable String text) {
		return (text != null) ? new Text(text) : null;
	}

	private UnresolvableVariableException missing(String body, int line) {
		String reference = splitDefaults(body, line).get(0).strip();
		String variable = "'${" + body + "}'";
		String source = reference.substring(0, reference.indexOf(':'));
		String written = reference.substring(reference.indexOf(':') + 1).strip();
		String address = written.contains("${") ? interpolate(written, line) : written;
		String message = switch (source) {
			case "opt" -> variable + " has no value: pass --" + address + " (secret-baker." + address
					+ " in the Maven plugin), or give a default, such as ${opt:" + address + ", 'value'}";
			case "env" -> variable + " has no value: the environment variable " + address + " is not set; set it, or "
					+ "give a default, such as ${env:" + address + ", 'value'}";
			case "param" -> variable + " has no value: pass --param " + address + "=VALUE (<params> in the Maven "
					+ "plugin), define it under params." + stage(body, line) + " or params.default, or give a default, "
					+ "such as ${param:" + address + ", 'value'}";
			default -> variable + " has no value: the file has no " + address + "; add it, or give a default, such "
					+ "as ${self:" + address + ", 'value'}";
		};
		return new UnresolvableVariableException(line, message);
	}

	private static UnresolvableVariableException unsupported(String body, String source, int line) {
		return new UnresolvableVariableException(line, "'${" + body + "}' reads " + source + ", which secret-baker "
				+ "does not resolve at build time (it resolves " + SOURCES + "); write the value literally, or pass "
				+ "it with --param NAME=VALUE and write ${param:NAME}");
	}

	private static List<String> splitDefaults(String body, int line) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int from = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '\'' || c == '"') {
				i = closingQuote(body, i, line);
			}
			else if (body.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(body.substring(from, i));
				from = i + 1;
			}
		}
		parts.add(body.substring(from));
		return parts;
	}

	private static int closing(String text, int start, int line) {
		int depth = 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (text.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (depth > 0 && (c == '\'' || c == '"')) {
				i = closingQuote(text, i, line);
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new UnresolvableVariableException(line, "a '${' has no closing '}'; close the variable");
	}

	private static int closingQuote(String text, int start, int line) {
		int end = text.indexOf(text.charAt(start), start + 1);
		if (end < 0) {
			throw new UnresolvableVariableException(line,
					"a variable's default opens a quote (" + text.charAt(start) + ") that it never closes; close it");
		}
		return end;
	}

	/**
	 * Where problems go, each with its line.
	 */
	interface Problems {

		void add(int line, String message);

		int count();

	}

	/**
	 * The value of a variable: literal text, or a node of the file still to resolve.
	 */
	private sealed interface Value permits Text, Found {

	}

	private record Text(String text) implements Value {

	}

	private record Found(YamlNode node, String address) implements Value {

	}

	/**
	 * A file whose variables expand beyond a limit, with the line to report; it ends the
	 * resolution of the whole file.
	 */
	static final class ExpansionLimitException extends RuntimeException {

		private final int line;

		ExpansionLimitException(int line, String message) {
			super(message, null, false, false);
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

	/**
	 * A variable that cannot be resolved, with the line to report.
	 */
	private static final class UnresolvableVariableException extends RuntimeException {

		private final int line;

		UnresolvableVariableException(int line, String message) {
			super(message, null, false, false);
			this.line = line;
		}

	}

}
