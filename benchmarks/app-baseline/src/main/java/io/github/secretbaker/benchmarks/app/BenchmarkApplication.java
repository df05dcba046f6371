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

package io.github.secretbaker.benchmarks.app;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A plain Spring Boot application, run as {@code java -jar} on its repackaged jar: it
 * starts, reads the secret named by its first argument from the environment, prints its
 * length (never its value) in the same JSON line as the benchmark function, and exits.
 * Which library supplies the secret, if any, depends only on the jar's dependencies and
 * the configuration the harness starts it with.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class BenchmarkApplication {

	/**
	 * Start the application and exit once it has answered.
	 * @param args the secret name, then any Spring Boot arguments
	 */
	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(BenchmarkApplication.class, args)));
	}

	@Bean
	ApplicationRunner secretLength(Environment environment) {
		return (args) -> {
			for (String secretName : args.getNonOptionArgs()) {
				String value = environment.getProperty(secretName);
				System.out.println("{\"secretName\":\"" + secretName + "\",\"length\":"
						+ ((value != null) ? value.length() : -1) + "}");
			}
		};
	}

}
