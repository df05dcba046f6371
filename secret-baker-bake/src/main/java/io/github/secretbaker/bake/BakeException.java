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

package io.github.secretbaker.bake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown when a bake cannot complete, carrying every problem found rather than only the
 * first. The message lists them all, one per line; it never contains a value or a
 * ciphertext.
 *
 * @since 0.1.0
 */
public class BakeException extends RuntimeException {

	private final List<BakeProblem> problems;

	/**
	 * Create a new instance.
	 * @param problems the problems, at least one
	 */
	public BakeException(List<BakeProblem> problems) {
		super(buildMessage(problems));
		this.problems = List.copyOf(problems);
	}

	private static String buildMessage(List<BakeProblem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("'problems' must not be empty");
		}
		StringBuilder message = new StringBuilder("Cannot bake ").append(problems.size())
			.append((problems.size() == 1) ? " secret:" : " secrets:");
		for (String line : describe(problems)) {
			message.append(System.lineSeparator()).append("  ").append(line);
		}
		return message.toString();
	}

	/**
	 * Return one line per problem, except that AWS failures shared by several secrets
	 * (such as an unreachable endpoint) are one line naming them all, and missing
	 * credentials, which concern every secret alike, one line naming none.
	 * @return the lines
	 * @since 0.1.0
	 */
	public List<String> describeProblems() {
		return describe(this.problems);
	}

	private static List<String> describe(List<BakeProblem> problems) {
		Map<String, List<BakeProblem>> failuresByMessage = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		problems.stream()
			.filter((problem) -> problem.kind() == BakeProblem.Kind.NO_CREDENTIALS)
			.findFirst()
			.ifPresent((problem) -> lines.add(problem.message()));
		for (BakeProblem problem : problems) {
			if (problem.kind() == BakeProblem.Kind.AWS_FAILURE) {
				failuresByMessage.computeIfAbsent(problem.message(), (message) -> new ArrayList<>()).add(problem);
			}
			else if (problem.kind() != BakeProblem.Kind.NO_CREDENTIALS) {
				lines.add(problem.describe());
			}
		}
		failuresByMessage.forEach((message, shared) -> {
			if (shared.size() == 1) {
				lines.add(shared.get(0).describe());
			}
			else {
				lines.add("Secrets "
						+ String.join(", ", shared.stream().map((problem) -> "'" + problem.secretName() + "'").toList())
						+ ": " + message);
			}
		});
		return lines;
	}

	/**
	 * Return every problem found, in secret name order.
	 * @return the problems
	 */
	public List<BakeProblem> getProblems() {
		return this.problems;
	}

	/**
	 * Return whether any problem is a failure to talk to AWS (access denied or an error
	 * that persisted after retries), as opposed to only input or content problems.
	 * @return whether an AWS failure is among the problems
	 */
	public boolean isAwsFailure() {
		return this.problems.stream().anyMatch(BakeProblem::isAwsFailure);
	}

}
