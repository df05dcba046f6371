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

package io.github.secretbaker.bake.policy;

import java.util.List;

/**
 * Thrown when no policy can be generated for a baked secrets file, listing every reason.
 *
 * @since 0.1.0
 */
public class PolicyGenerationException extends RuntimeException {

	private final List<String> problems;

	/**
	 * Create a new instance.
	 * @param problems the problems, at least one
	 */
	public PolicyGenerationException(List<String> problems) {
		super("Cannot generate the IAM policy: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return every problem found.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
