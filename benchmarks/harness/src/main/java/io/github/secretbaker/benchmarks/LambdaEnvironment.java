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

package io.github.secretbaker.benchmarks;

import java.util.HashMap;
import java.util.Map;

import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The environment of a child JVM, as Lambda gives a function: region and credentials in
 * {@code AWS_*} variables (here, the local server's), and nothing from the harness's own
 * AWS, Spring or JVM options settings.
 *
 * @since 0.1.0
 */
public final class LambdaEnvironment {

	private LambdaEnvironment() {
	}

	/**
	 * Return the environment of a child JVM calling the given server.
	 * @param server the local server
	 * @return a new, modifiable environment
	 */
	public static Map<String, String> of(LocalAwsServer server) {
		Map<String, String> environment = new HashMap<>();
		System.getenv().forEach((name, value) -> {
			if (!name.startsWith("AWS_") && !name.startsWith("SPRING_") && !name.startsWith("SECRET_BAKER_")
					&& !name.endsWith("JAVA_OPTIONS") && !name.equals("JAVA_TOOL_OPTIONS")
					&& !name.equals("MAIN_CLASS")) {
				environment.put(name, value);
			}
		});
		AwsCredentials credentials = server.credentialsProvider().resolveCredentials();
		environment.put("AWS_REGION", server.region());
		environment.put("AWS_DEFAULT_REGION", server.region());
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		return environment;
	}

}
