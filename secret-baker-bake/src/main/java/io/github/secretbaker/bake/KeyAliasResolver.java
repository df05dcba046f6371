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

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.github.secretbaker.aws.KmsKeyReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Resolves every alias ARN among the keys of a bake to its key ARN, one KMS
 * {@code DescribeKey} call per distinct alias. A failure is not a problem of the bake:
 * the alias ARN is kept, and the bake warns.
 */
final class KeyAliasResolver {

	private final Supplier<@Nullable KmsClient> kms;

	private final ParallelCalls calls;

	KeyAliasResolver(Supplier<@Nullable KmsClient> kms, ParallelCalls calls) {
		this.kms = kms;
		this.calls = calls;
	}

	/**
	 * Resolve the aliases among the given keys.
	 * @param keyArns the keys of the parameters, none of them the AWS managed key
	 * @return the key ARN of each alias resolved, and why the others could not be
	 */
	ResolvedAliases resolve(Collection<String> keyArns) {
		Set<String> aliasArns = new TreeSet<>();
		for (String keyArn : keyArns) {
			if (KmsKeyReference.isAlias(keyArn)) {
				aliasArns.add(keyArn);
			}
		}
		if (aliasArns.isEmpty()) {
			return new ResolvedAliases(Map.of(), Set.of());
		}
		KmsClient kms;
		try {
			kms = this.kms.get();
		}
		catch (SdkException ex) {
			return new ResolvedAliases(Map.of(), Set.of("no KMS client could be created (" + ex.getMessage() + ")"));
		}
		if (kms == null) {
			return new ResolvedAliases(Map.of(), Set.of("no KMS client was given to the baker"));
		}
		Map<String, Future<KeyLookup>> lookups = new LinkedHashMap<>();
		for (String aliasArn : aliasArns) {
			lookups.put(aliasArn, this.calls.submit(() -> describeKey(kms, aliasArn)));
		}
		Map<String, String> resolved = new HashMap<>();
		Set<String> failureReasons = new TreeSet<>();
		lookups.forEach((aliasArn, future) -> {
			KeyLookup lookup = ParallelCalls.await(future);
			if (lookup.keyArn() != null) {
				resolved.put(aliasArn, lookup.keyArn());
			}
			else {
				failureReasons.add(lookup.failure());
			}
		});
		return new ResolvedAliases(resolved, failureReasons);
	}

	private static KeyLookup describeKey(KmsClient kms, String aliasArn) {
		try {
			return new KeyLookup(kms.describeKey((request) -> request.keyId(aliasArn)).keyMetadata().arn(), "");
		}
		catch (AwsServiceException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			return new KeyLookup(null,
					"kms:DescribeKey failed with " + ((code != null) ? code : "HTTP " + ex.statusCode()));
		}
		catch (SdkException ex) {
			return new KeyLookup(null, "kms:DescribeKey failed: " + ex.getMessage());
		}
	}

	/**
	 * The key ARNs of the aliases that {@code DescribeKey} resolved, and why the others
	 * could not be.
	 *
	 * @param keyArns the key ARN of each alias ARN resolved
	 * @param failureReasons why the other aliases could not be resolved
	 */
	record ResolvedAliases(Map<String, String> keyArns, Set<String> failureReasons) {

		/**
		 * Return the key ARN for the given key: that of the alias if it was resolved,
		 * else the key as it is.
		 * @param keyArn the key, or {@code null} if not known
		 * @return the key ARN, or the key as given
		 */
		@Nullable String keyArnOf(@Nullable String keyArn) {
			return (keyArn != null) ? this.keyArns.getOrDefault(keyArn, keyArn) : null;
		}

		/**
		 * Return the warning for the secrets whose key stays an alias ARN.
		 * @param secretNames the names of those secrets, in order
		 * @return the warning
		 */
		String warning(Set<String> secretNames) {
			return ((secretNames.size() == 1) ? "Secret " : "Secrets ") + String.join(", ", secretNames)
					+ ": the key alias ARN is recorded as keyId, not the key ARN, because "
					+ String.join("; ", this.failureReasons) + "; 'secret-baker policy' will need --key-arn for "
					+ ((secretNames.size() == 1) ? "it" : "them")
					+ ", and allowing kms:DescribeKey on the key lets the bake record the key ARN";
		}

	}

	/**
	 * The key ARN of one alias, or why it could not be read.
	 */
	private record KeyLookup(@Nullable String keyArn, String failure) {

	}

}
