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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void fullBucketAllowsItsCapacityAtOnceThenThrottles() {
		TokenBucket bucket = new TokenBucket(100, 3);
		assertThat(bucket.tryAcquire(0)).isTrue();
		assertThat(bucket.tryAcquire(0)).isTrue();
		assertThat(bucket.tryAcquire(0)).isTrue();
		assertThat(bucket.tryAcquire(0)).isFalse();
	}

	@Test
	void throttledRequestConsumesNoToken() {
		TokenBucket bucket = new TokenBucket(10, 1);
		assertThat(bucket.tryAcquire(0)).isTrue();
		for (int i = 0; i < 50; i++) {
			assertThat(bucket.tryAcquire(SECOND / 20)).isFalse();
		}
		// A tenth of a second after the first request, exactly one token is back despite
		// the throttles.
		assertThat(bucket.tryAcquire(SECOND / 10)).isTrue();
		assertThat(bucket.tryAcquire(SECOND / 10)).isFalse();
	}

	@Test
	void bucketRefillsAtItsRateAndNoHigherThanItsCapacity() {
		TokenBucket bucket = new TokenBucket(1_000, 1_000);
		int allowed = 0;
		for (int i = 0; i < 3_000; i++) {
			allowed += bucket.tryAcquire(0) ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(1_000);
		allowed = 0;
		for (int i = 0; i < 3_000; i++) {
			allowed += bucket.tryAcquire(10 * SECOND) ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(1_000);
		allowed = 0;
		for (long t = 10 * SECOND; t < 12 * SECOND; t += SECOND / 2_000) {
			allowed += bucket.tryAcquire(t) ? 1 : 0;
		}
		assertThat(allowed).isBetween(1_999, 2_000);
	}

	@Test
	void requestsOutOfTimeOrderAreRefused() {
		TokenBucket bucket = new TokenBucket(10, 10);
		bucket.tryAcquire(SECOND);
		assertThatIllegalArgumentException().isThrownBy(() -> bucket.tryAcquire(SECOND - 1))
			.withMessageContaining("time order");
	}

	@Test
	void bucketWithoutRateOrCapacityIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 10)).withMessageContaining("rate");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(10, 0.5))
			.withMessageContaining("capacity");
	}

}
