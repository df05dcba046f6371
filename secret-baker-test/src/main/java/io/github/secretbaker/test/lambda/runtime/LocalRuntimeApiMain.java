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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.secretbaker.test.lambda.runtime.Invocation.Status;
import io.github.secretbaker.test.lambda.runtime.LocalRuntimeApi.PendingInvocation;

/**
 * Runs a {@link LocalRuntimeApi} from the command line for a function process started by
 * hand: it prints {@code AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>} as its first line,
 * waits for init, hands out the given events one after the other, prints each response
 * and a {@code REPORT} line, and exits.
 *
 * @since 0.1.0
 */
public final class LocalRuntimeApiMain {

	static final String USAGE = """
			Usage: java -cp secret-baker-test-<version>-standalone.jar \\
			         io.github.secretbaker.test.lambda.runtime.LocalRuntimeApiMain [options]
			  --port <n>              port on 127.0.0.1 (default 0: a free one)
			  --function-name <name>  the function name in the invoked ARN (default local-function)
			  --timeout <seconds>     the function timeout, for each deadline (default 30)
			  --init-timeout <s>      how long to wait for init (default 10, Lambda's limit)
			  --event <file>          an event to hand out, repeatable (default: one {})
			  --help                  show this help
			Exit codes: 0 every event answered, 1 an init or invocation error, 2 invalid arguments.""";

	private LocalRuntimeApiMain() {
	}

	/**
	 * Run the Runtime API.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("Error: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		if (options.help()) {
			out.println(USAGE);
			return 0;
		}
		List<byte[]> events = new ArrayList<>();
		try {
			for (Path event : options.events()) {
				events.add(Files.readAllBytes(event));
			}
		}
		catch (IOException ex) {
			err.println("Error: cannot read event " + ex.getMessage());
			return 2;
		}
		if (events.isEmpty()) {
			events.add("{}".getBytes(StandardCharsets.UTF_8));
		}
		try (LocalRuntimeApi api = LocalRuntimeApi.builder()
			.port(options.port())
			.functionName(options.functionName())
			.timeout(options.timeout())
			.start()) {
			long startedAt = System.nanoTime();
			out.println("AWS_LAMBDA_RUNTIME_API=" + api.address());
			out.flush();
			if (!api.awaitInitEnd(options.initTimeout())) {
				err.println("INIT_REPORT no next call within " + options.initTimeout().toSeconds() + " s");
				return 1;
			}
			double initMillis = (api.initEndedAt().getAsLong() - startedAt) / 1e6;
			if (api.initError().isPresent()) {
				FunctionError error = api.initError().get();
				err.printf(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tStatus: error\tError Type: %s%n",
						initMillis, error.runtimeErrorType());
				err.println(error.body());
				return 1;
			}
			err.printf(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms (from this server's start)%n", initMillis);
			boolean failed = false;
			for (byte[] event : events) {
				Invocation invocation = await(api, api.submit(event), options.timeout());
				if (invocation.status() == Status.SUCCEEDED) {
					out.println(invocation.responseText());
				}
				else {
					failed = true;
					err.println(invocation.requestId() + " " + invocation.status()
							+ ((invocation.error() != null) ? ": " + invocation.error().body() : ""));
				}
				out.flush();
				err.printf(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms%n", invocation.requestId(),
						invocation.duration().toNanos() / 1e6);
			}
			return failed ? 1 : 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static Invocation await(LocalRuntimeApi api, PendingInvocation pending, Duration timeout)
			throws InterruptedException {
		try {
			return pending.outcome()
				.get(timeout.toMillis() + LocalRuntimeApi.MAX_NEXT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			api.timeOut(pending.requestId());
			return pending.outcome().join();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private record Options(int port, String functionName, Duration timeout, Duration initTimeout, List<Path> events,
			boolean help) {

		static Options parse(String[] args) {
			int port = 0;
			String functionName = "local-function";
			Duration timeout = Duration.ofSeconds(30);
			Duration initTimeout = LambdaFunctionProcess.DEFAULT_INIT_TIMEOUT;
			List<Path> events = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					return new Options(port, functionName, timeout, initTimeout, events, true);
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option '" + arg + "' needs a value");
				}
				String value = args[++i];
				switch (arg) {
					case "--port" -> port = number(arg, value);
					case "--function-name" -> functionName = value;
					case "--timeout" -> timeout = Duration.ofSeconds(number(arg, value));
					case "--init-timeout" -> initTimeout = Duration.ofSeconds(number(arg, value));
					case "--event" -> events.add(Path.of(value));
					default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
				}
			}
			if (timeout.isZero() || initTimeout.isZero()) {
				throw new IllegalArgumentException("--timeout and --init-timeout must be at least 1 second");
			}
			return new Options(port, functionName, timeout, initTimeout, events, false);
		}

		private static int number(String option, String value) {
			try {
				int number = Integer.parseInt(value);
				if (number < 0) {
					throw new NumberFormatException();
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						option + " takes a whole non-negative number but was '" + value + "'");
			}
		}

	}

}
