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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Says what to do about failed decryptions, by kind of failure, for the exception's
 * message (which is what Lambda reports for a failed init) and for Spring Boot's failure
 * report.
 */
final class DecryptionActions {

	private static final String UNKNOWN_KEY = "<ARN of the KMS key that encrypts these parameters>";

	private DecryptionActions() {
	}

	static String action(List<SecretDecryptionFailure> failures) {
		Map<Kind, List<SecretDecryptionFailure>> byKind = failures.stream()
			.collect(Collectors.groupingBy(SecretDecryptionFailure::kind, LinkedHashMap::new, Collectors.toList()));
		StringBuilder action = new StringBuilder();
		byKind.forEach((kind, failuresOfKind) -> {
			if (action.length() > 0) {
				action.append("\n\n");
			}
			action.append(action(kind, failuresOfKind));
		});
		return action.toString();
	}

	private static String action(Kind kind, List<SecretDecryptionFailure> failures) {
		String otherRegion = otherRegionAction(failures);
		return (otherRegion != null) ? otherRegion + "\n\n" + kindAction(kind, failures) : kindAction(kind, failures);
	}

	private static @Nullable String otherRegionAction(List<SecretDecryptionFailure> failures) {
		List<SecretDecryptionFailure> elsewhere = failures.stream().filter((f) -> f.otherRegion() != null).toList();
		if (elsewhere.isEmpty()) {
			return null;
		}
		String names = elsewhere.stream().map(SecretDecryptionFailure::secretName).collect(Collectors.joining(", "));
		Set<String> regions = new TreeSet<>();
		elsewhere.forEach((failure) -> regions.add(failure.otherRegion()));
		return "The key of " + names + " is in " + String.join(", ", regions) + " but the function calls KMS in "
				+ elsewhere.get(0).clientRegion() + ", and a ciphertext opens only in its key's region. Set "
				+ "secret-baker.region to the key's region, or bake parameters of the function's own region "
				+ "(a multi-Region key, mrk-, needs its replica in that region).";
	}

