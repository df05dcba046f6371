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

package io.github.secretbaker.benchmarks.serverload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.secretbaker.benchmarks.serverload.ServerLoadResult.ParallelRun;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Measures the local server: {@code Decrypt} calls one after another without added
 * latency, then rounds of calls released all at once from as many threads, without and
 * with the benchmarks' latency. The times include the client's side, in the same JVM, so
 * they bound the server's own overhead from above.
 *
 * @since 0.1.0
 */
public final class ServerLoadBenchmark {

	private static final int SERIAL_CALLS = 200;

	private static final int ROUNDS = 20;

	private static final int WARM_UP = 200;

	private final LocalAwsServer server;

	private final int parallelism;

	private final Duration latency;

	/**
	 * Create the benchmark.
	 * @param server the local server, which the benchmark seeds
	 * @param parallelism the calls released at once
	 * @param latency the latency of the second set of parallel rounds
	 */
	public ServerLoadBenchmark(LocalAwsServer server, int parallelism, Duration latency) {
		this.server = server;
		this.parallelism = parallelism;
		this.latency = latency;
	}

	/**
	 * Run the calls.
	 * @return the answer times
	 */
	public ServerLoadResult run() {
		this.server.faults().clear();
		String name = "/benchmarks/server-load/secret";
		this.server.putSecureString(name, UUID.randomUUID().toString(),
				this.server.createKey("alias/benchmarks-server-load"));
		Parameter parameter = this.server.ssmClient()
			.getParameter((get) -> get.name(name).withDecryption(false))
			.parameter();
		DecryptRequest request = DecryptRequest.builder()
			.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(parameter.value())))
			.encryptionContext(Map.of("PARAMETER_ARN", parameter.arn()))
			.build();
		try (KmsClient kms = this.server.kmsClientBuilder().build()) {
			for (int i = 0; i < WARM_UP; i++) {
				kms.decrypt(request);
			}
			List<Double> serial = new ArrayList<>();
			for (int i = 0; i < SERIAL_CALLS; i++) {
				long start = System.nanoTime();
				kms.decrypt(request);
				serial.add((System.nanoTime() - start) / 1e6);
			}
			ExecutorService executor = Executors.newFixedThreadPool(this.parallelism);
			try {
				parallelRound(kms, request, executor, new ArrayList<>());
				List<ParallelRun> runs = new ArrayList<>();
				for (Duration added : List.of(Duration.ZERO, this.latency)) {
					this.server.faults().latency("Decrypt", added);
					runs.add(parallelRounds(kms, request, executor, added));
				}
				this.server.faults().clear();
				return new ServerLoadResult(serial, runs, this.parallelism);
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	private ParallelRun parallelRounds(KmsClient kms, DecryptRequest request, ExecutorService executor,
			Duration added) {
		List<Double> calls = Collections.synchronizedList(new ArrayList<>());
		List<Double> rounds = new ArrayList<>();
		this.server.resetCounters();
		for (int round = 0; round < ROUNDS; round++) {
			rounds.add(parallelRound(kms, request, executor, calls));
		}
		int maxInFlight = this.server.maxInFlight("Decrypt");
		System.out.printf(Locale.ROOT, "[server-load] L=%d ms: %d rounds of %d parallel calls, %d in flight at most%n",
				added.toMillis(), ROUNDS, this.parallelism, maxInFlight);
		return new ParallelRun(added, List.copyOf(calls), rounds, maxInFlight);
	}

	private double parallelRound(KmsClient kms, DecryptRequest request, ExecutorService executor, List<Double> calls) {
		CountDownLatch ready = new CountDownLatch(this.parallelism);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < this.parallelism; i++) {
			futures.add(executor.submit(() -> {
				ready.countDown();
				go.await();
				long start = System.nanoTime();
				kms.decrypt(request);
				calls.add((System.nanoTime() - start) / 1e6);
				return null;
			}));
		}
		try {
			ready.await();
			long start = System.nanoTime();
			go.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
			return (System.nanoTime() - start) / 1e6;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during a parallel round", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A parallel Decrypt failed: " + ex.getCause(), ex.getCause());
		}
	}

}
