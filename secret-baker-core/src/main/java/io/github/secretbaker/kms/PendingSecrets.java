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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecrypter.Attempt;
import io.github.secretbaker.kms.BakedSecretsDecrypter.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * A decryption of baked secrets going on in the background, started by
 * {@link BakedSecretsDecrypter#start(BakedSecrets)}. {@link #join()} waits for it, never
 * past its deadline, and gives the same result however often and from however many
 * threads it is called. Values never appear in {@link #toString()}.
 * <p>
 * While nothing waits for it, at most {@value #BACKGROUND_CONCURRENCY} calls are in
 * flight: on a fraction of a CPU every further connection's TLS handshake costs more CPU
 * than the latency it hides, and the application is still starting. The first
 * {@link #join()} lets the decrypter's full
 * {@linkplain BakedSecretsDecrypter#getConcurrency() concurrency} in.
 *
 * @since 0.1.0
 */
public final class PendingSecrets {

	private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

	private static final Duration MAX_FIRST_CALL_GRACE = Duration.ofSeconds(1);

	/**
	 * The most calls in flight until something waits for the values.
	 */
	static final int BACKGROUND_CONCURRENCY = 2;

	private final BakedSecretsDecrypter decrypter;

	private final BakedSecrets secrets;

	private final Deadline deadline;

	private final Map<String, Attempt> attempts = new LinkedHashMap<>();

	private final Map<String, CompletableFuture<Outcome>> outcomes = new LinkedHashMap<>();

	private final @Nullable ExecutorService executor;

	private final Lock lock = new ReentrantLock();

	private final AtomicBoolean othersReleased = new AtomicBoolean();

	private final AtomicBoolean awaited = new AtomicBoolean();

	private final Semaphore calls;

	private final int concurrency;

	private final int backgroundConcurrency;

	private final long startNanos = System.nanoTime();

	private final AtomicLong lastOutcomeNanos = new AtomicLong();

	private volatile @Nullable DecryptedSecrets values;

	private volatile @Nullable SecretDecryptionException failure;

	PendingSecrets(BakedSecretsDecrypter decrypter, BakedSecrets secrets, Deadline deadline) {
		this.decrypter = decrypter;
		this.secrets = secrets;
		this.deadline = deadline;
		for (BakedSecret secret : secrets) {
			this.attempts.put(secret.name(), new Attempt(secret));
			this.outcomes.put(secret.name(), new CompletableFuture<>());
		}
		this.concurrency = Math.min(decrypter.getConcurrency(), Math.max(1, secrets.size()));
		this.backgroundConcurrency = Math.min(BACKGROUND_CONCURRENCY, this.concurrency);
		this.calls = new Semaphore(this.backgroundConcurrency);
		if (secrets.isEmpty()) {
			this.executor = null;
			this.values = DecryptedSecrets.of(Map.of());
			return;
		}
		this.executor = Executors.newFixedThreadPool(this.concurrency, new DaemonThreadFactory());
		List<BakedSecret> list = secrets.asList();
		// The first call goes alone: it loads the client's classes and opens a connection
		// once, rather than every thread racing through the same cold path and handshake.
		// The others follow when it is done, or after a grace period if it hangs.
		this.executor.execute(() -> {
			run(list.get(0));
			releaseOthers(list);
		});
		if (list.size() > 1) {
			long grace = Math.min(MAX_FIRST_CALL_GRACE.toNanos(), deadline.timeout().toNanos() / 5);
			CompletableFuture.delayedExecutor(grace, TimeUnit.NANOSECONDS).execute(() -> releaseOthers(list));
		}
	}

	private void releaseOthers(List<BakedSecret> list) {
		if (this.othersReleased.compareAndSet(false, true)) {
			for (int i = 1; i < list.size(); i++) {
				BakedSecret next = list.get(i);
				submit(() -> run(next));
			}
		}
	}

	private void submit(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RuntimeException ex) {
			// Rejected after the deadline shut the pool down: join() reports the secret
			// as not attempted.
		}
	}

	private void run(BakedSecret secret) {
		CompletableFuture<Outcome> outcome = this.outcomes.get(secret.name());
		if (outcome.isDone()) {
			return;
		}
		try {
			if (!this.calls.tryAcquire(this.deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
				// Not attempted: join() reports it at the deadline.
				return;
			}
			try {
				outcome.complete(this.decrypter.decryptOrFail(this.attempts.get(secret.name()), this.deadline));
			}
			finally {
				this.calls.release();
			}
		}
		catch (InterruptedException ex) {
			// The pool was shut down at the deadline: join() reports it.
			Thread.currentThread().interrupt();
		}
		finally {
			long now = System.nanoTime();
			this.lastOutcomeNanos.accumulateAndGet(now, Math::max);
		}
	}

	/**
	 * Return the secrets being decrypted.
	 * @return the secrets
	 */
	public BakedSecrets getSecrets() {
		return this.secrets;
	}

	/**
	 * Return how long the decryption took, from its start to the last secret's outcome,
	 * or until now while it is going on.
	 * @return the elapsed time
	 */
	Duration getElapsed() {
		long end = isDone() ? this.lastOutcomeNanos.get() : System.nanoTime();
		return Duration.ofNanos(Math.max(0, ((end != 0) ? end : System.nanoTime()) - this.startNanos));
	}

	/**
	 * Return whether every secret has an outcome, so {@link #join()} would not wait.
	 * @return whether the decryption is over
	 */
	public boolean isDone() {
		return this.values != null || this.failure != null
				|| this.outcomes.values().stream().allMatch(CompletableFuture::isDone);
	}

	/**
	 * Wait until every secret is decrypted or the deadline has passed.
	 * @return the values keyed by secret name
	 * @throws SecretDecryptionException if any secret could not be decrypted by the
	 * deadline; it lists every failed secret, and every later call throws it again
	 */
	public DecryptedSecrets join() {
		DecryptedSecrets result = this.values;
		if (result != null) {
			return result;
		}
		if (this.awaited.compareAndSet(false, true)) {
			this.calls.release(this.concurrency - this.backgroundConcurrency);
		}
		this.lock.lock();
		try {
			if (this.values == null && this.failure == null) {
				complete();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.values;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void complete() {
		Map<String, String> values = new TreeMap<>();
		List<SecretDecryptionFailure> failures = new ArrayList<>();
		for (Map.Entry<String, CompletableFuture<Outcome>> entry : this.outcomes.entrySet()) {
			Outcome outcome = await(entry.getKey(), entry.getValue());
			if (outcome.failure() != null) {
				failures.add(outcome.failure());
			}
			else {
				values.put(entry.getKey(), outcome.value());
			}
		}
		this.executor.shutdownNow();
		if (failures.isEmpty()) {
			this.values = DecryptedSecrets.of(values);
		}
		else {
			this.failure = new SecretDecryptionException(failures, this.secrets.size());
		}
	}

	private Outcome await(String name, CompletableFuture<Outcome> outcome) {
		Outcome waited = this.decrypter.await(this.attempts.get(name), outcome, this.deadline);
		// A failure to wait becomes the secret's outcome, unless its own outcome arrived
		// meanwhile.
		return (outcome.complete(waited) || outcome.isCompletedExceptionally()) ? waited : outcome.join();
	}

	@Override
	public String toString() {
		return "PendingSecrets" + this.secrets.names() + "[" + (isDone() ? "done" : "in progress") + "]";
	}

	/**
	 * Names decryption threads and makes them daemons, so a stuck call never keeps the
	 * JVM alive.
	 */
	private static final class DaemonThreadFactory implements ThreadFactory {

		private final String prefix = "secret-baker-decrypt-" + POOL_NUMBER.incrementAndGet() + "-";

		private final AtomicInteger threadNumber = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, this.prefix + this.threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
