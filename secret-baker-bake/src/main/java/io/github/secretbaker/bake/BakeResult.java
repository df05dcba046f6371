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

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.github.secretbaker.format.BakedSecrets;

/**
 * The outcome of a successful bake.
 *
 * @param secrets the baked secrets, ready for
 * {@link io.github.secretbaker.format.BakedSecretsFile#write(BakedSecrets, java.nio.file.Path)}
 * @param getParametersCalls the number of {@code GetParameters} calls made
 * @param metadataCalls the number of {@code DescribeParameters} and
 * {@code GetParameterHistory} calls made
 * @param warnings what went wrong without stopping the bake, one line each, for the
 * caller to print: a key alias that could not be resolved to its key ARN
 * @since 0.1.0
 */
public record BakeResult(BakedSecrets secrets, int getParametersCalls, int metadataCalls, List<String> warnings) {

	/**
	 * Create a new {@link BakeResult}.
	 */
	public BakeResult {
		Objects.requireNonNull(secrets, "'secrets' must not be null");
		warnings = List.copyOf(warnings);
	}

	/**
	 * Return a one-line summary such as {@code Baked 12 secrets into <path>}.
	 * @param output the file the secrets were written to
	 * @return the summary
	 */
	public String summary(Path output) {
		int size = this.secrets.size();
		if (size == 0) {
			return "Baked no secrets into " + output + " (the manifest lists none, so the file is {})";
		}
		return "Baked " + size + ((size == 1) ? " secret" : " secrets") + " into " + output;
	}

}
