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

package io.github.secretbaker.test.lambda.runtime;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An error a runtime reported to the Runtime API, through {@code /runtime/init/error} or
 * {@code /runtime/invocation/<id>/error}: the {@code Lambda-Runtime-Function-Error-Type}
 * header and the JSON body Lambda documents.
 *
 * @param runtimeErrorType the {@code Lambda-Runtime-Function-Error-Type} header, such as
 * {@code Runtime.BadFunctionCode}, or {@code null} if the runtime sent none
 * @param errorType the body's {@code errorType}, the exception class for a Java runtime
 * @param errorMessage the body's {@code errorMessage}
 * @param stackTrace the body's {@code stackTrace}, empty when absent
 * @param body the body exactly as posted, for checks on everything the runtime sent
 * @since 0.1.0
 */
public record FunctionError(@Nullable String runtimeErrorType, @Nullable String errorType,
		@Nullable String errorMessage, List<String> stackTrace, String body) {

	public FunctionError {
		stackTrace = List.copyOf(stackTrace);
	}

}
