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

import io.github.secretbaker.benchmarks.burst.ColdStartReader.BakedDecryption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatisticsTests {

	@Test
	void percentileIsTheNearestRankOfTheSortedValues() {
		long[] values = { 50, 10, 40, 20, 30 };
		assertThat(Statistics.percentile(values, 50)).isEqualTo(30);
		assertThat(Statistics.percentile(values, 20)).isEqualTo(10);
		assertThat(Statistics.percentile(values, 21)).isEqualTo(20);
		assertThat(Statistics.percentile(values, 99)).isEqualTo(50);
		assertThat(Statistics.percentile(values, 100)).isEqualTo(50);
		assertThat(values).containsExactly(50, 10, 40, 20, 30);
	}

	@Test
	void p99OfAHundredValuesIsTheSecondLargest() {
		long[] values = new long[100];
		for (int i = 0; i < values.length; i++) {
			values[i] = 100 - i;
		}
		assertThat(Statistics.percentile(values, 99)).isEqualTo(99);
	}

	@Test
	void shareCountsTheValuesAtMostTheLimit() {
		long[] values = { 1, 2, 3, 4 };
		assertThat(Statistics.shareAtMost(values, 3)).isEqualTo(0.75);
		assertThat(Statistics.shareAtMost(values, 0)).isZero();
	}

	@Test
	void emptyValuesOrAPercentileOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.percentile(new long[0], 50));
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.percentile(new long[] { 1 }, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.shareAtMost(new long[0], 1));
	}

	@Test
	void failedInitsNeverCountAsWithinTheLimit() {
		BurstScenario scenario = BurstBenchmark.target(new BakedDecryption(DecrypterPolicy.DEFAULT), 100,
				Duration.ofMillis(25));
		BurstResult result = new BurstResult(scenario,
				List.of(new InitOutcome(1_000, true), new InitOutcome(2_000, false)), 3, 1);
		assertThat(result.shareSucceededWithin(Duration.ofSeconds(5))).isEqualTo(0.5);
		assertThat(result.failures()).isEqualTo(1);
	}

}
