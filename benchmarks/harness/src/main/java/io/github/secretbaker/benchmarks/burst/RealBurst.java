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

package io.github.secretbaker.benchmarks.burst;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.secretbaker.benchmarks.BenchmarkSecrets;
import io.github.secretbaker.benchmarks.burst.ColdStartReader.BakedDecryption;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a burst for real on this machine: one {@link BakedSecretsDecrypter} per cold
 * start, each with its own KMS client, started at the scenario's arrival instants against
 * the local server with the scenario's latency and a {@code Decrypt} rate limit of its
 * quota. The decrypters run the project's own scheduling, retry and deadline on real
 * threads and clocks.
 *
 * @since 0.1.0
 */
public final class RealBurst {

	private static final Duration START_MARGIN = Duration.ofMillis(300);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

	private final LocalAwsServer server;

	private final Path workDir;

	private final LongAdder throttles = new LongAdder();

	/**
	 * Create the burst.
	 * @param server the local server, whose faults are cleared before and after
	 * @param workDir where to write the baked file
	 */
	public RealBurst(LocalAwsServer server, Path workDir) {
		this.server = server;
		this.workDir = workDir;
	}

	/**
	 * Run the burst.
	 * @param scenario a burst of {@link BakedDecryption} cold starts, whose bucket holds
	 * one second of the quota as the local server's does
	 * @return the cold starts' outcomes, with the calls and throttles the server counted
	 */
	public BurstResult run(BurstScenario scenario) {
		if (!(scenario.reader() instanceof BakedDecryption baked)) {
			throw new IllegalArgumentException("A real burst runs secret-baker's decrypter only");
		}
		this.server.faults().clear();
		String run = scenario.secrets() + "-" + scenario.seed();
		Path file = this.workDir.resolve("burst-" + run + ".json");
		BenchmarkSecrets.bake(this.server, this.server.createKey(), "/benchmarks/burst/" + run + "/",
				scenario.secrets(), file);
		BakedSecrets secrets = BakedSecretsFile.read(file);
		List<KmsDecrypter> clients = new ArrayList<>();
		ExecutorService coldStarts = Executors.newFixedThreadPool(scenario.coldStarts());
		try {
			List<BakedSecretsDecrypter> decrypters = new ArrayList<>();
			for (int i = 0; i < scenario.coldStarts(); i++) {
				KmsDecrypter client = client();
				clients.add(client);
				decrypters.add(BakedSecretsDecrypter.builder(client)
					.concurrency(baked.policy().concurrency())
					.timeout(baked.policy().timeout())
					.build());
			}
			// Every client's first call (class loading, connections, signing setup)
			// outside the burst: the simulation leaves it out, and on this shared machine
			// it would dominate the burst.
			for (BakedSecretsDecrypter decrypter : decrypters) {
				decrypter.decryptAll(secrets);
			}
			this.server.resetCounters();
			this.throttles.reset();
			this.server.faults().latency("Decrypt", scenario.latency());
			this.server.faults().rateLimit("Decrypt", scenario.quota());
			long[] arrivals = scenario.arrivalsNanos();
			long origin = System.nanoTime() + START_MARGIN.toNanos();
			List<Future<InitOutcome>> futures = new ArrayList<>();
			for (int i = 0; i < arrivals.length; i++) {
				BakedSecretsDecrypter decrypter = decrypters.get(i);
				long arrival = origin + arrivals[i];
				futures.add(coldStarts.submit(() -> coldStart(decrypter, secrets, arrival)));
			}
			List<InitOutcome> inits = new ArrayList<>();
			long bound = scenario.window().plus(baked.policy().timeout()).plus(START_MARGIN).plusSeconds(5).toNanos();
			long end = System.nanoTime() + bound;
			for (Future<InitOutcome> future : futures) {
				inits.add(future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			return new BurstResult(scenario, List.copyOf(inits), this.server.callCount("Decrypt"),
					this.throttles.sum());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the real burst", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The real burst did not complete: " + ex.getClass().getName(), ex);
		}
		finally {
			coldStarts.shutdownNow();
			clients.forEach(KmsDecrypter::close);
			this.server.faults().clear();
		}
	}

	private InitOutcome coldStart(BakedSecretsDecrypter decrypter, BakedSecrets secrets, long arrival) {
		long wait;
		while ((wait = arrival - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
		long start = System.nanoTime();
		try {
			decrypter.decryptAll(secrets);
			return new InitOutcome(System.nanoTime() - start, true);
		}
		catch (SecretDecryptionException ex) {
			return new InitOutcome(System.nanoTime() - start, false);
		}
	}

	private KmsDecrypter client() {
		return new ThrottleCounter(SdkKmsDecrypter.builder()
			.settings(new KmsClientSettings(this.server.region(), this.server.endpoint(), null, CALL_TIMEOUT))
			.credentialsProvider(this.server.credentialsProvider())
			.build(), this.throttles);
	}

	/**
	 * Counts the throttles a real client meets, on their way to the decrypter's retry.
	 */
	private record ThrottleCounter(KmsDecrypter client, LongAdder throttles) implements KmsDecrypter {

		@Override
		public byte[] decrypt(KmsDecryptRequest request) {
			try {
				return this.client.decrypt(request);
			}
			catch (KmsDecryptException ex) {
				if (ex.getKind() == Kind.THROTTLED) {
					this.throttles.increment();
				}
				throw ex;
			}
		}

		@Override
		public @Nullable String region() {
			return this.client.region();
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

}
