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
import java.time.Instant;
import java.util.List;

import io.github.secretbaker.benchmarks.BenchmarkOptions.Benchmark;
import io.github.secretbaker.benchmarks.bake.BakeBenchmark;
import io.github.secretbaker.benchmarks.bake.BakeSample;
import io.github.secretbaker.benchmarks.burst.BurstBenchmark;
import io.github.secretbaker.benchmarks.coldstart.ColdStartBenchmark;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSummary;
import io.github.secretbaker.benchmarks.httpclient.HttpClientBenchmark;
import io.github.secretbaker.benchmarks.httpclient.HttpClientSample;
import io.github.secretbaker.benchmarks.lambda.LambdaInitBenchmark;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedBenchmark;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSummary;
import io.github.secretbaker.benchmarks.report.BenchmarkReport;
import io.github.secretbaker.benchmarks.serverload.ServerLoadBenchmark;
import io.github.secretbaker.benchmarks.serverload.ServerLoadResult;
import io.github.secretbaker.test.LocalAwsServer;

/**
 * Runs the benchmarks against one local KMS and SSM server started in this JVM, then
 * writes the report, the plot and the samples to the results folder. Run it with
 * {@value BenchmarkReport#COMMAND}, after which the function modules are built; settings
 * are the {@code --name=value} arguments of {@link BenchmarkOptions}.
 *
 * @since 0.1.0
 */
public final class BenchmarkRunner {

	private static final int SERVER_LOAD_PARALLELISM = 100;

	private BenchmarkRunner() {
	}

	/**
	 * Run the benchmarks.
	 * @param args the {@code --name=value} settings
	 */
	public static void main(String[] args) {
		// The JDK's HTTP server, under the local server, leaves Nagle's algorithm on:
		// with the client's delayed ACKs that adds about 40 ms to every answer, more than
		// L itself.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Error: " + ex.getMessage());
			System.err.println(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		Path report = run(options);
		System.out.println("Report written to " + report);
	}

	static Path run(BenchmarkOptions options) {
		Machine machine = Machine.current();
		System.out.println("Benchmarking on " + machine);
		Path workDir = options.benchmarksDir().resolve("harness/target/benchmark-work");
		Instant started = Instant.now();
		String loadBefore = Machine.loadAverage();
		LambdaShapedSummary lambda = null;
		ColdStartSummary coldStart = null;
		List<BakeSample> bake = null;
		List<HttpClientSample> httpClients = null;
		ServerLoadResult serverLoad = null;
		try (LocalAwsServer server = LocalAwsServer.start()) {
			if (options.benchmarks().contains(Benchmark.LAMBDA)) {
				lambda = timed(Benchmark.LAMBDA, () -> new LambdaShapedBenchmark(options, workDir).run());
			}
			if (options.benchmarks().contains(Benchmark.SERVER_LOAD)) {
				serverLoad = timed(Benchmark.SERVER_LOAD,
						() -> new ServerLoadBenchmark(server, SERVER_LOAD_PARALLELISM, options.latency()).run());
			}
			if (options.benchmarks().contains(Benchmark.COLD_START)) {
				coldStart = timed(Benchmark.COLD_START, () -> new ColdStartBenchmark(options, server, workDir).run());
			}
			if (options.benchmarks().contains(Benchmark.HTTP_CLIENT)) {
				httpClients = timed(Benchmark.HTTP_CLIENT,
						() -> new HttpClientBenchmark(server, options.httpClientRepetitions(), options.jvmOptions())
							.run());
			}
			if (options.benchmarks().contains(Benchmark.LAMBDA_INIT)) {
				Path lambdaInit = timed(Benchmark.LAMBDA_INIT,
						() -> new LambdaInitBenchmark(options, server, workDir).run());
				System.out.println("Lambda init report written to " + lambdaInit);
			}
			if (options.benchmarks().contains(Benchmark.BURST)) {
				Path burst = timed(Benchmark.BURST,
						() -> new BurstBenchmark(server, options.latency(), workDir).run(options.resultsDir()));
				System.out.println("Burst report written to " + burst);
			}
			if (options.benchmarks().contains(Benchmark.BAKE)) {
				bake = timed(Benchmark.BAKE, () -> new BakeBenchmark(server, options.bakeSizes(),
						options.bakeRepetitions(), options.latency(), workDir)
					.run());
			}
		}
		BenchmarkReport report = new BenchmarkReport(options, machine, started, Instant.now(), loadBefore,
				Machine.loadAverage(), lambda, coldStart, bake, httpClients, serverLoad);
		return report.write(options.resultsDir());
	}

	private static <T> T timed(Benchmark benchmark, Step<T> step) {
		long start = System.nanoTime();
		T result = step.run();
		System.out.println(
				"[" + benchmark.id() + "] done in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
		return result;
	}

	@FunctionalInterface
	private interface Step<T> {

		T run();

	}

}
