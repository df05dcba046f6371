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

package io.github.secretbaker.benchmarks.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.BenchmarkSecrets;
import io.github.secretbaker.benchmarks.LambdaEnvironment;
import io.github.secretbaker.benchmarks.Samples;
import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;

/**
 * Runs the benchmark function as the managed Java runtime does: its jars in a task root's
 * {@code lib/}, AWS's runtime interface client as the entry point, the Lambda
 * environment, and a local Runtime API, which records init as Lambda bills it (from the
 * process start to the first {@code next}). The variants run in rounds, rotated, each
 * paired with the baseline of its round; the result is written as {@code lambda-init.md}.
 *
 * @since 0.1.0
 */
public final class LambdaInitBenchmark {

	private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final String MAIN_CLASS = "io.github.secretbaker.benchmarks.function.BenchmarkFunctionApplication";

	private static final List<Variant> VARIANTS = List.of(Variant.BASELINE, Variant.EAGER, Variant.TODAY,
			Variant.SPRING_CLOUD_AWS);

	private final BenchmarkOptions options;

	private final LocalAwsServer server;

	private final Path workDir;

	private final String keyArn;

	/**
	 * Create a new benchmark.
	 * @param options the settings (sizes, repetitions of the other setups, latency, JVM
	 * options)
	 * @param server the local server
	 * @param workDir where to write task roots and baked files
	 */
	public LambdaInitBenchmark(BenchmarkOptions options, LocalAwsServer server, Path workDir) {
		this.options = options;
		this.server = server;
		this.workDir = workDir.resolve("lambda-init");
		this.keyArn = server.createKey("alias/benchmarks-lambda-init");
	}

	/**
	 * Run every variant for every number of secrets and write the report.
	 * @return the report file
	 */
	public Path run() {
		int rounds = this.options.repetitions(Setup.ONE_CORE);
		Map<Integer, Map<Variant, List<Double>>> inits = new LinkedHashMap<>();
		Map<Integer, Map<Variant, List<Double>>> added = new LinkedHashMap<>();
		for (int secrets : this.options.sizes()) {
			BenchmarkSecrets.bake(this.server, this.keyArn, parameterPath(secrets), secrets, bakedFile(secrets));
			Map<Variant, Path> taskRoots = new LinkedHashMap<>();
			for (Variant variant : VARIANTS) {
				taskRoots.put(variant, taskRoot(variant, secrets));
			}
			this.server.faults().latency("*", this.options.latency());
			Map<Variant, List<Double>> initTimes = new LinkedHashMap<>();
			Map<Variant, List<Double>> addedTimes = new LinkedHashMap<>();
			for (int round = -1; round < rounds; round++) {
				Map<Variant, Double> times = new LinkedHashMap<>();
				for (int i = 0; i < VARIANTS.size(); i++) {
					Variant variant = VARIANTS.get(Math.floorMod(i + round, VARIANTS.size()));
					double millis = coldStart(variant, secrets, taskRoots.get(variant));
					times.put(variant, millis);
					System.out.printf(Locale.ROOT, "[lambda-init] N=%d round %d/%d %-40s Init Duration %.0f ms%n",
							secrets, round + 1, rounds, variant.label(), millis);
				}
				if (round < 0) {
					continue;
				}
				times.forEach((variant, millis) -> {
					initTimes.computeIfAbsent(variant, (v) -> new ArrayList<>()).add(millis);
					if (variant != Variant.BASELINE) {
						addedTimes.computeIfAbsent(variant, (v) -> new ArrayList<>())
							.add(millis - times.get(Variant.BASELINE));
					}
				});
			}
			inits.put(secrets, initTimes);
			added.put(secrets, addedTimes);
		}
		return write(rounds, inits, added);
	}

