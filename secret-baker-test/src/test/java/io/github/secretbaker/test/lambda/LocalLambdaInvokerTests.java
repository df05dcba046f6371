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

package io.github.secretbaker.test.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LocalLambdaInvoker}.
 */
class LocalLambdaInvokerTests {

	private static final ClassLoader CLASS_LOADER = LocalLambdaInvokerTests.class.getClassLoader();

	@Test
	void createsStreamHandlerOnceAndInvokesItWithEventAndContext() {
		int before = EchoStreamHandler.instances.get();
		LocalLambdaInvoker invoker = LocalLambdaInvoker.create(EchoStreamHandler.class.getName(), "orders",
				Duration.ofSeconds(10), CLASS_LOADER);
		byte[] first = invoker.invoke("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
		byte[] second = invoker.invoke("{\"id\":2}".getBytes(StandardCharsets.UTF_8));
		assertThat(EchoStreamHandler.instances.get()).isEqualTo(before + 1);
		assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("orders|$LATEST|").endsWith("|{\"id\":1}");
		assertThat(new String(second, StandardCharsets.UTF_8)).endsWith("|{\"id\":2}");
		assertThat(invoker.initDuration()).isPositive();
	}

	@Test
	void reportsRemainingTimeWithinTheTimeout() {
		LocalLambdaInvoker invoker = LocalLambdaInvoker.create(EchoStreamHandler.class.getName() + "::handleRequest",
				"orders", Duration.ofSeconds(10), CLASS_LOADER);
		String response = new String(invoker.invoke(new byte[0]), StandardCharsets.UTF_8);
		int remaining = Integer.parseInt(response.split("\\|")[2]);
		assertThat(remaining).isGreaterThan(5_000).isLessThanOrEqualTo(10_000);
	}

	@Test
	void mapsEventToInputTypeOfPojoHandler() {
		LocalLambdaInvoker invoker = LocalLambdaInvoker.create(GreetingHandler.class.getName() + "::greet", "greeter",
				Duration.ofSeconds(3), CLASS_LOADER);
		byte[] response = invoker.invoke("{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo("{\"greeting\":\"Hello Ada from greeter\"}");
	}

	@Test
	void failsWithHandlerNameWhenClassIsMissing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalLambdaInvoker.create("com.example.Missing::handleRequest", "f",
					Duration.ofSeconds(1), CLASS_LOADER))
			.withMessageContaining("Handler class 'com.example.Missing' is not on the class path");
	}

	@Test
	void failsWithMethodNameWhenMethodIsMissing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalLambdaInvoker.create(EchoStreamHandler.class.getName() + "::nothing", "f",
					Duration.ofSeconds(1), CLASS_LOADER))
			.withMessageContaining("has no public method 'nothing(InputStream, OutputStream, Context)'");
	}

	@Test
	void reportsHandlerFailure() {
		LocalLambdaInvoker invoker = LocalLambdaInvoker.create(GreetingHandler.class.getName() + "::greet", "greeter",
				Duration.ofSeconds(3), CLASS_LOADER);
		assertThatIllegalStateException().isThrownBy(() -> invoker.invoke("{}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("::greet' failed")
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void runsFromTheCommandLineWithEventFile(@TempDir Path folder) throws IOException {
		Path event = Files.writeString(folder.resolve("event.json"), "{\"name\":\"Grace\"}");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = LocalLambdaInvoker.run(new String[] { "--handler", GreetingHandler.class.getName() + "::greet",
				"--event", event.toString(), "--function-name", "cli" }, new PrintStream(out, true),
				new PrintStream(err, true));
		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"greeting\":\"Hello Grace from cli\"}\n");
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("REPORT Init Duration: ");
	}

	@Test
	void rejectsUnknownOptionWithUsage() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = LocalLambdaInvoker.run(new String[] { "--handle", "x" }, System.out, new PrintStream(err, true));
		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--handle'", "Usage:");
	}

	/**
	 * Stand-in for {@code com.amazonaws.services.lambda.runtime.Context}.
	 */
	public interface Context {

		String getFunctionName();

		String getFunctionVersion();

		int getRemainingTimeInMillis();

		Logger getLogger();

	}

	/**
	 * Stand-in for {@code com.amazonaws.services.lambda.runtime.LambdaLogger}.
	 */
	public interface Logger {

		void log(String message);

	}

	/**
	 * A stream handler echoing the context and the event.
	 */
	public static class EchoStreamHandler {

		static final AtomicInteger instances = new AtomicInteger();

		public EchoStreamHandler() {
			instances.incrementAndGet();
		}

		public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
			context.getLogger().log("handling");
			String prefix = context.getFunctionName() + "|" + context.getFunctionVersion() + "|"
					+ context.getRemainingTimeInMillis() + "|";
			out.write(prefix.getBytes(StandardCharsets.UTF_8));
			in.transferTo(out);
		}

	}

	/**
	 * A handler taking and returning objects.
	 */
	public static class GreetingHandler {

		public Map<String, String> greet(Map<String, String> event, Context context) {
			if (!event.containsKey("name")) {
				throw new IllegalArgumentException("no name");
			}
			return Map.of("greeting", "Hello " + event.get("name") + " from " + context.getFunctionName());
		}

	}

}
