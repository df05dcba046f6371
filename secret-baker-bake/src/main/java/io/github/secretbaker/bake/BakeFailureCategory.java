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

import java.io.UncheckedIOException;

import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.policy.PolicyGenerationException;
import io.github.secretbaker.bake.verify.RoleAssumptionException;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What kind of failure an exception of the bake library is, for the tools on top of it:
 * the command line turns it into its exit code, the Maven plugin into a build failure or
 * error.
 *
 * @since 0.1.0
 */
public enum BakeFailureCategory {

	/**
	 * Bad input the user must fix: a setting, the manifest, the baked file, a guard
	 * refusing a parameter, or a missing parameter, version or label. Trying again cannot
	 * help.
	 */
	INVALID_INPUT,

	/**
	 * A failure of AWS after retries (access denied included) or of I/O, which may pass
	 * once the cause is fixed outside the build's inputs.
	 */
	AWS_OR_IO_FAILURE,

	/**
	 * Anything else: a defect, which the tools report with its stack trace.
	 */
	UNEXPECTED;

	/**
	 * Return the category of the given exception.
	 * @param ex the exception
	 * @return its category
	 */
	public static BakeFailureCategory of(Throwable ex) {
		if (ex instanceof BakeException bakeException) {
			return bakeException.isAwsFailure() ? AWS_OR_IO_FAILURE : INVALID_INPUT;
		}
		if (ex instanceof InvalidManifestException || ex instanceof InvalidBakedSecretsException
				|| ex instanceof PolicyGenerationException || ex instanceof IllegalArgumentException
				|| isMissingRegion(ex)) {
			return INVALID_INPUT;
		}
		if (ex instanceof SdkException || ex instanceof UncheckedIOException || ex instanceof RoleAssumptionException) {
			return AWS_OR_IO_FAILURE;
		}
		return UNEXPECTED;
	}

	/**
	 * Return whether the given exception is the SDK's refusal to create a client without
	 * a region, which its own message explains with a list of every place it looked.
	 * @param ex the exception
	 * @return whether no region was found
	 */
	public static boolean isMissingRegion(Throwable ex) {
		return ex instanceof SdkClientException && ex.getMessage() != null
				&& ex.getMessage().contains("Unable to load region");
	}

	/**
	 * Return whether the given exception says that no AWS credentials were found, which
	 * the SDK's own message explains with a list of every provider it tried, or that a
	 * bake failed for that reason alone.
	 * @param ex the exception
	 * @return whether no credentials were found
	 * @since 0.1.0
	 */
	public static boolean isMissingCredentials(Throwable ex) {
		if (ex instanceof BakeException bakeException) {
			return bakeException.getProblems()
				.stream()
				.allMatch((problem) -> problem.kind() == BakeProblem.Kind.NO_CREDENTIALS);
		}
		String message = ex.getMessage();
		return ex instanceof SdkClientException && message != null && (message.startsWith("Unable to load credentials")
				|| message.startsWith("Profile file contained no credentials"));
	}

}
