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
