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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.github.secretbaker.benchmarks.burst.ColdStartReader.BakedDecryption;
import io.github.secretbaker.benchmarks.burst.ColdStartReader.ParametersByPath;

/**
 * Runs a {@link BurstScenario} in virtual time: a discrete-event simulation,
 * deterministic for a seed, in which every cold start follows its reader's policy against
 * one shared {@link TokenBucket}. A call takes the scenario's latency and meets the quota
 * when it arrives at the service, at the end of that latency, as the local server's rate
 * limit does; a throttled call costs its round trip and no token.
 *
 * @since 0.1.0
 */
public final class BurstSimulation {

	private static final long JITTER_STREAM = 0x9E3779B97F4A7C15L;

	private final BurstScenario scenario;

	private final PriorityQueue<Event> events = new PriorityQueue<>(
			Comparator.comparingLong(Event::time).thenComparingLong(Event::sequence));

	private final TokenBucket quota;

	private final SplittableRandom jitter;

	private final long latency;

	private final List<InitOutcome> inits = new ArrayList<>();

	private long sequence;

	private long calls;

	private long throttles;

	private BurstSimulation(BurstScenario scenario) {
		this.scenario = scenario;
		this.quota = new TokenBucket(scenario.quota(), Math.max(1, scenario.quota() * scenario.bucketSeconds()));
		this.jitter = new SplittableRandom(scenario.seed() ^ JITTER_STREAM);
		this.latency = scenario.latency().toNanos();
	}

	/**
	 * Simulate the burst.
	 * @param scenario the burst
	 * @return the cold starts' outcomes, calls and throttles
	 */
	public static BurstResult run(BurstScenario scenario) {
		return new BurstSimulation(scenario).simulate();
	}

	private BurstResult simulate() {
		for (long arrival : this.scenario.arrivalsNanos()) {
			if (this.scenario.reader() instanceof BakedDecryption baked) {
				DecryptingColdStart coldStart = new DecryptingColdStart(baked.policy(), arrival);
				at(arrival, coldStart::start);
			}
			else if (this.scenario.reader() instanceof ParametersByPath byPath) {
				PagingColdStart coldStart = new PagingColdStart(byPath, arrival);
				at(arrival, () -> coldStart.page(arrival, 0, 0));
			}
		}
		while (!this.events.isEmpty()) {
			Event event = this.events.poll();
			event.action().run();
		}
		return new BurstResult(this.scenario, List.copyOf(this.inits), this.calls, this.throttles);
	}

	private void at(long time, Runnable action) {
		this.events.add(new Event(time, this.sequence++, action));
	}

	/**
	 * Count one call arriving at the service at the given time.
	 * @param answerTime the answer time
	 * @return whether the quota allowed it
	 */
	private boolean call(long answerTime) {
		this.calls++;
		boolean allowed = this.quota.tryAcquire(answerTime);
		if (!allowed) {
			this.throttles++;
		}
		return allowed;
	}

	private record Event(long time, long sequence, Runnable action) {

	}

	/**
	 * One cold start of secret-baker, as {@code PendingSecrets} and
	 * {@code BakedSecretsDecrypter.decryptWithRetry} run it.
	 */
	private final class DecryptingColdStart {

		private final DecrypterPolicy policy;

		private final long arrival;

		private final long deadline;

		private final Deque<Integer> waiting = new ArrayDeque<>();

		private int freeThreads;

		private int pending;

		private boolean othersReleased;

		private boolean failed;

		private long lastOutcome;

		DecryptingColdStart(DecrypterPolicy policy, long arrival) {
			this.policy = policy;
			this.arrival = arrival;
			this.deadline = arrival + policy.timeout().toNanos();
			this.pending = BurstSimulation.this.scenario.secrets();
			this.freeThreads = Math.min(policy.concurrency(), this.pending);
		}

		void start() {
			if (!this.policy.firstCallAlone()) {
				releaseOthers(this.arrival, 0);
				return;
			}
			this.freeThreads--;
			attempt(0, this.arrival, 0);
			if (this.pending > 1) {
				at(this.arrival + this.policy.firstCallGrace().toNanos(),
						() -> releaseOthers(this.arrival + this.policy.firstCallGrace().toNanos(), 1));
			}
		}

		private void releaseOthers(long now, int from) {
			if (this.othersReleased) {
				return;
			}
			this.othersReleased = true;
			for (int i = from; i < BurstSimulation.this.scenario.secrets(); i++) {
				this.waiting.add(i);
			}
			dispatch(now);
		}

		private void dispatch(long now) {
			while (this.freeThreads > 0 && !this.waiting.isEmpty()) {
				this.freeThreads--;
				attempt(this.waiting.poll(), now, 0);
			}
		}

		private void attempt(int secret, long now, int attemptsSoFar) {
			long remaining = this.deadline - now;
			if (remaining < this.policy.minCall().toNanos()) {
				finish(secret, now, false);
				return;
			}
			int attempts = attemptsSoFar + 1;
			long answer = now + BurstSimulation.this.latency;
			if (answer > this.deadline) {
				// The call is cut at the deadline; whether the quota counts it does not
				// matter any more.
				BurstSimulation.this.calls++;
				at(this.deadline, () -> finish(secret, this.deadline, false));
				return;
			}
			at(answer, () -> answered(secret, answer, attempts));
		}

		private void answered(int secret, long now, int attempts) {
			if (call(now)) {
				finish(secret, now, true);
				return;
			}
			long delay = this.policy.backoff().delayNanos(attempts, BurstSimulation.this.jitter);
			if (delay >= this.deadline - now) {
				finish(secret, now, false);
				return;
			}
			at(now + delay, () -> attempt(secret, now + delay, attempts));
		}

		private void finish(int secret, long now, boolean succeeded) {
			this.failed |= !succeeded;
			this.lastOutcome = Math.max(this.lastOutcome, now);
			this.freeThreads++;
			this.pending--;
			if (secret == 0 && this.policy.firstCallAlone()) {
				releaseOthers(now, 1);
			}
			dispatch(now);
			if (this.pending == 0) {
				BurstSimulation.this.inits.add(new InitOutcome(this.lastOutcome - this.arrival, !this.failed));
			}
		}

	}

	/**
	 * One cold start of a reader by path: the pages one after another, each call retried
	 * by the SDK, a call that is still throttled after its last attempt failing the init.
	 */
	private final class PagingColdStart {

		private final ParametersByPath reader;

		private final long arrival;

		private final int pages;

		PagingColdStart(ParametersByPath reader, long arrival) {
			this.reader = reader;
			this.arrival = arrival;
			this.pages = reader.pages(BurstSimulation.this.scenario.secrets());
		}

		void page(long now, int page, int attemptsSoFar) {
			int attempts = attemptsSoFar + 1;
			long answer = now + BurstSimulation.this.latency;
			at(answer, () -> answered(answer, page, attempts));
		}

		private void answered(long now, int page, int attempts) {
			if (call(now)) {
				if (page + 1 == this.pages) {
					BurstSimulation.this.inits.add(new InitOutcome(now - this.arrival, true));
				}
				else {
					page(now, page + 1, 0);
				}
				return;
			}
			if (attempts >= this.reader.retry().maxAttempts()) {
				BurstSimulation.this.inits.add(new InitOutcome(now - this.arrival, false));
				return;
			}
			long delay = this.reader.retry().backoff().delayNanos(attempts, BurstSimulation.this.jitter);
			at(now + delay, () -> page(now + delay, page, attempts));
		}

	}

}
