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

package io.github.secretbaker.kms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SecretValues}, against the local KMS and SSM server.
 */
@LocalAwsTest
class SecretValuesTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db_password";

	private final String password = BakedSecretFixtures.randomValue();

	private final List<BakedSecret> firstReads = new CopyOnWriteArrayList<>();

	private KmsDecrypter kms;

	@AfterEach
	void closeClient() {
		if (this.kms != null) {
			this.kms.close();
		}
	}

	@Test
	void waitsForTheDecryptionInTheBackgroundAndReportsItsTimeOnce(LocalAwsServer server) {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets
			.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		SecretValues values = SecretValues.of(BakedSecretsDecrypter.builder(this.kms).build().start(baked));
		assertThat(values.isLazy()).isFalse();
		assertThat(values.join()).isNotNull();
		assertThat(values.join()).isNull();
		assertThat(values.get("DB_PASSWORD")).isEqualTo(this.password);
		assertThat(values.isDecrypted("DB_PASSWORD")).isTrue();
		assertThat(values.toString()).doesNotContain(this.password);
	}

	@Test
	void refusesAReadBeforeADeferredDecryptionIsSuppliedItsDecrypter(LocalAwsServer server) {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets
			.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn)));
		for (boolean lazy : new boolean[] { false, true }) {
			server.resetCounters();
			SecretValues values = SecretValues.deferred(baked, lazy, "not restored yet", this.firstReads::add);
			assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> values.get("DB_PASSWORD"))
				.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(Kind.NOT_ATTEMPTED)))
				.withMessageContaining("not restored yet");
			assertThat(values.join()).isNull();
			assertThat(server.callCounts()).isEmpty();
			this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
			values.supply(BakedSecretsDecrypter.builder(this.kms).build());
			assertThat(values.get("DB_PASSWORD")).isEqualTo(this.password);
			assertThat(server.callCount("Decrypt")).isEqualTo(1);
			assertThat(this.firstReads).hasSize(lazy ? 1 : 0);
			this.kms.close();
			this.kms = null;
		}
	}

	@Test
	void decryptsAnewAndReportsItsTimeAnewAfterEachRestore(LocalAwsServer server) {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets
			.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		SecretValues values = SecretValues.deferred(baked, false, "not restored yet", this.firstReads::add);
		server.resetCounters();
		for (int restore = 1; restore <= 2; restore++) {
			values.supply(BakedSecretsDecrypter.builder(this.kms).build());
			assertThat(values.join()).isNotNull();
			assertThat(values.join()).isNull();
			assertThat(values.get("DB_PASSWORD")).isEqualTo(this.password);
			assertThat(server.callCount("Decrypt")).isEqualTo(restore);
		}
	}

	@Test
	void answersEverySecretWithThePlaceholderAndDecryptsNothing() {
		BakedSecrets baked = BakedSecrets.of(List.of(BakedSecret.of("DB_PASSWORD", "AQIDBA==", ARN)));
		SecretValues values = SecretValues.placeholders(baked, "placeholder");
		assertThat(values.get("DB_PASSWORD")).isEqualTo("placeholder");
		assertThat(values.isDecrypted("DB_PASSWORD")).isFalse();
		assertThat(values.join()).isNull();
	}

	@Test
	void decryptsDifferentSecretsConcurrentlyInLazyMode(LocalAwsServer server) throws Exception {
		String keyArn = server.createKey();
		Map<String, String> values = new LinkedHashMap<>();
		List<BakedSecret> baked = new ArrayList<>();
		for (String name : namesSharingAHashBin(4)) {
			values.put(name, BakedSecretFixtures.randomValue());
			baked.add(BakedSecretFixtures.bake(server, name, values.get(name), keyArn));
		}
		List<String> names = List.copyOf(values.keySet());
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		SecretValues source = SecretValues.lazy(BakedSecrets.of(baked), BakedSecretsDecrypter.builder(this.kms).build(),
				this.firstReads::add);
		server.resetCounters();
		server.faults().latency("Decrypt", Duration.ofMillis(500));
		int threads = 16;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Map<String, String>>> readers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int first = i % names.size();
				readers.add(() -> {
					start.await();
					Map<String, String> read = new LinkedHashMap<>();
					for (int j = 0; j < names.size(); j++) {
						String name = names.get((first + j) % names.size());
						read.put(name, source.get(name));
					}
					return read;
				});
			}
			for (Future<Map<String, String>> read : executor.invokeAll(readers)) {
				assertThat(read.get()).isEqualTo(values);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(names.size());
		assertThat(this.firstReads).hasSize(names.size());
		assertThat(server.maxInFlight("Decrypt")).isEqualTo(names.size());
	}

	@Test
	void boundsEveryConcurrentFirstReadByTheTimeoutFromItsOwnCall(LocalAwsServer server) throws Exception {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets
			.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		Duration timeout = Duration.ofSeconds(1);
		SecretValues source = SecretValues.lazy(baked, BakedSecretsDecrypter.builder(this.kms).timeout(timeout).build(),
				this.firstReads::add);
		server.resetCounters();
		server.faults().hangNext("Decrypt", 100);
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Long>> readers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				readers.add(() -> {
					start.await();
					long began = System.nanoTime();
					assertThatExceptionOfType(SecretDecryptionException.class)
						.isThrownBy(() -> source.get("DB_PASSWORD"))
						.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
							.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT)));
					return System.nanoTime() - began;
				});
			}
			for (Future<Long> waited : executor.invokeAll(readers)) {
				// Each read gives up at its own deadline; before the fix they queued up,
				// each making a full attempt of its own after the previous one, 8 times
				// the timeout.
				assertThat(Duration.ofNanos(waited.get())).isLessThan(timeout.multipliedBy(3));
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void serves32ConcurrentRequestsOfAManagedInstanceWithOneDecryptPerSecretInLazyMode(LocalAwsServer server)
			throws Exception {
		// Lambda Managed Instances run one function instance on many threads, 32
		// concurrent requests per vCPU by default: each request reads a secret every
		// request reads and one it shares with a few others, all for the first time at
		// once.
		String keyArn = server.createKey();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("SHARED", "shared, \"quoted\" $1 .*\n");
		for (int i = 0; i < 8; i++) {
			values.put("REQUEST_" + i, BakedSecretFixtures.randomValue() + ", [a-z]+ \\d " + i + "\n");
		}
		List<BakedSecret> baked = new ArrayList<>();
		values.forEach((name, value) -> baked.add(BakedSecretFixtures.bake(server, name, value, keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(10));
		Duration timeout = Duration.ofSeconds(5);
		SecretValues source = SecretValues.lazy(BakedSecrets.of(baked),
				BakedSecretsDecrypter.builder(this.kms).timeout(timeout).build(), this.firstReads::add);
		server.resetCounters();
		server.faults().latency("Decrypt", Duration.ofMillis(300));
		int threads = 32;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Request>> requests = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String own = "REQUEST_" + (i % 8);
				boolean sharedFirst = i % 2 == 0;
				requests.add(() -> {
					start.await();
					long began = System.nanoTime();
					Map<String, String> read = new LinkedHashMap<>();
					for (String name : sharedFirst ? List.of("SHARED", own) : List.of(own, "SHARED")) {
						read.put(name, source.get(name));
					}
					return new Request(read, Duration.ofNanos(System.nanoTime() - began));
				});
			}
			for (Future<Request> request : executor.invokeAll(requests)) {
				Request done = request.get();
				done.read().forEach((name, value) -> assertThat(value).as(name).isEqualTo(values.get(name)));
				assertThat(done.read()).hasSize(2);
				assertThat(done.took()).isLessThan(timeout);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(values.size());
		assertThat(values.keySet()).allMatch(source::isDecrypted);
		assertThat(source.toString()).doesNotContain(values.get("SHARED").strip());
		assertThat(this.firstReads).hasSize(values.size());
	}

	/**
	 * Return secret names that a hash map keeps in one bin, so that a lock held per bin
	 * while KMS answers would make their first reads wait for each other.
	 */
	private static List<String> namesSharingAHashBin(int count) {
		List<String> names = new ArrayList<>();
		int bin = -1;
		for (int i = 0; names.size() < count; i++) {
			String name = "SECRET_" + i;
			int hash = name.hashCode();
			int nameBin = (hash ^ (hash >>> 16)) & 15;
			if (bin == -1) {
				bin = nameBin;
			}
			if (nameBin == bin) {
				names.add(name);
			}
		}
		return names;
	}

	private record Request(Map<String, String> read, Duration took) {
	}

}
