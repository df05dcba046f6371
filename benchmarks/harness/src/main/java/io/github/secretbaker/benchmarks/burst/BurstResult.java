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
import java.util.List;

/**
 * The cold starts of a burst, simulated or real, with the calls they made and the
 * throttles they met.
 *
 * @param scenario the burst
 * @param inits what the reading added to each cold start
 * @param calls every call made, throttled or not
 * @param throttles the calls answered with a throttle
 * @since 0.1.0
 */
public record BurstResult(BurstScenario scenario, List<InitOutcome> inits, long calls, long throttles) {

	/**
	 * Return the share of cold starts that read every secret within the given limit.
	 * @param limit the limit, such as {@code secret-baker.timeout}
	 * @return the share, from 0 to 1
	 */
	public double shareSucceededWithin(Duration limit) {
		long[] within = this.inits.stream()
			.mapToLong((init) -> init.succeeded() ? init.addedNanos() : Long.MAX_VALUE)
			.toArray();
		return Statistics.shareAtMost(within, limit.toNanos());
	}

	/**
	 * Return the cold starts that failed to read a secret.
	 * @return the failures
	 */
	public long failures() {
		return this.inits.stream().filter((init) -> !init.succeeded()).count();
	}

	/**
	 * Return a percentile of the added init, failures included at the time they failed.
	 * @param percent the percentile
	 * @return the added init in milliseconds
	 */
	public double addedMillis(double percent) {
		return Statistics.percentile(this.inits.stream().mapToLong(InitOutcome::addedNanos).toArray(), percent) / 1e6;
	}

}
