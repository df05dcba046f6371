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

package io.github.secretbaker.bake.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the Serverless Framework takes from its command line and environment to resolve
 * the variables of a {@code serverless.yml}: {@code --stage}, {@code --region}, every
 * {@code --param KEY=VALUE} and the environment variables.
 *
 * @param stage the stage, as {@code --stage}, or {@code null} for the file's
 * {@code provider.stage}, else {@code dev}
 * @param region the region given on the command line, or {@code null}; it answers
 * {@code ${opt:region}} and makes {@code provider.region} unneeded
 * @param params the parameters, as {@code --param}, which win over the file's
 * {@code params}
 * @param environment the environment variables, such as {@code System::getenv}; returns
 * {@code null} for a variable that is not set
 * @since 0.1.0
 */
public record ServerlessOptions(@Nullable String stage, @Nullable String region, Map<String, String> params,
		Function<String, @Nullable String> environment) {

	/**
	 * Create a new {@link ServerlessOptions}.
	 */
	public ServerlessOptions {
		params = Map.copyOf(params);
	}

	/**
	 * Return the options of a run without {@code --stage}, {@code --region} or
	 * {@code --param}, in the process environment.
	 * @return the options
	 */
	public static ServerlessOptions defaults() {
		return new ServerlessOptions(null, null, Map.of(), System::getenv);
	}

	/**
	 * Parse {@code KEY=VALUE} strings, as given to {@code --param}; the value is what
	 * follows the first {@code =}, as Serverless splits it.
	 * @param source where the strings come from, for messages, such as {@code --param}
	 * @param arguments the strings
	 * @return the parameters, by key
	 * @throws InvalidManifestException listing every string that is not {@code KEY=VALUE}
	 */
	public static Map<String, String> parseParams(String source, Iterable<String> arguments) {
		Map<String, String> params = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		int index = 0;
		for (String argument : arguments) {
			index++;
			int equals = argument.indexOf('=');
			String key = (equals > 0) ? argument.substring(0, equals).strip() : "";
			if (key.isEmpty()) {
				// Not quoted: a parameter may carry a value that is not for a log.
				problems.add("value " + index + " is not KEY=VALUE, such as \"domain=example.com\"");
			}
			else if (params.putIfAbsent(key, argument.substring(equals + 1)) != null) {
				problems.add("parameter '" + key + "' is given more than once");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidManifestException(source, problems);
		}
		return params;
	}

}