	private static String kindAction(Kind kind, List<SecretDecryptionFailure> failures) {
		String names = failures.stream().map(SecretDecryptionFailure::secretName).collect(Collectors.joining(", "));
		String keys = keys(failures);
		return switch (kind) {
			case ACCESS_DENIED -> "Allow the function's execution role to decrypt " + names
					+ " by adding this statement to its policy (and make sure the key policy does not deny it; a key "
					+ "of another account than the function's must allow the role in its key policy too):\n\n"
					+ accessStatements(failures);
			case INVALID_CIPHERTEXT -> "The ciphertext of " + names + " was altered, or does not belong to the "
					+ "parameter ARN next to it (the ARN is the encryption context). Bake the file again and do not "
					+ "edit or merge entries by hand.";
			case INCORRECT_KEY -> "The ciphertext of " + names + " was not encrypted under the key recorded for it ("
					+ keys + "). Bake the file again, so the recorded key and the ciphertext match.";
			case NOT_FOUND -> "KMS cannot find the key of " + names + " (" + keys + "). Check that secret-baker.region "
					+ "is the key's region, that the key was not deleted, and bake the file again.";
			case DISABLED -> "Enable the key of " + names + " (aws kms enable-key --key-id " + keys
					+ "), or re-encrypt the parameters with an enabled key and bake the file again.";
			case INVALID_KEY_STATE -> "The key of " + names + " (" + keys + ") cannot decrypt in its current state; "
					+ "if it is pending deletion, cancel the deletion (aws kms cancel-key-deletion), then enable it.";
			case THROTTLED -> "KMS throttled the Decrypt calls for " + names + ". Lower secret-baker.concurrency, "
					+ "raise secret-baker.timeout, decrypt fewer secrets with secret-baker.include, or ask AWS for a "
					+ "higher KMS request quota.";
			case KEY_UNAVAILABLE, SERVICE_ERROR -> "KMS failed to decrypt " + names
					+ " until the deadline. Start again; if it persists, raise secret-baker.timeout or check the AWS "
					+ "Health Dashboard for KMS.";
			case NETWORK -> "KMS could not be reached to decrypt " + names + ". A function in a VPC needs a KMS "
					+ "interface endpoint or a NAT gateway; check secret-baker.endpoint if you set it.";
			case TIMEOUT -> "KMS did not answer in time for " + names + ". Raise secret-baker.timeout, check the "
					+ "network path to KMS (a function in a VPC needs a KMS interface endpoint or a NAT gateway), or "
					+ "set secret-baker.mode=lazy to decrypt secrets on their first read.";
			case CLIENT_CONFIGURATION -> "The KMS client cannot call KMS for " + names + " as configured: fix what "
					+ "the reason above names (a setting, or a dependency the chosen client needs). On Lambda, "
					+ "AWS_REGION and the execution role provide the region and credentials; elsewhere set "
					+ "secret-baker.region and provide AWS credentials (environment, profile or container credentials).";
			case CREDENTIALS -> "No AWS credentials could be obtained to decrypt " + names + ", so KMS was not called. "
					+ "On Lambda SnapStart and ECS check that the container credentials endpoint "
					+ "(AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) answers, and "
					+ "AWS_CONTAINER_AUTHORIZATION_TOKEN or AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE; elsewhere provide "
					+ "credentials through the environment, a profile or an IAM role, or raise secret-baker.timeout.";
			case UNTRUSTED_CERTIFICATE -> "The JVM does not trust the certificate of the server at the KMS endpoint "
					+ "for " + names
					+ " (host named above). If the endpoint is yours (a proxy or a local KMS), add its "
					+ "certificate authority to the JVM's trust store (javax.net.ssl.trustStore), or name a PEM file of "
					+ "it in the system property secret-baker.tls.trust-anchors; otherwise check "
					+ "secret-baker.endpoint and AWS_ENDPOINT_URL_KMS, and that nothing intercepts TLS on the way to KMS.";
			case INSECURE_ENDPOINT -> "An endpoint for " + names + " is plain http to a host other than this machine, "
					+ "so credentials and secrets would cross the network in clear. Use an https endpoint; if the "
					+ "network path is trusted, set secret-baker.allow-insecure-endpoint=true for the KMS endpoint. "
					+ "A container credentials endpoint over http must be a loopback address or the ECS/EKS agent's.";
			case INVALID_RESPONSE -> "What answered at the KMS endpoint for " + names + " did not return a Decrypt "
					+ "result (HTTP status above). Check secret-baker.endpoint, AWS_ENDPOINT_URL_KMS and any proxy between "
					+ "the function and KMS; the parameter's value must be text.";
			case NOT_ATTEMPTED -> "The deadline passed before " + names + " got its turn. Raise secret-baker.timeout "
					+ "or secret-baker.concurrency, or decrypt fewer secrets at startup with secret-baker.include or "
					+ "secret-baker.mode=lazy.";
			case OTHER -> "KMS refused to decrypt " + names + "; see the AWS error code above.";
		};
	}

	private static String keys(List<SecretDecryptionFailure> failures) {
		Set<String> keys = new TreeSet<>();
		failures.forEach((failure) -> keys.add(key(failure)));
		return String.join(", ", keys);
	}

	private static String key(SecretDecryptionFailure failure) {
		String keyId = failure.keyArn();
		if (keyId == null) {
			return UNKNOWN_KEY;
		}
		// IAM policies and key commands need the key ARN, not an alias that points to the
		// key.
		if (KmsKeyReference.isAlias(keyId)) {
			return "<ARN of the KMS key that " + keyId + " points to>";
		}
		return keyId;
	}

	private static String accessStatements(List<SecretDecryptionFailure> failures) {
		Set<String> keys = new TreeSet<>();
		Set<String> parameters = new TreeSet<>();
		for (SecretDecryptionFailure failure : failures) {
			keys.add(key(failure));
			parameters.add(failure.parameterArn());
		}
		String statement = new DecryptPermission(List.copyOf(keys), List.copyOf(parameters)).toJson(false);
		return statement.strip().lines().map((line) -> "    " + line).collect(Collectors.joining("\n"));
	}

}
