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

package io.github.secretbaker.aws;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The IAM permission a function needs to decrypt baked secrets: {@code kms:Decrypt} on
 * the given keys, only for the encryption contexts of the given parameters. It is the one
 * model of that statement, which the {@code policy} command prints and the runtime's
 * access-denied report shows.
 *
 * @param keyArns the keys, as key ARNs (or, in a report, what stands for a key not known)
 * @param parameterArns the parameter ARNs the ciphertexts are bound to
 * @since 0.1.0
 */
public record DecryptPermission(List<String> keyArns, List<String> parameterArns) {

	/**
	 * The key of the encryption context that SSM binds each SecureString ciphertext to:
	 * the parameter's ARN.
	 */
	public static final String PARAMETER_ARN_CONTEXT_KEY = "PARAMETER_ARN";

	/**
	 * The IAM condition key that matches that encryption context.
	 */
	public static final String CONDITION_KEY = "kms:EncryptionContext:" + PARAMETER_ARN_CONTEXT_KEY;

	/**
	 * The action the statement allows.
	 */
	private static final String ACTION = "kms:Decrypt";

	/**
	 * The statement id.
	 */
	static final String STATEMENT_ID = "SecretBakerDecrypt";

	private static final String POLICY_VERSION = "2012-10-17";

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Create a new {@link DecryptPermission}.
	 */
	public DecryptPermission {
		keyArns = List.copyOf(keyArns);
		parameterArns = List.copyOf(parameterArns);
	}

	/**
	 * Return the statement as IAM's JSON structure. A list under {@code StringEquals}
	 * matches any one of its values.
	 * @return the statement
	 */
	public Map<String, Object> statement() {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("Sid", STATEMENT_ID);
		statement.put("Effect", "Allow");
		statement.put("Action", ACTION);
		statement.put("Resource", this.keyArns);
		statement.put("Condition", Map.of("StringEquals", Map.of(CONDITION_KEY, this.parameterArns)));
		return statement;
	}

	/**
	 * Return a complete policy document holding the statement.
	 * @return the document
	 */
	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("Version", POLICY_VERSION);
		document.put("Statement", List.of(statement()));
		return document;
	}

	/**
	 * Render the statement, or the whole document, as indented JSON.
	 * @param document whether to render a complete policy document
	 * @return the JSON, ending with a newline
	 */
	public String toJson(boolean document) {
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = JSON.createGenerator(new IndentingWriteContext(), out)) {
			write(generator, document ? document() : statement());
		}
		return out + "\n";
	}

	private static void write(JsonGenerator generator, Object value) {
		if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			map.forEach((name, member) -> {
				generator.writeName((String) name);
				write(generator, member);
			});
			generator.writeEndObject();
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			list.forEach((item) -> write(generator, item));
			generator.writeEndArray();
		}
		else {
			generator.writeString((String) value);
		}
	}

	/**
	 * Write context that indents as Jackson's {@code INDENT_OUTPUT} does.
	 */
	private static final class IndentingWriteContext extends ObjectWriteContext.Base {

		@Override
		public PrettyPrinter getPrettyPrinter() {
			return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
		}

		@Override
		public boolean hasPrettyPrinter() {
			return true;
		}

	}

}
