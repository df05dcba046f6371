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

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one event handed to a function through the Runtime API.
 *
 * @param requestId the {@code Lambda-Runtime-Aws-Request-Id} the runtime received
 * @param status how the invocation ended
 * @param response the bytes posted to {@code /invocation/<id>/response}, or {@code null}
 * @param error the error posted to {@code /invocation/<id>/error}, or the init error when
 * the function never initialized, or {@code null}
 * @param duration from the moment {@code next} handed the event out to the answer, as
 * Lambda's {@code Duration}; zero when the event was never handed out
 * @since 0.1.0
 */
public record Invocation(String requestId, Status status, byte @Nullable [] response, @Nullable FunctionError error,
		Duration duration) {

	/**
	 * Return the response as UTF-8 text.
	 * @return the response
	 * @throws IllegalStateException if the invocation did not succeed
	 */
	public String responseText() {
		if (this.status != Status.SUCCEEDED || this.response == null) {
			throw new IllegalStateException("Invocation " + this.requestId + " " + this.status.description()
					+ ((this.error != null) ? ": " + this.error.errorType() + ": " + this.error.errorMessage() : ""));
		}
		return new String(this.response, StandardCharsets.UTF_8);
	}

	/**
	 * How an invocation ended.
	 *
	 * @since 0.1.0
	 */
	public enum Status {

		/**
		 * The runtime posted a response.
		 */
		SUCCEEDED("succeeded"),

		/**
		 * The runtime posted an invocation error: the handler threw.
		 */
		FAILED("failed"),

		/**
		 * The function did not answer before the deadline.
		 */
		TIMED_OUT("timed out"),

		/**
		 * The function process ended without answering, which Lambda reports as
		 * {@code Runtime.ExitError}.
		 */
		RUNTIME_EXITED("ended with the runtime exiting"),

		/**
		 * The function never initialized, so the event was never handed out; the error is
		 * the one posted to {@code /runtime/init/error}, if any.
		 */
		INIT_FAILED("was not handed out because init failed");

		private final String description;

		Status(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
