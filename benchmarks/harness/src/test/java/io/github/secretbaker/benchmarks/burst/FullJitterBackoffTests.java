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
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FullJitterBackoffTests {

	@Test
	void ceilingDoublesFromTheBaseUpToTheMax() {
		FullJitterBackoff backoff = DecrypterPolicy.DEFAULT.backoff();
		assertThat(backoff.ceilingNanos(1)).isEqualTo(Duration.ofMillis(25).toNanos());
		assertThat(backoff.ceilingNanos(2)).isEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(backoff.ceilingNanos(6)).isEqualTo(Duration.ofMillis(800).toNanos());
		assertThat(backoff.ceilingNanos(7)).isEqualTo(Duration.ofSeconds(1).toNanos());
		assertThat(backoff.ceilingNanos(1_000)).isEqualTo(Duration.ofSeconds(1).toNanos());
	}

	@Test
	void sdkStandardModeBacksOffFrom100MillisecondsUpTo20Seconds() {
		FullJitterBackoff backoff = SdkRetryPolicy.STANDARD.backoff();
		assertThat(SdkRetryPolicy.STANDARD.maxAttempts()).isEqualTo(3);
		assertThat(backoff.ceilingNanos(1)).isEqualTo(Duration.ofMillis(100).toNanos());
		assertThat(backoff.ceilingNanos(2)).isEqualTo(Duration.ofMillis(200).toNanos());
		assertThat(backoff.ceilingNanos(40)).isEqualTo(Duration.ofSeconds(20).toNanos());
	}

	@Test
	void delayIsSpreadOverTheWholeRangeFromZeroToTheCeiling() {
		FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
		SplittableRandom random = new SplittableRandom(7);
		long ceiling = backoff.ceilingNanos(2);
		long below = 0;
		long above = 0;
		for (int i = 0; i < 10_000; i++) {
			long delay = backoff.delayNanos(2, random);
			assertThat(delay).isBetween(0L, ceiling);
			below += (delay < ceiling / 10) ? 1 : 0;
			above += (delay > ceiling * 9 / 10) ? 1 : 0;
		}
		assertThat(below).isBetween(800L, 1_200L);
		assertThat(above).isBetween(800L, 1_200L);
	}

	@Test
	void backoffBeforeAnyAttemptIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DecrypterPolicy.DEFAULT.backoff().ceilingNanos(0))
			.withMessageContaining("at least one attempt");
	}

	@Test
	void firstCallGraceIsTheLesserOfOneSecondAndAFifthOfTheTimeout() {
		assertThat(DecrypterPolicy.DEFAULT.firstCallGrace()).isEqualTo(Duration.ofSeconds(1));
		DecrypterPolicy short2s = new DecrypterPolicy(16, Duration.ofSeconds(2), DecrypterPolicy.DEFAULT.backoff(),
				Duration.ofMillis(10), true, Duration.ofSeconds(1));
		assertThat(short2s.firstCallGrace()).isEqualTo(Duration.ofMillis(400));
	}

}
