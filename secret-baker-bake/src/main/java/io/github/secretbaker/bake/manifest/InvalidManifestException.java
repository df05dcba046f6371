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

import java.util.List;

/**
 * Thrown when a manifest cannot be used, listing every problem at once, each naming the
 * file and line or the argument at fault.
 *
 * @since 0.1.0
 */
public class InvalidManifestException extends RuntimeException {

	private final String source;

	private final List<String> problems;

	/**
	 * Create a new instance.
	 * @param source the manifest file or argument at fault
	 * @param problems the problems, at least one, each a sentence naming its line
	 */
	public InvalidManifestException(String source, List<String> problems) {
		super(buildMessage(source, problems));
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	private static String buildMessage(String source, List<String> problems) {
		if (problems.size() == 1) {
			return "Invalid manifest '" + source + "': " + problems.get(0);
		}
		StringBuilder message = new StringBuilder("Invalid manifest '").append(source)
			.append("': ")
			.append(problems.size())
			.append(" problems:");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append("  ").append(problem));
		return message.toString();
	}

	/**
	 * Return the manifest file or argument at fault.
	 * @return the source
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Return every problem found.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