	private double coldStart(Variant variant, int secrets, Path taskRoot) {
		List<String> jvmOptions = new ArrayList<>(LambdaFunctionProcess.DEFAULT_JVM_OPTIONS);
		jvmOptions.addAll(variant.systemProperties(this.server.endpoint(), parameterPath(secrets)));
		Map<String, String> environment = new LinkedHashMap<>(LambdaEnvironment.of(this.server));
		environment.keySet()
			.removeIf((name) -> !name.startsWith("AWS_") || name.equals("AWS_REGION")
					|| name.equals("AWS_DEFAULT_REGION"));
		// As in the function's configuration: FunctionInvoker finds the application
		// through it.
		environment.put("MAIN_CLASS", MAIN_CLASS);
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.region(this.server.region())
			.accountId(this.server.accountId())
			.memorySize(1024)
			.environment(environment)
			.jvmOptions(jvmOptions)
			.start()) {
			Init init = function.awaitInit();
			if (init.status() != Init.Status.READY) {
				throw new IllegalStateException(variant.label() + " with " + secrets + " secrets did not initialise: "
						+ init.status() + " " + ((init.error() != null) ? init.error().errorType() : "") + "\n"
						+ tail(function.output()));
			}
			Invocation invocation = function.invoke(FunctionAnswer.EVENT);
			FunctionAnswer.check(variant, secrets, invocation);
			return init.duration().toNanos() / 1e6;
		}
	}

	private static String tail(String output) {
		return (output.length() > 4000) ? output.substring(output.length() - 4000) : output;
	}

	private Path taskRoot(Variant variant, int secrets) {
		return TaskRoot.layOut(this.options.benchmarksDir(), variant, variant.baked() ? bakedFile(secrets) : null,
				this.workDir.resolve(variant.id() + "-n" + secrets));
	}

	private Path bakedFile(int secrets) {
		return this.workDir.resolve("secrets-n" + secrets).resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
	}

	private Path write(int rounds, Map<Integer, Map<Variant, List<Double>>> inits,
			Map<Integer, Map<Variant, List<Double>>> added) {
		StringBuilder report = new StringBuilder("# Cold start as Lambda bills it\n\n");
		report.append("The benchmark function run by AWS's runtime interface client (`AWSLambda ")
			.append(HANDLER)
			.append("`) from a task root whose `lib/` holds its jars, against a local Runtime API and the local KMS + SSM ")
			.append("server with L = ")
			.append(this.options.latency().toMillis())
			.append(" ms per AWS call. *Init Duration* is what Lambda reports and bills for an on-demand init: ")
			.append("from the start of the process to its first `next` call. ")
			.append(rounds)
			.append(" rounds per N, variants rotated each round, after one discarded round; *added* is paired with the ")
			.append("baseline of the same round. Written by `-Dbenchmarks.only=lambda-init`.\n\n");
		report.append("Init Duration, median (p90), ms:\n\n| N |");
		VARIANTS.forEach((variant) -> report.append(' ').append(variant.label()).append(" |"));
		report.append("\n|---|").append("---|".repeat(VARIANTS.size())).append('\n');
		inits.forEach((secrets, times) -> {
			report.append("| ").append(secrets).append(" |");
			VARIANTS.forEach((variant) -> report.append(' ').append(describe(times.get(variant))).append(" |"));
			report.append('\n');
		});
		List<Variant> others = VARIANTS.subList(1, VARIANTS.size());
		report.append("\nAdded Init Duration over the baseline, paired by round: median (p90), ms:\n\n| N |");
		others.forEach((variant) -> report.append(' ').append(variant.label()).append(" |"));
		report.append("\n|---|").append("---|".repeat(others.size())).append('\n');
		added.forEach((secrets, times) -> {
			report.append("| ").append(secrets).append(" |");
			others.forEach((variant) -> report.append(' ').append(describe(times.get(variant))).append(" |"));
			report.append('\n');
		});
		Path file = this.options.resultsDir().resolve("lambda-init.md");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		return file;
	}

	private static String describe(List<Double> values) {
		Samples samples = Samples.of(values);
		return String.format(Locale.ROOT, "%.0f (%.0f)", samples.median(), samples.p90());
	}

	private static String parameterPath(int secrets) {
		return "/benchmarks/lambda/n" + secrets + "/";
	}

}
