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

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-operation call counters and the highest number of requests in flight at once.
 */
final class CallStatistics {

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private final Gauge all = new Gauge();

	private final Map<String, Gauge> byOperation = new ConcurrentHashMap<>();

	void begin(String operation) {
		this.counts.computeIfAbsent(operation, (key) -> new AtomicLong()).incrementAndGet();
		this.all.increment();
		gauge(operation).increment();
	}

	void end(String operation) {
		this.all.decrement();
		gauge(operation).decrement();
	}

	long count(String operation) {
		AtomicLong count = this.counts.get(operation);
		return (count != null) ? count.get() : 0;
	}

	Map<String, Long> counts() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((operation, count) -> {
			if (count.get() > 0) {
				snapshot.put(operation, count.get());
			}
		});
		return snapshot;
	}

	int maxInFlight() {
		return this.all.max.get();
	}

	int maxInFlight(String operation) {
		Gauge gauge = this.byOperation.get(operation);
		return (gauge != null) ? gauge.max.get() : 0;
	}

	void reset() {
		this.counts.values().forEach((count) -> count.set(0));
		this.all.reset();
		this.byOperation.values().forEach(Gauge::reset);
	}

	private Gauge gauge(String operation) {
		return this.byOperation.computeIfAbsent(operation, (key) -> new Gauge());
	}

	private static final class Gauge {

		private final AtomicInteger current = new AtomicInteger();

		private final AtomicInteger max = new AtomicInteger();

		void increment() {
			int now = this.current.incrementAndGet();
			this.max.accumulateAndGet(now, Math::max);
		}

		void decrement() {
			this.current.decrementAndGet();
		}

		void reset() {
			this.max.set(this.current.get());
		}

	}

}
