package io.github.secretbaker.test;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the ARN that {@code sts:GetCallerIdentity} would return, and for
 * the credentials of an assumed role, the role's ARN, which IAM policies name.
 *
 * @param arn the caller's ARN
 * @param roleArn the ARN of the assumed role, or {@code null} for a user
 */
record Caller(String arn, @Nullable String roleArn) {

	/**
	 * The user that every request is sent by unless its credentials come from the
	 * server's {@code AssumeRole}.
	 * @param accountId the server's account id
	 * @return the caller
	 */
	static Caller user(String accountId) {
		return new Caller("arn:aws:iam::" + accountId + ":user/local", null);
	}

}
