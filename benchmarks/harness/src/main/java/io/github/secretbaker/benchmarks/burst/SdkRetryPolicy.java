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

/**
 * How an AWS SDK client retries a throttled call: a bounded number of attempts with a
 * {@link FullJitterBackoff full-jitter backoff} between them, and no deadline of its own.
 *
 * @param maxAttempts the attempts of one call, the first included
 * @param backoff the backoff between attempts
 * @since 0.1.0
 */
public record SdkRetryPolicy(int maxAttempts, FullJitterBackoff backoff) {

	/**
	 * The AWS SDK's standard retry mode as the issue states it: 3 attempts, a 100 ms base
	 * doubling with full jitter up to 20 s.
	 */
	public static final SdkRetryPolicy STANDARD = new SdkRetryPolicy(3,
			new FullJitterBackoff(Duration.ofMillis(100), Duration.ofSeconds(20)));

	/**
	 * The standard mode with the 1 s base that the AWS SDK for Java 2.x applies to
	 * throttling errors, a longer wait than {@link #STANDARD}'s, shown for comparison.
	 */
	public static final SdkRetryPolicy STANDARD_THROTTLED_BASE = new SdkRetryPolicy(3,
			new FullJitterBackoff(Duration.ofSeconds(1), Duration.ofSeconds(20)));

}
