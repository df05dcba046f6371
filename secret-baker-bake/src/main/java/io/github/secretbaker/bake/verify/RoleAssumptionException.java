package io.github.secretbaker.bake.verify;

/**
 * Thrown when STS refuses to let the caller assume the role to check. The message names
 * the role, STS's error code and what to change; it never holds a credential.
 *
 * @since 0.1.0
 */
public class RoleAssumptionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String roleArn;

	/**
	 * Create a new {@link RoleAssumptionException}.
	 * @param roleArn the role that could not be assumed
	 * @param reason why, and what to do
	 * @param cause the STS failure
	 */
	public RoleAssumptionException(String roleArn, String reason, Throwable cause) {
		super("Cannot assume role " + roleArn + ": " + reason, cause);
		this.roleArn = roleArn;
	}

	/**
	 * Return the role that could not be assumed.
	 * @return the role ARN
	 */
	public String getRoleArn() {
		return this.roleArn;
	}

}
