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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which values read from a baked secrets file may appear in a message: a short,
 * printable value that does not look like base64 is quoted, anything else is described by
 * its length only, so that a ciphertext in the wrong field never reaches a log.
 */
final class Quoting {

	/**
	 * The longest value that is quoted in a message.
	 */
	static final int MAX_QUOTED_LENGTH = 128;

	// A run this long of base64 characters mixing upper case, lower case and digits is
	// what a KMS ciphertext is made of, and what parameter paths and key ARNs are not.
	private static final Pattern BASE64_RUN_CANDIDATE = Pattern.compile("[A-Za-z0-9+/=]{16,}");

	private static final Pattern BASE64_RUN = Pattern
		.compile("(?=[A-Za-z0-9+/=]*[A-Z])(?=[A-Za-z0-9+/=]*[a-z])(?=[A-Za-z0-9+/=]*[0-9])[A-Za-z0-9+/=]{16,}");

	private Quoting() {
	}

	/**
	 * Return whether the value may be quoted in a message.
	 * @param value the value
	 * @return whether it is short, printable and does not look like base64
	 */
	static boolean isQuotable(String value) {
		return value.length() <= MAX_QUOTED_LENGTH && isPrintable(value) && !looksLikeBase64(value);
	}

	/**
	 * Return whether the value holds a run of at least 16 base64 characters that mixes
	 * upper case and lower case letters and digits, as any part of a ciphertext does.
	 * @param value the value
	 * @return whether it looks like base64
	 */
	static boolean looksLikeBase64(String value) {
		Matcher matcher = BASE64_RUN_CANDIDATE.matcher(value);
		while (matcher.find()) {
			if (BASE64_RUN.matcher(matcher.group()).matches()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the value in single quotes if it may be quoted, otherwise a description that
	 * gives only its length.
	 * @param value the value
	 * @return the quoted value or its description
	 */
	static String quote(String value) {
		return isQuotable(value) ? "'" + value + "'" : "(a value of " + value.length() + " characters, not shown)";
	}

	/**
	 * Return whether every character of the text is printable: no control, format or
	 * separator characters other than the space, and no unpaired surrogates or unassigned
	 * or private code points.
	 * @param text the text
	 * @return whether printable
	 */
	static boolean isPrintable(String text) {
		return text.codePoints().allMatch(Quoting::isPrintable);
	}

	private static boolean isPrintable(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
				false;
			default -> true;
		};
	}

}
