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

package io.github.secretbaker.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.Variant;

/**
 * The settings of a benchmark run, parsed from {@code --name=value} arguments.
 *
 * @param benchmarksDir the {@code benchmarks} folder, holding the built function modules
 * @param resultsDir where the report, plot and samples are written
 * @param latency the latency added to every call the local server answers
 * @param repetitions the cold starts per variant and per number of secrets in the 2-core
 * {@code FunctionInvoker} setup
 * @param setupRepetitions the cold starts per variant and per number of secrets in every
 * other setup, whose cold starts take longer or need a training run each
 * @param sizes the numbers of secrets of the cold start benchmark
 * @param bakeSizes the numbers of parameters of the bake benchmark
 * @param bakeRepetitions the bakes per method and per number of parameters
 * @param httpClientRepetitions the fresh JVMs per HTTP client
 * @param jvmOptions the options of every child JVM
 * @param benchmarks the benchmarks to run
 * @param variants the cold start variants to run, by setup, each list starting with the
 * setup's baseline
 * @param aotJavaHome the JDK 25 of the AOT cache setup
 * @param lambdaMemorySizes the memory sizes of the Lambda-shaped benchmark, each run
 * under the CPU quota Lambda gives it
 * @param lambdaRounds the rounds per memory size and number of secrets of the
 * Lambda-shaped benchmark
 * @param lambdaVariants the variants of the Lambda-shaped benchmark, the baseline first
 * @param lambdaStarterOptions JVM options added to the secret-baker variants of the
 * Lambda-shaped benchmark, to compare a setting of the starter (none by default)
 * @param lambdaSnapStartRounds the emulated SnapStart restores per memory size and N of
 * the Lambda-shaped benchmark, {@code 0} for none
 * @param lambdaAppCds whether the Lambda-shaped benchmark starts every function with a
 * dynamic AppCDS archive recorded for it by a training run, as a container image can
 * @since 0.1.0
 */
