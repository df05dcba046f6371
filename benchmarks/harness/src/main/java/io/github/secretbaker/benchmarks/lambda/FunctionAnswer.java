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

package io.github.secretbaker.benchmarks.lambda;

import java.util.UUID;

import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the benchmark function's answer to {@code {"secretName": "BENCH_SECRET_000"}}:
 * the length of the secret where the variant has secrets, {@code -1} where it has none.
 */
final class FunctionAnswer {

	static final String EVENT = "{\"secretName\": \"BENCH_SECRET_000\"}";

	private static final int SECRET_LENGTH = UUID.randomUUID().toString().length();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FunctionAnswer() {
	}

	static void check(Variant variant, int secrets, Invocation invocation) {
		int expected = (variant.hasSecrets() && secrets > 0) ? SECRET_LENGTH : -1;
		String text = invocation.responseText();
		JsonNode answer = (text != null) ? JSON.readTree(text) : null;
		int length = (answer != null) ? answer.path("length").asInt(Integer.MIN_VALUE) : Integer.MIN_VALUE;
		if (length != expected) {
			throw new IllegalStateException(variant.label() + " with " + secrets + " secrets answered length " + length
					+ " instead of " + expected + " (" + invocation.status() + ")");
		}
	}

}
