package io.github.secretbaker.bake;

import java.util.List;

/**
 * Thrown when a bake cannot complete, carrying every problem found rather than only the
 * first. The message lists them all, one per line; it never contains a value or a ciphertext.
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
		for (BakeProblem problem : problems) {
			message.append(System.lineSeparator()).append("  ").append(problem.describe());
		}
		return message.toString();
	}

	/**
	 * Return every problem found, in secret name order.
	 * @return the problems
	 */
	public List<BakeProblem> getProblems() {
		return this.problems;
	}

	/**
	 * Return whether any problem is a failure to talk to AWS (access denied or an error that
	 * persisted after retries), as opposed to only input or content problems.
	 * @return whether an AWS failure is among the problems
	 */
	public boolean isAwsFailure() {
		return this.problems.stream().anyMatch(BakeProblem::isAwsFailure);
	}

}
