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

package io.github.secretbaker.samples.e2e;

import java.time.Duration;

import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;

/**
 * What one run of the Lambda jar under the runtime interface client left: how init ended,
 * the invocation, the function's log output and Lambda's {@code REPORT} line.
 *
 * @param init how init ended
 * @param invocation the invocation
 * @param output what the function process wrote, as Lambda sends it to CloudWatch Logs
 * @param report the {@code REPORT} line of the invocation
 * @param duration how long the run took, extraction of the jar included
 */
record LambdaRun(Init init, Invocation invocation, String output, String report, Duration duration) {

	/**
	 * Return the function's response.
	 * @return the response JSON
	 * @throws IllegalStateException if the invocation did not succeed, with the log's
	 * tail
	 */
	String response() {
		if (this.invocation.status() != Invocation.Status.SUCCEEDED) {
			throw new IllegalStateException("The Lambda invocation " + this.invocation.status() + " after init "
					+ this.init.status() + ":\n" + tail());
		}
		return this.invocation.responseText();
	}

	/**
	 * Return the last lines of the function's log, for failure messages.
	 * @return the tail of the output
	 */
	String tail() {
		String[] lines = this.output.split("\n");
		int from = Math.max(0, lines.length - 60);
		return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
	}

}
