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

/**
 * A request quota in virtual time: a bucket that refills at the quota's rate up to its
 * capacity, starts full, and answers a request it holds no token for with a throttle that
 * consumes nothing, as KMS and SSM do and as the local server's rate limit does.
 *
 * @since 0.1.0
 */
public final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1e9;

	private final double perNano;

	private final double capacity;

	private double tokens;

	private long last;

	/**
	 * Create a full bucket at time zero.
	 * @param requestsPerSecond the sustained rate allowed
	 * @param capacity the most requests allowed at once, at least one
	 */
	public TokenBucket(double requestsPerSecond, double capacity) {
		if (!(requestsPerSecond > 0) || !(capacity >= 1)) {
			throw new IllegalArgumentException("A token bucket needs a positive rate and a capacity of at least 1 "
					+ "but had " + requestsPerSecond + " per second and " + capacity);
		}
		this.perNano = requestsPerSecond / NANOS_PER_SECOND;
		this.capacity = capacity;
		this.tokens = capacity;
	}

	/**
	 * Take a token for a request arriving at the given time, which is never before the
	 * previous request's.
	 * @param nowNanos the virtual time of the request
	 * @return whether the request is allowed; {@code false} means throttled
	 */
	public boolean tryAcquire(long nowNanos) {
		if (nowNanos < this.last) {
			throw new IllegalArgumentException("Requests must arrive in time order");
		}
		this.tokens = Math.min(this.capacity, this.tokens + (nowNanos - this.last) * this.perNano);
		this.last = nowNanos;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}
