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

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.secretbaker.format.BakedSecrets;

/**
 * What SSM holds for a list of requests: the secrets that could be baked and the problems
 * of those that could not. Unlike {@link ParameterStoreBaker#bake(List)}, resolving never
 * fails because of one secret, which is what a drift check needs.
 *
 * @param secrets the secrets that passed every guard
 * @param problems the problems of the other secrets, in secret name order
 * @param getParametersCalls the number of {@code GetParameters} calls made
 * @param metadataCalls the number of {@code DescribeParameters} and
 * {@code GetParameterHistory} calls made
 * @param warnings what went wrong without stopping the bake, such as a key alias that
 * could not be resolved to its key ARN, one line each
 * @param keyAliases the key ARN of every alias ARN resolved with {@code DescribeKey}
 * @since 0.1.0
 */
public record Resolution(BakedSecrets secrets, List<BakeProblem> problems, int getParametersCalls, int metadataCalls,
		List<String> warnings, Map<String, String> keyAliases) {

	/**
	 * Create a new {@link Resolution}.
	 */
	public Resolution {
		Objects.requireNonNull(secrets, "'secrets' must not be null");
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
		keyAliases = Map.copyOf(keyAliases);
	}

	/**
	 * Create a new {@link Resolution} without warnings or resolved aliases.
	 * @param secrets the secrets that passed every guard
	 * @param problems the problems of the other secrets
	 * @param getParametersCalls the number of {@code GetParameters} calls made
	 * @param metadataCalls the number of {@code DescribeParameters} and
	 * {@code GetParameterHistory} calls made
	 */
	public Resolution(BakedSecrets secrets, List<BakeProblem> problems, int getParametersCalls, int metadataCalls) {
		this(secrets, problems, getParametersCalls, metadataCalls, List.of(), Map.of());
	}

}
