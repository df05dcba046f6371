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

package io.github.secretbaker.test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KMS, SSM and STS operation names the server answers, and normalization of the names
 * used for faults and counters.
 */
final class Operations {

	static final String ALL = "*";

	static final List<String> KMS = List.of("CreateKey", "DescribeKey", "ListKeys", "CreateAlias", "ListAliases",
			"EnableKey", "DisableKey", "Encrypt", "Decrypt", "GenerateDataKey");

	static final List<String> SSM = List.of("PutParameter", "GetParameter", "GetParameters", "GetParametersByPath",
			"DescribeParameters", "GetParameterHistory", "LabelParameterVersion", "DeleteParameter",
			"DeleteParameters");

	static final List<String> STS = List.of("AssumeRole");

	/**
	 * The container credentials endpoint's answer, a {@code GET} outside the AWS JSON
	 * protocol, which faults can name like an operation.
	 */
	static final String CONTAINER_CREDENTIALS = "ContainerCredentials";

	/**
	 * Operations that act on no particular resource, so that only a deny rule on
	 * {@code *} applies to them.
	 */
	static final Set<String> RESOURCELESS = Set.of("CreateKey", "ListKeys", "ListAliases", "DescribeParameters",
			CONTAINER_CREDENTIALS);

	/**
	 * Operations whose pages AWS documents as best-effort: a page may hold fewer items
	 * than asked for, or none, with a token for more.
	 */
	static final List<String> BEST_EFFORT_PAGES = List.of("DescribeParameters", "GetParametersByPath",
			"GetParameterHistory");

	private static final Set<String> NAMES;

	static {
		Set<String> names = new TreeSet<>(KMS);
		names.addAll(SSM);
		names.addAll(STS);
		names.add(CONTAINER_CREDENTIALS);
		NAMES = names;
	}

	private Operations() {
	}

	static boolean isKms(String operation) {
		return KMS.contains(operation);
	}

	static boolean isSts(String operation) {
		return STS.contains(operation);
	}

	/**
	 * Return the bare operation name for {@code Decrypt}, {@code kms:Decrypt} or
	 * {@code TrentService.Decrypt}, or {@code *}.
	 * @param operation the operation as given
	 * @return the bare name
	 * @throws IllegalArgumentException if the operation is not one the server answers
	 */
	static String normalize(String operation) {
		if (operation == null || operation.isBlank()) {
			throw new IllegalArgumentException("Operation must not be blank");
		}
		String name = operation.strip();
		if (ALL.equals(name)) {
			return name;
		}
		for (String prefix : List.of("kms:", "ssm:", "sts:", "TrentService.", "AmazonSSM.")) {
			if (name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
				name = name.substring(prefix.length());
			}
		}
		if (!NAMES.contains(name)) {
			throw new IllegalArgumentException(
					"Unknown operation '" + operation + "'; use * or one of " + String.join(", ", NAMES));
		}
		return name;
	}

}
