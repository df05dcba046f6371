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

package io.github.secretbaker.benchmarks.function;

import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A Spring Cloud Function that reads one secret from the environment at invocation time
 * and answers with its length. Which library supplies the secret, if any, depends only on
 * the class path and the configuration the harness starts it with; the handler is
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class BenchmarkFunctionApplication {

	@Bean
	Function<SecretLengthRequest, SecretLengthResponse> secretLength(Environment environment) {
		return (request) -> {
			String value = environment.getProperty(request.secretName());
			return new SecretLengthResponse(request.secretName(), (value != null) ? value.length() : -1);
		};
	}

}
