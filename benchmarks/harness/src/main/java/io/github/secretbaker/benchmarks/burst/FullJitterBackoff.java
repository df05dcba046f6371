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
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (after {@code n}
 * attempts), a delay drawn uniformly from zero to {@code min(max, base * 2^(n-1))}, both
 * included. secret-baker's decrypter and the AWS SDK's standard retry mode both back off
 * this way.
 *
 * @param base the ceiling after the first attempt
 * @param max the largest ceiling
 * @since 0.1.0
 */
public record FullJitterBackoff(Duration base, Duration max) {

	private static final int MAX_DOUBLINGS = 20;

	/**
	 * Return the ceiling of the delay after the given number of attempts.
	 * @param attempts the attempts made so far, at least one
	 * @return the ceiling in nanoseconds
	 */
	public long ceilingNanos(int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("Backoff follows at least one attempt but had " + attempts);
		}
		return Math.min(this.max.toNanos(), this.base.toNanos() << Math.min(attempts - 1, MAX_DOUBLINGS));
	}

	/**
	 * Draw the delay after the given number of attempts.
	 * @param attempts the attempts made so far, at least one
	 * @param random the source of jitter
	 * @return the delay in nanoseconds
	 */
	public long delayNanos(int attempts, RandomGenerator random) {
		return random.nextLong(ceilingNanos(attempts) + 1);
	}

}
