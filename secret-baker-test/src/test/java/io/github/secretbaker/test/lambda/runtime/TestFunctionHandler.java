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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.crac.Core;
import com.amazonaws.services.lambda.crac.Resource;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * A function for the tests, run in its own process under the runtime interface client:
 * its init fails with the message in {@code FAIL_INIT} when set; with
 * {@code RESTORE_MILLIS} it registers a SnapStart restore hook that takes that long; an
 * event {@code "fail"} makes it throw, {@code "sleep"} makes it outlast its deadline, and
 * any other event is answered with what the runtime told it.
 */
public class TestFunctionHandler implements RequestStreamHandler {

	public TestFunctionHandler() {
		String failure = System.getenv("FAIL_INIT");
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
		String restoreMillis = System.getenv("RESTORE_MILLIS");
		if (restoreMillis != null) {
			Core.getGlobalContext().register(new SlowRestore(Long.parseLong(restoreMillis)));
		}
		System.out.println("TestFunctionHandler initialized in " + System.getProperty("user.dir"));
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		if (event.equals("\"fail\"")) {
			throw new IllegalArgumentException("Cannot handle " + event);
		}
		if (event.equals("\"sleep\"")) {
			try {
				Thread.sleep(context.getRemainingTimeInMillis() + 5_000L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		String response = "{\"requestId\":\"" + context.getAwsRequestId() + "\",\"functionArn\":\""
				+ context.getInvokedFunctionArn() + "\",\"functionName\":\"" + context.getFunctionName()
				+ "\",\"memoryLimit\":" + context.getMemoryLimitInMB() + ",\"remainingTime\":"
				+ context.getRemainingTimeInMillis() + ",\"taskRoot\":\"" + System.getenv("LAMBDA_TASK_ROOT")
				+ "\",\"classLoader\":\"" + getClass().getClassLoader().getClass().getName() + "\",\"event\":" + event
				+ "}";
		output.write(response.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A restore hook that takes a given time, held by the handler (the runtime's context
	 * holds its resources weakly).
	 */
	static final class SlowRestore implements Resource {

		private static SlowRestore registered;

		private final long millis;

		SlowRestore(long millis) {
			this.millis = millis;
			registered = this;
		}

		@Override
		public void beforeCheckpoint(com.amazonaws.services.lambda.crac.Context<? extends Resource> context) {
			System.out.println("TestFunctionHandler before checkpoint");
		}

		@Override
		public void afterRestore(com.amazonaws.services.lambda.crac.Context<? extends Resource> context)
				throws InterruptedException {
			Thread.sleep(this.millis);
			System.out.println("TestFunctionHandler after restore of " + registered.millis + " ms");
		}

	}

}
