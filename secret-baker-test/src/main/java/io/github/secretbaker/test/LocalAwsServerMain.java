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

package io.github.secretbaker.test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Command-line entry point of the standalone server: starts a {@link LocalAwsServer},
 * prints its endpoint URL as the first line of standard output once it accepts requests,
 * and stops on SIGTERM or Ctrl+C. Exits with {@code 2} on invalid arguments and {@code 1}
 * when the server cannot start.
 *
 * @since 0.1.0
 */
public final class LocalAwsServerMain {

	static final int EXIT_STARTUP_FAILURE = 1;

	static final int EXIT_USAGE = 2;

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

	private static final String USAGE = """
			Usage: java -jar secret-baker-test-standalone.jar [options]

			Runs a local AWS KMS and SSM Parameter Store server on 127.0.0.1 and prints its
			endpoint URL as the first line of standard output. State lives in memory only.

			Options:
			  --port N                 port to listen on; 0 picks a free port (default 0)
			  --account-id ID          12-digit account id used in ARNs (default 123456789012)
			  --region REGION          region of the seeded keys and parameters (default us-east-1)
			  --seed FILE              create keys, aliases and parameters from a JSON or YAML file
			  --https                  answer over HTTPS with a self-signed certificate generated at
			                           start; the second line of standard output is the path of a
			                           PKCS12 trust store for clients, password secret-baker-test
			  --latency OP=DURATION    delay answers to OP, e.g. Decrypt=25ms, *=1s
			  --throttle OP=N          answer the next N calls of OP with ThrottlingException
			  --rate-limit OP=RPS      throttle calls of OP beyond RPS requests per second
			  --fail OP=N              answer the next N calls of OP with HTTP 500 InternalFailure
			  --hang OP=N              leave the next N calls of OP unanswered
			  --deny OP=RESOURCE       answer OP on RESOURCE (key or parameter, * for all) with
			                           AccessDeniedException
			  --partial-pages OP[=SEED]
			                           answer OP (DescribeParameters, GetParametersByPath,
			                           GetParameterHistory or *) with short and empty pages that
			                           still have a NextToken, at random from SEED (default 1)
			  --help                   print this help and exit

			OP is an operation name such as Decrypt or GetParameters, or * for all. Fault
			options may be repeated. Exit codes: 0 stopped, 1 failed to start, 2 invalid arguments.
			""";

	private LocalAwsServerMain() {
	}

	/**
	 * Start the server and wait until the JVM is asked to stop.
	 * @param args the command-line arguments
	 * @throws InterruptedException if the main thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (UsageException ex) {
			ex.problems().forEach((problem) -> System.err.println("secret-baker-test: " + problem));
			System.err.println("Run with --help for usage.");
			System.exit(EXIT_USAGE);
			return;
		}
		if (options.help()) {
			System.out.print(USAGE);
			return;
		}
		LocalAwsServer server;
		try {
			server = start(options);
		}
		catch (RuntimeException ex) {
			System.err.println("secret-baker-test: cannot start: " + ex.getMessage());
			System.exit(EXIT_STARTUP_FAILURE);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-aws-shutdown"));
		System.out.println(server.endpoint());
		if (server.isHttps()) {
			System.out.println(server.trustStore());
		}
		System.out.flush();
		System.err.println("Local KMS and SSM server for account " + server.accountId() + " listening on "
				+ server.endpoint() + "; stop with SIGTERM or Ctrl+C");
		Thread.currentThread().join();
	}

	/**
	 * Build, seed and start a server as the options say.
	 * @param options the parsed options
	 * @return the running server
	 */
	static LocalAwsServer start(Options options) {
		LocalAwsServer server = LocalAwsServer.builder()
			.port(options.port())
			.accountId(options.accountId())
			.region(options.region())
			.https(options.https())
			.build();
		if (options.seed() != null) {
			SeedFile.read(options.seed()).applyTo(server);
		}
		options.faults().forEach((fault) -> fault.accept(server.faults()));
		return server.startServer();
	}

	static String usage() {
		return USAGE;
	}

