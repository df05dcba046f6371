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
		ColdStartSummary summary = new ColdStartSummary(samples, List.of(), null);
		assertThat(summary.added(Variant.EAGER, 10).median()).isEqualTo(200.0);
		assertThat(summary.answer(Variant.EAGER, 10).median() - summary.answer(Variant.BASELINE, 10).median())
			.isEqualTo(200.0);
		assertThat(summary.added(Variant.EAGER, 10).max()).isEqualTo(300.0);
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
		ColdStartSummary summary = new ColdStartSummary(samples, List.of(), null);
		assertThat(summary.addedRatio(Variant.SPRING_CLOUD_AWS, Variant.EAGER, 10).count()).isOne();
		assertThat(summary.addedRatio(Variant.SPRING_CLOUD_AWS, Variant.EAGER, 10).median()).isEqualTo(4.0);
		assertThat(summary.addedRatio(Variant.EAGER, Variant.BASELINE, 10)).isNull();
	}

	@Test
	void reportsTheDecryptionTimeOnlyOfVariantsThatLogIt() {
		List<ColdStartSample> samples = List.of(sample(Variant.BASELINE, 0, 1000),
				new ColdStartSample(Variant.EAGER, 10, 0, 1100, 900, 10, 150, 2000, 30, 42.0,
						Map.of("Decrypt", 10L)));
		ColdStartSummary summary = new ColdStartSummary(samples, List.of(), null);
		assertThat(summary.decrypt(Variant.EAGER, 10).median()).isEqualTo(42.0);
		assertThat(summary.decrypt(Variant.BASELINE, 10)).isNull();
		assertThat(summary.calls(Variant.EAGER, 10)).containsEntry("Decrypt", 10L);
		assertThat(summary.sizes()).containsExactly(10);
	}

	private static ColdStartSample sample(Variant variant, int round, double answerMillis) {
		return new ColdStartSample(variant, 10, round, answerMillis, answerMillis - 200, 10, 150, 1500, 10, null,
				Map.of());
	}

}
