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

package io.github.secretbaker.benchmarks.coldstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartSummaryTests {

	@Test
	void addedTimeIsPairedWithTheBaselineOfTheSameRound() {
		List<ColdStartSample> samples = new ArrayList<>();
		samples.add(sample(Variant.BASELINE, 0, 1000));
		samples.add(sample(Variant.EAGER, 0, 1100));
		samples.add(sample(Variant.BASELINE, 1, 3000));
		samples.add(sample(Variant.EAGER, 1, 3300));
		samples.add(sample(Variant.BASELINE, 2, 1000));
		samples.add(sample(Variant.EAGER, 2, 1200));
		ColdStartSummary summary = summary(samples);
		assertThat(summary.added(Setup.FUNCTION, Variant.EAGER, 10).median()).isEqualTo(200.0);
		assertThat(summary.answer(Setup.FUNCTION, Variant.EAGER, 10).median()
				- summary.answer(Setup.FUNCTION, Variant.BASELINE, 10).median())
			.isEqualTo(200.0);
		assertThat(summary.added(Setup.FUNCTION, Variant.EAGER, 10).max()).isEqualTo(300.0);
	}

	@Test
	void ratiosArePairedByRoundAndSkipRoundsWhereTheReferenceAddedNothing() {
		List<ColdStartSample> samples = new ArrayList<>();
		samples.add(sample(Variant.BASELINE, 0, 1000));
		samples.add(sample(Variant.EAGER, 0, 1100));
		samples.add(sample(Variant.SPRING_CLOUD_AWS, 0, 1400));
		samples.add(sample(Variant.BASELINE, 1, 2000));
		samples.add(sample(Variant.EAGER, 1, 1990));
		samples.add(sample(Variant.SPRING_CLOUD_AWS, 1, 2500));
		ColdStartSummary summary = summary(samples);
		assertThat(summary.addedRatio(Setup.FUNCTION, Variant.SPRING_CLOUD_AWS, Variant.EAGER, 10).count()).isOne();
		assertThat(summary.addedRatio(Setup.FUNCTION, Variant.SPRING_CLOUD_AWS, Variant.EAGER, 10).median())
			.isEqualTo(4.0);
		assertThat(summary.addedRatio(Setup.FUNCTION, Variant.EAGER, Variant.BASELINE, 10)).isNull();
	}

	@Test
	void reportsTheDecryptionTimeOnlyOfVariantsThatLogIt() {
		List<ColdStartSample> samples = List.of(sample(Variant.BASELINE, 0, 1000), new ColdStartSample(Setup.FUNCTION,
				Variant.EAGER, 10, 0, 1100, 900, 10, 150, 2000, 30, 42.0, Map.of("Decrypt", 10L)));
		ColdStartSummary summary = summary(samples);
		assertThat(summary.decrypt(Setup.FUNCTION, Variant.EAGER, 10).median()).isEqualTo(42.0);
		assertThat(summary.decrypt(Setup.FUNCTION, Variant.BASELINE, 10)).isNull();
		assertThat(summary.calls(Setup.FUNCTION, Variant.EAGER, 10)).containsEntry("Decrypt", 10L);
		assertThat(summary.sizes()).containsExactly(10);
	}

	@Test
	void pairsEachVariantWithTheBaselineOfItsOwnSetup() {
		List<ColdStartSample> samples = new ArrayList<>();
		samples.add(sample(Setup.FUNCTION, Variant.BASELINE, 0, 1000));
		samples.add(sample(Setup.FUNCTION, Variant.EAGER, 0, 1100));
		samples.add(sample(Setup.ONE_CORE, Variant.BASELINE, 0, 2500));
		samples.add(sample(Setup.ONE_CORE, Variant.EAGER, 0, 2800));
		ColdStartSummary summary = summary(samples);
		assertThat(summary.added(Setup.FUNCTION, Variant.EAGER, 10).median()).isEqualTo(100.0);
		assertThat(summary.added(Setup.ONE_CORE, Variant.EAGER, 10).median()).isEqualTo(300.0);
		assertThat(summary.setups()).containsExactly(Setup.FUNCTION, Setup.ONE_CORE);
		assertThat(summary.variants(Setup.ONE_CORE)).containsExactly(Variant.BASELINE, Variant.EAGER);
		assertThat(summary.has(Setup.TLS, Variant.EAGER, 10)).isFalse();
	}

	@Test
	void listsEveryDistinctCallCountOverTheRounds() {
		List<ColdStartSample> samples = List.of(sample(Setup.FUNCTION, Variant.BASELINE, 0, 1000),
				new ColdStartSample(Setup.FUNCTION, Variant.EAGER, 10, 0, 1100, 900, 10, 150, 2000, 30, 42.0,
						Map.of("Decrypt", 10L)),
				sample(Setup.FUNCTION, Variant.BASELINE, 1, 1000), new ColdStartSample(Setup.FUNCTION, Variant.EAGER,
						10, 1, 1100, 900, 10, 150, 2000, 30, 42.0, Map.of("Decrypt", 11L)));
		ColdStartSummary summary = summary(samples);
		assertThat(summary.callCounts(Setup.FUNCTION, Variant.EAGER, 10, "Decrypt")).containsExactly(10L, 11L);
		assertThat(summary.callCounts(Setup.FUNCTION, Variant.BASELINE, 10, "Decrypt")).containsExactly(0L);
	}

	private static ColdStartSummary summary(List<ColdStartSample> samples) {
		return new ColdStartSummary(samples, List.of(), null, List.of(), null, Map.of());
	}

	private static ColdStartSample sample(Variant variant, int round, double answerMillis) {
		return sample(Setup.FUNCTION, variant, round, answerMillis);
	}

	private static ColdStartSample sample(Setup setup, Variant variant, int round, double answerMillis) {
		return new ColdStartSample(setup, variant, 10, round, answerMillis, answerMillis - 200, 10, 150, 1500, 10, null,
				Map.of());
	}

}
