package io.github.secretbaker.bake.cli;

/**
 * The exit codes of every command.
 *
 * @since 0.1.0
 */
final class ExitCodes {

	/**
	 * Success.
	 */
	public static final int OK = 0;

	/**
	 * {@code check} found differences.
	 */
	public static final int FINDINGS = 1;

	/**
	 * Bad usage or input: options, manifest, baked file, a guard refusing a parameter, a
	 * missing parameter, version or label.
	 */
	public static final int INVALID_INPUT = 2;

	/**
	 * AWS failure after retries, including access denied, or an I/O failure.
	 */
	public static final int FAILURE = 3;

	private ExitCodes() {
	}

}
