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

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One burst: {@code coldStarts} cold starts arriving over a window, each reading
 * {@code secrets} secrets with the given reader, against a quota of {@code quota}
 * requests per second whose bucket holds {@code bucketSeconds} of them, every call taking
 * {@code latency}.
 *
 * @param reader what each cold start does
 * @param coldStarts the cold starts
 * @param secrets the secrets of each
 * @param quota the requests per second of the quota, shared by all cold starts
 * @param bucketSeconds the burst the quota allows, in seconds of its rate
 * @param latency the round trip of every call, throttled or not
 * @param window the time over which the cold starts arrive
 * @param arrival how they arrive
 * @param seed the seed of the arrival instants and the jitter
 * @since 0.1.0
 */
public record BurstScenario(ColdStartReader reader, int coldStarts, int secrets, double quota, double bucketSeconds,
		Duration latency, Duration window, Arrival arrival, long seed) {

	/**
	 * Check the settings.
	 */
	public BurstScenario {
		if (coldStarts < 1 || secrets < 1) {
			throw new IllegalArgumentException(
					"A burst needs at least one cold start and one secret but had " + coldStarts + " and " + secrets);
		}
		if (latency.isNegative() || window.isNegative()) {
			throw new IllegalArgumentException("The latency and the window must not be negative");
		}
	}

	/**
	 * Return the arrival instants of the cold starts, in time order, drawn from the seed.
	 * @return the instants in nanoseconds from the start of the window
	 */
	public long[] arrivalsNanos() {
		long[] arrivals = new long[this.coldStarts];
		long window = this.window.toNanos();
		SplittableRandom random = new SplittableRandom(this.seed);
		for (int i = 0; i < arrivals.length; i++) {
			arrivals[i] = switch (this.arrival) {
				case BURST -> (window > 0) ? random.nextLong(window) : 0;
				case RAMP -> window * i / this.coldStarts;
			};
		}
		Arrays.sort(arrivals);
		return arrivals;
	}

	/**
	 * Return this scenario with another reader.
	 * @param reader the reader
	 * @return the changed scenario
	 */
	public BurstScenario withReader(ColdStartReader reader) {
		return new BurstScenario(reader, this.coldStarts, this.secrets, this.quota, this.bucketSeconds, this.latency,
				this.window, this.arrival, this.seed);
	}

}
