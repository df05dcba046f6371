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

import java.util.Collections;

/**
 * Small {@code serverless.yml} files that expand to far more than they hold, shared with
 * the command line's tests.
 */
public final class ExpansionBombs {

	private ExpansionBombs() {
	}

	/**
	 * Return a file whose custom variables each refer to the previous one twice, so that
	 * the secret's path doubles with each level; {@code v0} is on line 2 and {@code vN}
	 * on line {@code N + 2}.
	 * @param first the value of the first variable
	 * @param levels how many variables double the previous one
	 * @return the file content
	 */
	public static String doubling(String first, int levels) {
		StringBuilder yaml = new StringBuilder("custom:\n  v0: '" + first + "'\n");
		for (int i = 1; i <= levels; i++) {
			yaml.append("  v")
				.append(i)
				.append(": ${self:custom.v")
				.append(i - 1)
				.append("}${self:custom.v")
				.append(i - 1)
				.append("}\n");
		}
		return yaml.append("  secretBaker:\n    DB_PASSWORD: /app/${self:custom.v")
			.append(levels)
			.append("}\n")
			.toString();
	}

	/**
	 * Return a file whose custom variables each refer to the previous one, {@code c0} on
	 * line 2 and {@code cN} on line {@code N + 2}, the secret's path to the last one.
	 * @param length how many variables refer to the previous one
	 * @return the file content
	 */
	public static String chain(int length) {
		StringBuilder yaml = new StringBuilder("custom:\n  c0: /app/db\n");
		for (int i = 1; i <= length; i++) {
			yaml.append("  c").append(i).append(": ${self:custom.c").append(i - 1).append("}\n");
		}
		return yaml.append("  secretBaker:\n    DB_PASSWORD: ${self:custom.c").append(length).append("}\n").toString();
	}

	/**
	 * Return a file whose anchored lists each hold the previous one several times, one
	 * list per line from line 1, and whose secrets are the last one.
	 * @param width how many items each list holds
	 * @param levels how many lists hold the previous one
	 * @return the file content
	 */
	public static String aliases(int width, int levels) {
		StringBuilder yaml = new StringBuilder(
				"l0: &l0 [" + String.join(", ", Collections.nCopies(width, "x")) + "]\n");
		for (int i = 1; i <= levels; i++) {
			yaml.append("l")
				.append(i)
				.append(": &l")
				.append(i)
				.append(" [")
				.append(String.join(", ", Collections.nCopies(width, "*l" + (i - 1))))
				.append("]\n");
		}
		return yaml.append("custom:\n  secretBaker: *l").append(levels).append("\n").toString();
	}

	/**
	 * Return a file whose secrets are lists nested in one another.
	 * @param depth how deep the lists nest
	 * @return the file content
	 */
	public static String nesting(int depth) {
		return "custom:\n  secretBaker: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
	}

}
