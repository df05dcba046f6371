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

import io.github.secretbaker.benchmarks.burst.ColdStartReader.BakedDecryption;
import io.github.secretbaker.benchmarks.burst.ColdStartReader.ParametersByPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BurstSimulationTests {

	private static final Duration L = Duration.ofMillis(25);

	private static final long L_NANOS = L.toNanos();

	@Test
	void unthrottledColdStartMakesTheFirstCallAloneThenTheOthersInParallel() {
		BurstResult result = BurstSimulation.run(scenario(DecrypterPolicy.DEFAULT, 1, 9, 1_000_000));
		// 1 alone, then 8 on the default 8 threads: 1 more round trip.
		assertThat(result.inits()).containsExactly(new InitOutcome(2 * L_NANOS, true));
		assertThat(result.calls()).isEqualTo(9);
		assertThat(result.throttles()).isZero();
	}

	@Test
	void concurrencyBoundsTheCallsInFlight() {
		BurstResult result = BurstSimulation.run(scenario(DecrypterPolicy.DEFAULT, 1, 34, 1_000_000));
		// 1 alone, then 33 on the default 8 threads: 5 more round trips.
		assertThat(result.inits()).containsExactly(new InitOutcome(6 * L_NANOS, true));
	}

	@Test
	void withoutTheFirstCallAloneAllCallsStartAtOnce() {
		DecrypterPolicy together = new DecrypterPolicy(16, Duration.ofSeconds(5), DecrypterPolicy.DEFAULT.backoff(),
				Duration.ofMillis(10), false, Duration.ofSeconds(1));
		BurstResult result = BurstSimulation.run(scenario(together, 1, 10, 1_000_000));
		assertThat(result.inits()).containsExactly(new InitOutcome(L_NANOS, true));
	}

	@Test
	void throttledCallsAreRetriedUntilEverySecretIsDecrypted() {
		BurstResult result = BurstSimulation.run(scenario(DecrypterPolicy.DEFAULT, 50, 10, 200));
		assertThat(result.failures()).isZero();
		assertThat(result.throttles()).isPositive();
		assertThat(result.calls()).isEqualTo(50 * 10 + result.throttles());
		assertThat(result.addedMillis(99)).isGreaterThan(result.addedMillis(50));
	}

	@Test
	void deadlineEndsTheRetriesOfAQuotaTooSmall() {
		DecrypterPolicy short200ms = new DecrypterPolicy(16, Duration.ofMillis(200), DecrypterPolicy.DEFAULT.backoff(),
				Duration.ofMillis(10), true, Duration.ofSeconds(1));
		BurstResult result = BurstSimulation.run(scenario(short200ms, 20, 10, 10));
		assertThat(result.failures()).isPositive();
		assertThat(result.shareSucceededWithin(Duration.ofMillis(200))).isLessThan(1);
		assertThat(result.inits())
			.allSatisfy((init) -> assertThat(init.addedNanos()).isLessThanOrEqualTo(Duration.ofMillis(200).toNanos()));
	}

	@Test
	void sameSeedGivesTheSameBurstAndAnotherSeedAnotherOne() {
		BurstScenario scenario = scenario(DecrypterPolicy.DEFAULT, 200, 10, 500);
		assertThat(BurstSimulation.run(scenario)).isEqualTo(BurstSimulation.run(scenario));
		BurstScenario other = new BurstScenario(scenario.reader(), 200, 10, 500, 1, L, Duration.ofSeconds(1),
				Arrival.BURST, 25);
		assertThat(BurstSimulation.run(other).inits()).isNotEqualTo(BurstSimulation.run(scenario).inits());
	}

	@Test
	void readerByPathCallsOnePageAfterAnother() {
		BurstScenario scenario = new BurstScenario(new ParametersByPath(10, SdkRetryPolicy.STANDARD), 1, 25, 100, 1, L,
				Duration.ZERO, Arrival.BURST, 1);
		BurstResult result = BurstSimulation.run(scenario);
		assertThat(result.inits()).containsExactly(new InitOutcome(3 * L_NANOS, true));
		assertThat(result.calls()).isEqualTo(3);
	}

	@Test
	void readerByPathFailsAfterItsThirdThrottledAttempt() {
		BurstScenario scenario = new BurstScenario(new ParametersByPath(10, SdkRetryPolicy.STANDARD), 100, 10, 1, 1, L,
				Duration.ZERO, Arrival.BURST, 1);
		BurstResult result = BurstSimulation.run(scenario);
		assertThat(result.failures()).isPositive();
		long succeeded = 100 - result.failures();
		assertThat(result.calls()).isLessThanOrEqualTo(succeeded + 3 * 100);
		assertThat(result.throttles()).isEqualTo(result.calls() - succeeded);
		assertThat(result.throttles()).isGreaterThanOrEqualTo(3 * result.failures());
	}

	@Test
	void rampSpreadsTheArrivalsEvenlyOverTheWindow() {
		BurstScenario ramp = new BurstScenario(new BakedDecryption(DecrypterPolicy.DEFAULT), 4, 1, 10, 1, L,
				Duration.ofSeconds(2), Arrival.RAMP, 1);
		assertThat(ramp.arrivalsNanos()).containsExactly(0, 500_000_000L, 1_000_000_000L, 1_500_000_000L);
	}

	private static BurstScenario scenario(DecrypterPolicy policy, int coldStarts, int secrets, double quota) {
		return new BurstScenario(new BakedDecryption(policy), coldStarts, secrets, quota, 1, L, Duration.ofSeconds(1),
				Arrival.BURST, 24);
	}

}