public record BenchmarkOptions(Path benchmarksDir, Path resultsDir, Duration latency, int repetitions,
		int setupRepetitions, List<Integer> sizes, List<Integer> bakeSizes, int bakeRepetitions,
		int httpClientRepetitions, List<String> jvmOptions, Set<Benchmark> benchmarks,
		Map<Setup, List<Variant>> variants, Path aotJavaHome, List<Integer> lambdaMemorySizes, int lambdaRounds,
		List<Variant> lambdaVariants, List<String> lambdaStarterOptions, int lambdaSnapStartRounds,
		boolean lambdaAppCds) {

	/**
	 * The default options of every child JVM: the C1-only compilation that AWS recommends
	 * for Lambda cold starts, and the serial collector of a small function.
	 */
	public static final String DEFAULT_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 "
			+ "-XX:+UseSerialGC -Xshare:auto";

	/**
	 * The cold start variants run by default: every setup with its default variants.
	 */
	public static final String DEFAULT_VARIANTS = "function,one-core,tls,aot-cache,app-cds,java-jar";

	/**
	 * The JDK 25 of the AOT cache setup by default.
	 */
	public static final String DEFAULT_AOT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

	/**
	 * The variants of the Lambda-shaped benchmark by default.
	 */
	public static final String DEFAULT_LAMBDA_VARIANTS = "baseline,starter-without-file,eager,spring-cloud-aws";

	/**
	 * The benchmarks run by default.
	 */
	public static final String DEFAULT_BENCHMARKS = "lambda,cold-start,bake,http-client,server-load";

	static final String USAGE = """
			Usage: BenchmarkRunner --benchmarks-dir=<dir> [options]
			  --results-dir=<dir>                 where to write the report (default: <benchmarks-dir>/results)
			  --latency=<ms>                      latency added to every AWS call (default: 25)
			  --repetitions=<n>                   cold starts per variant and size, 2-core function (default: 10)
			  --setup-repetitions=<n>             the same in every other setup (default: 8)
			  --variants=<setup[:variant],...>    cold start variants; a setup alone means its defaults
			                                      (default: %s)
			  --aot-java-home=<dir>               JDK 25 of the aot-cache setup (default: %s)
			  --sizes=<n,...>                     numbers of secrets (default: 0,1,10,100)
			  --bake-sizes=<n,...>                numbers of parameters to bake (default: 10,100,1000)
			  --bake-repetitions=<n>              bakes per method and size (default: 3)
			  --http-client-repetitions=<n>       fresh JVMs per HTTP client (default: 10)
			  --jvm-options=<options>             options of every child JVM (default: %s)
			  --lambda-memory-sizes=<mb,...>      memory sizes of the Lambda-shaped benchmark (default: 1024,1769)
			  --lambda-rounds=<n>                 its rounds per memory size and N (default: 12)
			  --lambda-variants=<variant,...>     its variants, the baseline first (default: %s)
			  --lambda-starter-options=<options>  JVM options added to its secret-baker variants (default: none)
			  --lambda-snapstart-rounds=<n>       its emulated SnapStart restores per memory size and N, 0 for
			                                      none (default: 12)
			  --lambda-app-cds=<true|false>       start its functions with an AppCDS archive each, as a
			                                      container image can; no SnapStart then (default: false)
			  --only=<benchmark,...>              among lambda, cold-start, bake, http-client, server-load,
			                                      lambda-init, burst (default: %s)""".formatted(DEFAULT_VARIANTS,
			DEFAULT_AOT_JAVA_HOME, DEFAULT_JVM_OPTIONS, DEFAULT_LAMBDA_VARIANTS, DEFAULT_BENCHMARKS);

	/**
	 * Parse the command-line arguments.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException naming the argument that is missing or invalid
	 */
	public static BenchmarkOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Argument '" + arg + "' is not of the form --name=value");
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String benchmarksDir = values.remove("benchmarks-dir");
		if (benchmarksDir == null || benchmarksDir.isBlank()) {
			throw new IllegalArgumentException(
					"--benchmarks-dir is required: the folder holding the built function modules");
		}
		Path benchmarks = Path.of(benchmarksDir).toAbsolutePath().normalize();
		Path results = Path.of(values.getOrDefault("results-dir", benchmarks.resolve("results").toString()))
			.toAbsolutePath()
			.normalize();
		values.remove("results-dir");
		Duration latency = Duration.ofMillis(number(values, "latency", 25, 0));
		int repetitions = number(values, "repetitions", 10, 1);
		int setupRepetitions = number(values, "setup-repetitions", 8, 1);
		Map<Setup, List<Variant>> variants = variants(values.getOrDefault("variants", DEFAULT_VARIANTS));
		values.remove("variants");
		Path aotJavaHome = Path.of(values.getOrDefault("aot-java-home", DEFAULT_AOT_JAVA_HOME));
		values.remove("aot-java-home");
		List<Integer> sizes = numbers(values, "sizes", "0,1,10,100");
		List<Integer> bakeSizes = numbers(values, "bake-sizes", "10,100,1000");
		int bakeRepetitions = number(values, "bake-repetitions", 3, 1);
		int httpClientRepetitions = number(values, "http-client-repetitions", 10, 1);
		List<String> jvmOptions = options(values.getOrDefault("jvm-options", DEFAULT_JVM_OPTIONS));
		values.remove("jvm-options");
		List<Integer> lambdaMemorySizes = numbers(values, "lambda-memory-sizes", "1024,1769");
		if (lambdaMemorySizes.stream().anyMatch((memory) -> memory < 128 || memory > 10240)) {
			throw new IllegalArgumentException(
					"--lambda-memory-sizes takes Lambda memory sizes, 128 to 10240 MB, but was " + lambdaMemorySizes);
		}
		int lambdaRounds = number(values, "lambda-rounds", 12, 1);
		List<Variant> lambdaVariants = Arrays
			.stream(values.getOrDefault("lambda-variants", DEFAULT_LAMBDA_VARIANTS).split(","))
			.map(String::strip)
			.map(Variant::of)
			.toList();
		values.remove("lambda-variants");
		if (lambdaVariants.isEmpty() || lambdaVariants.get(0) != Variant.BASELINE) {
			throw new IllegalArgumentException("--lambda-variants must start with baseline, the function every "
					+ "other variant is compared with, but was " + lambdaVariants);
		}
		List<String> lambdaStarterOptions = options(values.getOrDefault("lambda-starter-options", ""));
		values.remove("lambda-starter-options");
		int lambdaSnapStartRounds = number(values, "lambda-snapstart-rounds", 12, 0);
		String appCds = values.getOrDefault("lambda-app-cds", "false");
		values.remove("lambda-app-cds");
		if (!appCds.equals("true") && !appCds.equals("false")) {
			throw new IllegalArgumentException("--lambda-app-cds takes true or false, but was '" + appCds + "'");
		}
		Set<Benchmark> benchmarksToRun = EnumSet.noneOf(Benchmark.class);
		for (String name : values.getOrDefault("only", DEFAULT_BENCHMARKS).split(",")) {
			benchmarksToRun.add(Benchmark.of(name.strip()));
		}
		values.remove("only");
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown option --" + values.keySet().iterator().next());
		}
		return new BenchmarkOptions(benchmarks, results, latency, repetitions, setupRepetitions, sizes, bakeSizes,
				bakeRepetitions, httpClientRepetitions, jvmOptions, benchmarksToRun, variants, aotJavaHome,
				lambdaMemorySizes, lambdaRounds, lambdaVariants, lambdaStarterOptions, lambdaSnapStartRounds,
				Boolean.parseBoolean(appCds));
	}

	private static List<String> options(String options) {
		return Arrays.stream(options.split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	/**
	 * Return the cold starts per variant and per number of secrets in a setup.
	 * @param setup the setup
	 * @return the repetitions
	 */
	public int repetitions(Setup setup) {
		return (setup == Setup.FUNCTION) ? this.repetitions : this.setupRepetitions;
	}

	private static Map<Setup, List<Variant>> variants(String list) {
		Map<Setup, List<Variant>> variants = new EnumMap<>(Setup.class);
		for (String entry : list.split(",")) {
			String trimmed = entry.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			try {
				Setup setup = Setup.of((colon < 0) ? trimmed : trimmed.substring(0, colon));
				List<Variant> selected = variants.computeIfAbsent(setup,
						(key) -> new ArrayList<>(List.of(Variant.BASELINE)));
				List<Variant> added = (colon < 0) ? setup.defaultVariants()
						: List.of(Variant.of(trimmed.substring(colon + 1)));
				added.stream().filter((variant) -> !selected.contains(variant)).forEach(selected::add);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--variants: " + ex.getMessage());
			}
		}
		if (variants.isEmpty()) {
			throw new IllegalArgumentException("--variants needs at least one setup, such as function");
		}
		variants.replaceAll((setup, selected) -> selected.stream().sorted().toList());
		return variants;
	}

	private static int number(Map<String, String> values, String name, int defaultValue, int minimum) {
		String value = values.remove(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < minimum) {
				throw new IllegalArgumentException("--" + name + " must be at least " + minimum + " but was " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number but was '" + value + "'");
		}
	}

	private static List<Integer> numbers(Map<String, String> values, String name, String defaultValue) {
		String value = values.remove(name);
		String list = (value != null) ? value : defaultValue;
		try {
			List<Integer> numbers = Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
			if (numbers.isEmpty() || numbers.stream().anyMatch((number) -> number < 0)) {
				throw new IllegalArgumentException("--" + name + " needs numbers of 0 or more but was '" + list + "'");
			}
			return numbers;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--" + name + " takes comma-separated whole numbers but was '" + list + "'");
		}
	}

	/**
	 * The benchmarks a run can include.
	 */
	public enum Benchmark {

		/**
		 * Lambda-shaped cold starts: AWS's runtime interface client on a local Runtime
		 * API, under the CPU quota of each memory size, over HTTPS.
		 */
		LAMBDA,

		/**
		 * Whole-process cold starts of the function variants.
		 */
		COLD_START,

		/**
		 * secret-baker's bake against one {@code GetParameter} per secret in series.
		 */
		BAKE,

		/**
		 * KMS client creation and first call with each HTTP client.
		 */
		HTTP_CLIENT,

		/**
		 * The local server's own overhead.
		 */
		SERVER_LOAD,

		/**
		 * Init as Lambda bills it: the function under AWS's runtime interface client on a
		 * local Runtime API. Not in the default selection.
		 */
		LAMBDA_INIT,

		/**
		 * Deploy bursts against a shared quota, simulated and checked against a real
		 * burst on the local server. Not in the default selection.
		 */
		BURST;

		static Benchmark of(String name) {
			for (Benchmark benchmark : values()) {
				if (benchmark.id().equals(name)) {
					return benchmark;
				}
			}
			throw new IllegalArgumentException("Unknown benchmark '" + name
					+ "' in --only: use lambda, cold-start, bake, http-client, server-load, lambda-init or burst");
		}

		/**
		 * Return the name used in {@code --only}.
		 * @return the benchmark id
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
