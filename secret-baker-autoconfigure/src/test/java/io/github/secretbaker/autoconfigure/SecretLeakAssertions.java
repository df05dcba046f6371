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

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates secret values of awkward shapes and asserts that no part of one appears in a
 * text: not the value, not any piece of {@value #MIN_PART_LENGTH} or more characters of
 * it or of the forms Spring derives from it (trimmed, whitespace removed), and not its
 * base64.
 */
public final class SecretLeakAssertions {

	/**
	 * The length from which a piece of a value counts as a leak.
	 */
	public static final int MIN_PART_LENGTH = 6;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int LETTERS = 52;

	private static final SecureRandom random = new SecureRandom();

	private SecretLeakAssertions() {
	}

	/**
	 * Return a new random value with spaces, a comma, single and double quotes, regular
	 * expression characters, a backslash and a trailing newline, which is not a number, a
	 * duration or a valid expression. Each piece between those characters is a word of
	 * six letters and digits that starts with a letter, as an expression parser would
	 * quote it.
	 * @return the value
	 */
	public static String awkwardValue() {
		return random(6) + " " + random(6) + ", " + random(6) + " '" + random(6) + "\"" + random(6) + "(.*)" + random(6)
				+ "+[" + random(6) + "]$\\" + random(6) + "\n";
	}

	/**
	 * Return a new random value that an expression parser reads as a word followed by
	 * more words, which it quotes in its error: words with spaces, a comma, regular
	 * expression characters and a trailing newline between them, but no quote or
	 * backslash.
	 * @return the value
	 */
	public static String expressionValue() {
		return random(6) + " " + random(6) + ", " + random(6) + " (.*)" + random(6) + "+[" + random(6) + "]$"
				+ random(6) + "\n";
	}

	/**
	 * Assert that the given text holds no part of any of the given values.
	 * @param text the text, such as captured output or an endpoint's response
	 * @param values the secret values
	 */
	public static void assertNoPartOfAny(CharSequence text, Iterable<String> values) {
		values.forEach((value) -> assertNoPartOf(text, value));
	}

	/**
	 * Assert that the given text holds no part of the given value: no piece of
	 * {@value #MIN_PART_LENGTH} characters of it, trimmed or with its whitespace removed,
	 * and not its base64. Any longer piece holds one of these.
	 * @param text the text, such as captured output or an endpoint's response
	 * @param value the secret value
	 */
	public static void assertNoPartOf(CharSequence text, String value) {
		String string = text.toString();
		for (String piece : pieces(value)) {
			assertThat(string).as("a piece of a secret value").doesNotContain(piece);
		}
		assertThat(string).as("the base64 of a secret value")
			.doesNotContain(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static Set<String> pieces(String value) {
		Set<String> pieces = new LinkedHashSet<>();
		for (String form : new String[] { value, value.strip(), value.replaceAll("\\s", "") }) {
			if (form.length() <= MIN_PART_LENGTH) {
				pieces.add(form);
			}
			for (int start = 0; start + MIN_PART_LENGTH <= form.length(); start++) {
				pieces.add(form.substring(start, start + MIN_PART_LENGTH));
			}
		}
		pieces.remove("");
		return pieces;
	}

	private static String random(int length) {
		StringBuilder builder = new StringBuilder(length);
		builder.append(ALPHANUMERIC.charAt(random.nextInt(LETTERS)));
		for (int i = 1; i < length; i++) {
			builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return builder.toString();
	}

}
