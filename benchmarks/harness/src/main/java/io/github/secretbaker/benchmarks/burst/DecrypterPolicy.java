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

import io.github.secretbaker.kms.BakedSecretsDecrypter;

/**
 * How secret-baker's decrypter schedules and retries the {@code Decrypt} calls of one
 * cold start: the first call alone (the others follow when it ends, or after a grace
 * period), then at most {@code concurrency} calls in flight, each throttled call retried
 * after a {@link FullJitterBackoff full-jitter backoff}, all within one deadline.
 *
 * @param concurrency the most calls in flight
 * @param timeout the deadline, counted from the start of the cold start's decryption
 * @param backoff the backoff between the attempts of one secret
 * @param minCall the least time left for which a call is still made
 * @param firstCallAlone whether the first call goes alone
 * @param maxFirstCallGrace the longest wait for the first call before the others go
 * @since 0.1.0
 */
public record DecrypterPolicy(int concurrency, Duration timeout, FullJitterBackoff backoff, Duration minCall,
		boolean firstCallAlone, Duration maxFirstCallGrace) {

	/**
	 * The policy of {@link BakedSecretsDecrypter} and {@code PendingSecrets} with their
	 * defaults. The concurrency and timeout are read from the decrypter's public
	 * constants; the backoff (25 ms doubling to 1 s, full jitter), the 10 ms least call
	 * and the first call's grace (the lesser of 1 s and a fifth of the timeout) are
	 * private constants there, reproduced here.
	 */
	public static final DecrypterPolicy DEFAULT = new DecrypterPolicy(BakedSecretsDecrypter.DEFAULT_CONCURRENCY,
			BakedSecretsDecrypter.DEFAULT_TIMEOUT, new FullJitterBackoff(Duration.ofMillis(25), Duration.ofSeconds(1)),
			Duration.ofMillis(10), true, Duration.ofSeconds(1));

	/**
	 * Return the wait for the first call before the others go.
	 * @return the grace period
	 */
	public Duration firstCallGrace() {
		Duration fifth = this.timeout.dividedBy(5);
		return (fifth.compareTo(this.maxFirstCallGrace) < 0) ? fifth : this.maxFirstCallGrace;
	}

	/**
	 * Return this policy with the given backoff.
	 * @param backoff the backoff
	 * @return the changed policy
	 */
	public DecrypterPolicy withBackoff(FullJitterBackoff backoff) {
		return new DecrypterPolicy(this.concurrency, this.timeout, backoff, this.minCall, this.firstCallAlone,
				this.maxFirstCallGrace);
	}

}
