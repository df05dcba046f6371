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

package io.github.secretbaker.kms;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;

/**
 * Thrown when one or more baked secrets cannot be decrypted. It carries every failure,
 * each naming the secret, its parameter ARN, its key and the AWS error code, never a
 * value or a ciphertext.
 *
 * @since 0.1.0
 */
public class SecretDecryptionException extends RuntimeException {

	private final List<SecretDecryptionFailure> failures;

	private final int attempted;

	private final String action;

	/**
	 * Create a new instance.
	 * @param failures the failures, at least one
	 * @param attempted how many secrets were being decrypted
	 */
	public SecretDecryptionException(List<SecretDecryptionFailure> failures, int attempted) {
		this(failures, attempted, DecryptionActions.action(failures));
	}

	private SecretDecryptionException(List<SecretDecryptionFailure> failures, int attempted, String action) {
		super(buildMessage(failures, attempted) + "\nAction: " + action);
		this.failures = List.copyOf(failures);
		this.attempted = attempted;
		this.action = action;
	}

	/**
	 * Create an exception in which every given secret failed for the same reason, such as
	 * a KMS client that cannot be created.
	 * @param secrets the secrets that could not be decrypted, at least one
	 * @param kind the kind of failure
	 * @param detail what happened
	 * @return the exception
	 */
	public static SecretDecryptionException forEverySecret(BakedSecrets secrets, Kind kind, String detail) {
		List<SecretDecryptionFailure> failures = secrets.asList()
			.stream()
			.map((secret) -> SecretDecryptionFailure.of(secret, kind, detail))
			.toList();
		return new SecretDecryptionException(failures, secrets.size());
	}

	private static String buildMessage(List<SecretDecryptionFailure> failures, int attempted) {
		if (failures.isEmpty()) {
			throw new IllegalArgumentException("'failures' must not be empty");
		}
		if (isShared(failures, attempted)) {
			SecretDecryptionFailure first = failures.get(0);
			return "Failed to decrypt all " + attempted + " baked secrets ("
					+ failures.stream().map(SecretDecryptionFailure::secretName).collect(Collectors.joining(", "))
					+ ") for the same reason: " + first.kind()
					+ ((first.errorCode() != null) ? " [" + first.errorCode() + "]" : "") + " " + first.detail();
		}
		return "Failed to decrypt " + failures.size() + " of " + attempted + " baked secrets: "
				+ failures.stream().map(SecretDecryptionFailure::describe).collect(Collectors.joining("; "));
	}

	private static boolean isShared(List<SecretDecryptionFailure> failures, int attempted) {
		SecretDecryptionFailure first = failures.get(0);
		return failures.size() > 1 && failures.size() == attempted
				&& failures.stream()
					.allMatch((failure) -> failure.kind() == first.kind()
							&& Objects.equals(failure.errorCode(), first.errorCode())
							&& failure.detail().equals(first.detail()) && failure.otherRegion() == null);
	}

	/**
	 * Return whether every secret failed for one and the same reason (the same kind,
	 * error code and detail), such as no region or no credentials, which is then worth
	 * reporting once rather than once per secret.
	 * @return whether the failures concern every secret alike
	 * @since 0.1.0
	 */
	public boolean isSharedByEverySecret() {
		return isShared(this.failures, this.attempted);
	}

	/**
	 * Return every failure, in secret name order.
	 * @return the failures
	 */
	public List<SecretDecryptionFailure> getFailures() {
		return this.failures;
	}

	/**
	 * Return what to do about these failures: per kind of failure, such as the IAM
	 * statement that grants {@code kms:Decrypt} for the secrets that were denied.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * Return how many secrets were being decrypted when these failures happened.
	 * @return the number of secrets
	 */
	public int getAttempted() {
		return this.attempted;
	}

}
