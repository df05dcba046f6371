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

package io.github.secretbaker.bake.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;

/**
 * Builds the {@link DecryptPolicy} for a baked secrets file from the key ARN and
 * parameter ARN of every entry. Entries without a key ARN (files written by the Node
 * plugin, or keys given as an alias) need the key ARN to be passed in.
 *
 * @since 0.1.0
 */
public final class PolicyGenerator {

	/**
	 * Generate the policy for the given secrets.
	 * @param secrets the baked secrets
	 * @param extraKeyArns key ARNs to allow in addition to those in the file, needed when
	 * an entry has no key ARN
	 * @return the policy
	 * @throws PolicyGenerationException listing every entry whose key is not known, or if
	 * there are no secrets
	 */
	public DecryptPolicy generate(BakedSecrets secrets, List<String> extraKeyArns) {
		List<String> problems = new ArrayList<>();
		for (String keyArn : extraKeyArns) {
			if (!KmsKeyReference.isKeyArn(keyArn)) {
				problems.add("'" + keyArn + "' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>)");
			}
		}
		if (secrets.isEmpty()) {
			problems.add("the file holds no secrets, so there is nothing to allow");
		}
		Set<String> keyArns = new TreeSet<>(extraKeyArns);
		Set<String> parameterArns = new TreeSet<>();
		List<String> unchecked = new ArrayList<>();
		for (BakedSecret secret : secrets) {
			parameterArns.add(secret.arn());
			String keyId = secret.keyId();
			if (KmsKeyReference.isKeyArn(keyId)) {
				keyArns.add(keyId);
			}
			else if (!extraKeyArns.isEmpty()) {
				unchecked.add("'" + secret.name() + "'");
			}
			else {
				problems.add((keyId != null)
						? "secret '" + secret.name() + "' names its key by alias (" + keyId + "), which IAM does "
								+ "not accept as the resource of kms:Decrypt; pass the key ARN with --key-arn"
						: "secret '" + secret.name() + "' has no keyId (the file was written by the Node plugin); "
								+ "bake it again with secret-baker, or pass the key ARN with --key-arn");
			}
		}
		if (!problems.isEmpty()) {
			throw new PolicyGenerationException(problems);
		}
		List<String> warnings = new ArrayList<>();
		if (!unchecked.isEmpty()) {
			warnings.add(((unchecked.size() == 1) ? "Secret " : "Secrets ") + String.join(", ", unchecked)
					+ ((unchecked.size() == 1) ? " records" : " record")
					+ " no key ARN (a file of the Node plugin, or a key named by alias), so the given key ARNs "
					+ "cannot be checked against " + ((unchecked.size() == 1) ? "it" : "them")
					+ ": the statement allows them as given; make sure they are the keys that encrypt these "
					+ "parameters, or bake again with secret-baker, allowed ssm:DescribeParameters and "
					+ "kms:DescribeKey, to record each key");
		}
		return new DecryptPolicy(List.copyOf(keyArns), List.copyOf(parameterArns), warnings);
	}

}
