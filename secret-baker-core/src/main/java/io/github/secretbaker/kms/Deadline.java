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
import java.util.Objects;

/**
 * A point on the JVM's monotonic clock by which a decryption must be done, shared by
 * every call, retry and wait of one cold start.
 *
 * @since 0.1.0
 */
public final class Deadline {

	private static final long MAX_NANOS = Long.MAX_VALUE / 4;

	private final long nanoTime;

	private final Duration timeout;

	private Deadline(long nanoTime, Duration timeout) {
		this.nanoTime = nanoTime;
		this.timeout = timeout;
	}

	/**
	 * Return a deadline the given time from now.
	 * @param timeout the time from now, positive
	 * @return the deadline
	 */
	public static Deadline in(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("'timeout' must be positive but was " + timeout);
		}
		long nanos = (timeout.compareTo(Duration.ofNanos(MAX_NANOS)) > 0) ? MAX_NANOS : timeout.toNanos();
		return new Deadline(System.nanoTime() + nanos, timeout);
	}

	/**
	 * Return a deadline the given margin before this one, named by the same timeout in
	 * messages: for a step whose own failure must be reported before this deadline
	 * passes.
	 * @param margin how much earlier, not negative
	 * @return the earlier deadline
	 */
	public Deadline ahead(Duration margin) {
		Objects.requireNonNull(margin, "'margin' must not be null");
		if (margin.isNegative()) {
			throw new IllegalArgumentException("'margin' must not be negative but was " + margin);
		}
		long nanos = (margin.compareTo(Duration.ofNanos(MAX_NANOS)) > 0) ? MAX_NANOS : margin.toNanos();
		return new Deadline(this.nanoTime - nanos, this.timeout);
	}

	/**
	 * Return the time left, zero once the deadline has passed.
	 * @return the time left
	 */
	public Duration remaining() {
		return Duration.ofNanos(remainingNanos());
	}

	/**
	 * Return the time left in nanoseconds, zero once the deadline has passed.
	 * @return the time left
	 */
	public long remainingNanos() {
		return Math.max(0, this.nanoTime - System.nanoTime());
	}

	/**
	 * Return whether the deadline has passed.
	 * @return whether no time is left
	 */
	public boolean hasPassed() {
		return remainingNanos() == 0;
	}

	/**
	 * Return the whole time this deadline was set for, to name it in messages.
	 * @return the timeout it was created with
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Describe the timeout for messages, such as {@code 5 s} or {@code 250 ms}.
	 * @return the description
	 */
	public String describeTimeout() {
		return describe(this.timeout);
	}

	static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	@Override
	public String toString() {
		return "Deadline[timeout=" + describeTimeout() + ", remaining=" + remaining().toMillis() + " ms]";
	}

}
