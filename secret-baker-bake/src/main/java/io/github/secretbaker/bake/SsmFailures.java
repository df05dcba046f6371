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

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import io.github.secretbaker.bake.BakeProblem.Kind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmServiceClientConfiguration;

/**
 * Describes a failed SSM call as the failure of the parameters it was for: the AWS error
 * code and the fix, or, when AWS never answered, what the client could not do, in one
 * line.
 */
final class SsmFailures {

	private final SsmClient ssm;

	SsmFailures(SsmClient ssm) {
		this.ssm = ssm;
	}

	/**
	 * Describe the given failure of the given operation.
	 * @param operation the SSM operation, such as {@code GetParameters}
	 * @param ex what the SDK threw
	 * @return the failure
	 */
	ParameterFailure describe(String operation, SdkException ex) {
		if (isValidationError(ex)) {
			// The message of a ValidationException quotes the request; only the code is
			// passed on.
			return new ParameterFailure(Kind.INVALID_PARAMETER, operation
					+ " refused this name or ARN with ValidationException: "
					+ "check that a parameter ARN is in the region and partition the bake runs in (--region), and that "
					+ "a name uses only letters, digits and . - _ /");
		}
		if (ex instanceof AwsServiceException serviceException && serviceException.awsErrorDetails() != null) {
			String code = serviceException.awsErrorDetails().errorCode();
			String detail = operation + " failed with " + code + " ("
					+ serviceException.awsErrorDetails().errorMessage() + ")";
			if (isAccessDenied(ex)) {
				return new ParameterFailure(Kind.ACCESS_DENIED,
						detail + "; allow ssm:" + operation + " on this parameter for the identity running the bake");
			}
			return new ParameterFailure(Kind.AWS_FAILURE, detail + " after retries; try again later");
		}
		if (BakeFailureCategory.isMissingCredentials(ex)) {
			return new ParameterFailure(Kind.NO_CREDENTIALS, "no AWS credentials found: set AWS_ACCESS_KEY_ID and "
					+ "AWS_SECRET_ACCESS_KEY, or use a named profile");
		}
		return new ParameterFailure(Kind.AWS_FAILURE, clientFailure(operation, ex));
	}

	/**
	 * Describe a failure that happened before AWS answered, in one line: the SDK's own
	 * message may quote the request.
	 * @param operation the operation
	 * @param ex the exception
	 * @return the one-line description
	 */
	private String clientFailure(String operation, SdkException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof UnknownHostException) {
				return operation + " cannot reach " + endpointHost() + ": the host name does not resolve; check the "
						+ "network and DNS, --region and --endpoint-url";
			}
			if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
				return operation + " cannot reach " + endpointHost() + " (" + cause.getClass().getSimpleName()
						+ ") after retries; check the network, a proxy or VPC endpoint, and --endpoint-url";
			}
			cause = cause.getCause();
		}
		if (ex instanceof ApiCallAttemptTimeoutException || ex instanceof ApiCallTimeoutException) {
			return operation + " to " + endpointHost() + " timed out after retries; check the network, or try again";
		}
		return operation + " to " + endpointHost() + " failed after retries (" + ex.getClass().getSimpleName()
				+ "); check the network and --endpoint-url, or try again later";
	}

	private String endpointHost() {
		try {
			SsmServiceClientConfiguration configuration = this.ssm.serviceClientConfiguration();
			return configuration.endpointOverride()
				.map(URI::getAuthority)
				.orElseGet(() -> "ssm." + configuration.region().id() + ".amazonaws.com");
		}
		catch (RuntimeException ex) {
			return "the SSM endpoint";
		}
	}

	static boolean isValidationError(SdkException ex) {
		return ex instanceof AwsServiceException serviceException && serviceException.awsErrorDetails() != null
				&& "ValidationException".equals(serviceException.awsErrorDetails().errorCode());
	}

	static boolean isAccessDenied(SdkException ex) {
		if (ex instanceof AwsServiceException serviceException) {
			String code = (serviceException.awsErrorDetails() != null) ? serviceException.awsErrorDetails().errorCode()
					: null;
			return "AccessDeniedException".equals(code) || "AccessDenied".equals(code)
					|| serviceException.statusCode() == 403;
		}
		return false;
	}

}
