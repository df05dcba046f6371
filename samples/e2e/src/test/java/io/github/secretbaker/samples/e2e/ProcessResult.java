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

package io.github.secretbaker.samples.e2e;

import java.time.Duration;

/**
 * What a finished child process left: its exit code and its standard output and error,
 * interleaved.
 *
 * @param command a short description of the command
 * @param exitCode the exit code
 * @param output the combined output
 * @param duration how long it ran
 */
record ProcessResult(String command, int exitCode, String output, Duration duration) {

	boolean succeeded() {
		return this.exitCode == 0;
	}

	/**
	 * Return the last lines of the output, for failure messages.
	 * @return the tail of the output
	 */
	String tail() {
		String[] lines = this.output.split("\n");
		int from = Math.max(0, lines.length - 60);
		return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
	}

	/**
	 * Return the last line that looks like a JSON object: the function's response.
	 * @return the response line
	 * @throws IllegalStateException if there is none
	 */
	String jsonLine() {
		String[] lines = this.output.split("\n");
		for (int i = lines.length - 1; i >= 0; i--) {
			String line = lines[i].trim();
			if (line.startsWith("{") && line.endsWith("}")) {
				return line;
			}
		}
		throw new IllegalStateException(this.command + " printed no JSON response:\n" + tail());
	}

}
