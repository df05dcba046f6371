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

package io.github.secretbaker.bake.verify;

import java.util.Objects;
import java.util.regex.Pattern;

import io.github.secretbaker.bake.AwsClientOptions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The temporary credentials of a function's execution role, assumed through STS so that a
 * build role can check what the function's role may decrypt.
 *
 * @param sessionArn the ARN of the assumed role's session
 * @param credentials the session's credentials
 * @since 0.1.0
 */
public record AssumedRole(String sessionArn, AwsCredentialsProvider credentials) {

	/**
	 * The session name used when none is given.
	 */
	public static final String DEFAULT_SESSION_NAME = "secret-baker-verify";

	private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

	private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

	/**
	 * Create a new {@link AssumedRole}.
	 */
	public AssumedRole {
		Objects.requireNonNull(sessionArn, "'sessionArn' must not be null");
		Objects.requireNonNull(credentials, "'credentials' must not be null");
	}

	/**
	 * Assume a role with the credentials and settings of the given options.
	 * @param options how to reach STS, and as whom
	 * @param roleArn the ARN of the role to assume
	 * @param externalId the external id the role's trust policy asks for, or {@code null}
	 * @param sessionName the session name, or {@code null} for
	 * {@value #DEFAULT_SESSION_NAME}
	 * @return the assumed role
	 * @throws IllegalArgumentException if the role ARN or the session name is malformed
	 * @throws RoleAssumptionException if STS refuses
	 * @throws software.amazon.awssdk.core.exception.SdkClientException if STS cannot be
	 * reached
	 */
	public static AssumedRole assume(AwsClientOptions options, String roleArn, @Nullable String externalId,
			@Nullable String sessionName) {
		checkRoleArn(roleArn);
		String session = (sessionName != null) ? sessionName : DEFAULT_SESSION_NAME;
		if (!SESSION_NAME.matcher(session).matches()) {
			throw new IllegalArgumentException(
					"The role session name must be 2 to 64 letters, digits or +=,.@_- but was '" + session + "'");
		}
		AssumeRoleResponse response;
		try (StsClient sts = options.createStsClient()) {
			response = sts.assumeRole((request) -> {
				request.roleArn(roleArn).roleSessionName(session);
				if (externalId != null) {
					request.externalId(externalId);
				}
			});
		}
		catch (AwsServiceException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			throw new RoleAssumptionException(roleArn, "STS answered " + ((code != null) ? code : "an error")
					+ " (HTTP " + ex.statusCode() + ")"
					+ ((ex.statusCode() == 403) ? ": the role's trust policy must allow this caller "
							+ "(sts:AssumeRole), with the external id if it asks for one, and the caller's policy must "
							+ "allow sts:AssumeRole on the role" : ": check the role ARN and retry"),
					ex);
		}
		Credentials credentials = response.credentials();
		return new AssumedRole(response.assumedRoleUser().arn(), StaticCredentialsProvider.create(AwsSessionCredentials
			.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())));
	}

	/**
	 * Check that a text is the ARN of an IAM role.
	 * @param roleArn the text
	 * @throws IllegalArgumentException if it is not
	 */
	public static void checkRoleArn(String roleArn) {
		if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
			throw new IllegalArgumentException(
					"'" + roleArn + "' is not the ARN of an IAM role: use arn:aws:iam::<account>:role/<name>");
		}
	}

	@Override
	public String toString() {
		return "AssumedRole[sessionArn=" + this.sessionArn + "]";
	}

}