	/**
	 * Parsed command-line options.
	 *
	 * @param help whether help was asked for
	 * @param https whether to serve HTTPS
	 * @param port the port
	 * @param accountId the account id
	 * @param region the region
	 * @param seed the seed file
	 * @param faults the faults to inject
	 */
	record Options(boolean help, boolean https, int port, String accountId, String region, @Nullable Path seed,
			List<Consumer<Faults>> faults) {

		static Options parse(String... args) {
			List<String> problems = new ArrayList<>();
			boolean help = false;
			boolean https = false;
			int port = 0;
			String accountId = LocalAwsServer.DEFAULT_ACCOUNT_ID;
			String region = LocalAwsServer.DEFAULT_REGION;
			Path seed = null;
			List<Consumer<Faults>> faults = new ArrayList<>();
			List<String> faultArguments = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				String name = arg;
				String value = null;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					name = arg.substring(0, equals);
					value = arg.substring(equals + 1);
				}
				if (name.equals("--help") || name.equals("-h")) {
					help = true;
					continue;
				}
				if (arg.equals("--https")) {
					https = true;
					continue;
				}
				if (!List
					.of("--port", "--account-id", "--region", "--seed", "--latency", "--throttle", "--rate-limit",
							"--fail", "--hang", "--deny", "--partial-pages")
					.contains(name)) {
					problems.add("unknown option '" + arg + "'");
					continue;
				}
				if (value == null) {
					if (i + 1 >= args.length) {
						problems.add(name + " needs a value");
						continue;
					}
					value = args[++i];
				}
				try {
					switch (name) {
						case "--port" -> port = parsePort(value);
						case "--account-id" -> {
							LocalAwsServer.builder().accountId(value);
							accountId = value;
						}
						case "--region" -> {
							LocalAwsServer.builder().region(value);
							region = value;
						}
						case "--seed" -> seed = Path.of(value);
						default -> {
							faults.add(fault(name, value));
							faultArguments.add(name + " " + value);
						}
					}
				}
				catch (IllegalArgumentException ex) {
					problems.add(name + " " + value + ": " + ex.getMessage());
				}
			}
			// Faults are tried once the account id is known: a deny rule on another
			// account's ARN can never match.
			Faults probe = new Faults(accountId);
			for (int i = 0; i < faults.size(); i++) {
				try {
					faults.get(i).accept(probe);
				}
				catch (IllegalArgumentException ex) {
					problems.add(faultArguments.get(i) + ": " + ex.getMessage());
				}
			}
			if (!problems.isEmpty()) {
				throw new UsageException(problems);
			}
			return new Options(help, https, port, accountId, region, seed, List.copyOf(faults));
		}

		private static int parsePort(String value) {
			try {
				int port = Integer.parseInt(value);
				LocalAwsServer.builder().port(port);
				return port;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("port must be a number between 0 and 65535");
			}
		}

		private static Consumer<Faults> fault(String option, String value) {
			if (option.equals("--partial-pages") && value.indexOf('=') < 0) {
				return (faults) -> faults.partialPages(value, Faults.DEFAULT_PAGE_SEED);
			}
			int equals = value.indexOf('=');
			if (equals <= 0 || equals == value.length() - 1) {
				throw new IllegalArgumentException("expected OPERATION=VALUE");
			}
			String operation = value.substring(0, equals);
			String argument = value.substring(equals + 1);
			return switch (option) {
				case "--latency" -> {
					Duration delay = parseDuration(argument);
					yield (faults) -> faults.latency(operation, delay);
				}
				case "--throttle" -> {
					int count = parseCount(argument);
					yield (faults) -> faults.throttleNext(operation, count);
				}
				case "--rate-limit" -> {
					double rate = parseRate(argument);
					yield (faults) -> faults.rateLimit(operation, rate);
				}
				case "--fail" -> {
					int count = parseCount(argument);
					yield (faults) -> faults.failNext(operation, count);
				}
				case "--hang" -> {
					int count = parseCount(argument);
					yield (faults) -> faults.hangNext(operation, count);
				}
				case "--deny" -> (faults) -> faults.deny(operation, argument);
				case "--partial-pages" -> {
					long seed = parseSeed(argument);
					yield (faults) -> faults.partialPages(operation, seed);
				}
				default -> throw new IllegalStateException(option);
			};
		}

		static Duration parseDuration(String value) {
			Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
			if (matcher.matches()) {
				double amount = Double.parseDouble(matcher.group(1));
				double millis = switch (matcher.group(2)) {
					case "ms" -> amount;
					case "s" -> amount * 1000;
					default -> amount * 60_000;
				};
				return Duration.ofNanos(Math.round(millis * 1_000_000));
			}
			try {
				return Duration.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("duration must look like 25ms, 1.5s, 2m or PT1S");
			}
		}

		private static int parseCount(String value) {
			if (!value.matches("\\d{1,9}")) {
				throw new IllegalArgumentException("count must be a whole number of calls, zero or more");
			}
			return Integer.parseInt(value);
		}

		private static long parseSeed(String value) {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("seed must be a whole number");
			}
		}

		private static double parseRate(String value) {
			try {
				return Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("rate must be a number of requests per second");
			}
		}

	}

	/**
	 * Invalid command-line arguments, with every problem found.
	 */
	static final class UsageException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final List<String> problems;

		UsageException(List<String> problems) {
			super(String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return this.problems;
		}

	}

}
