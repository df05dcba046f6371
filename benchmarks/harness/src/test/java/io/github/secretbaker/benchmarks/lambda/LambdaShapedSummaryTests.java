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

package io.github.secretbaker.benchmarks.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.benchmarks.Samples;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaShapedSummaryTests {

	@Test
	void pairsEachVariantWithTheBaselineOfItsOwnRound() {
		List<LambdaShapedSample> samples = new ArrayList<>();
		// A slow round for everyone: paired, it changes nothing.
		round(samples, 1024, 1, 0, 3000, Map.of(Variant.EAGER, 3400.0, Variant.SPRING_CLOUD_AWS, 4600.0));
		round(samples, 1024, 1, 1, 4000, Map.of(Variant.EAGER, 4500.0, Variant.SPRING_CLOUD_AWS, 5500.0));
		round(samples, 1024, 1, 2, 3500, Map.of(Variant.EAGER, 3800.0, Variant.SPRING_CLOUD_AWS, 5000.0));
		LambdaShapedSummary summary = summary(samples);
		Samples added = summary.added(1024, Variant.EAGER, 1);
		assertThat(added.count()).isEqualTo(3);
		assertThat(added.median()).isEqualTo(400);
		assertThat(added.min()).isEqualTo(300);
		assertThat(added.max()).isEqualTo(500);
		assertThat(summary.init(1024, Variant.EAGER, 1).median()).isEqualTo(3800);
		Samples ratio = summary.ratio(1024, Variant.SPRING_CLOUD_AWS, Variant.EAGER, 1);
		assertThat(ratio).isNotNull();
		assertThat(ratio.median()).isEqualTo(4.0);
	}

	@Test
	void poolsTheRoundsOfEveryNumberOfSecretsWhenAskedForAnyN() {
		List<LambdaShapedSample> samples = new ArrayList<>();
		round(samples, 1024, 1, 0, 3000, Map.of(Variant.STARTER_WITHOUT_FILE, 3010.0));
		round(samples, 1024, 10, 0, 3100, Map.of(Variant.STARTER_WITHOUT_FILE, 3130.0));
		round(samples, 1024, 100, 0, 2900, Map.of(Variant.STARTER_WITHOUT_FILE, 2880.0));
		round(samples, 1769, 1, 0, 1000, Map.of(Variant.STARTER_WITHOUT_FILE, 1500.0));
		LambdaShapedSummary summary = summary(samples);
		Samples pooled = summary.added(1024, Variant.STARTER_WITHOUT_FILE, null);
		assertThat(pooled.count()).isEqualTo(3);
		assertThat(pooled.median()).isEqualTo(10);
		assertThat(pooled.min()).isEqualTo(-20);
		assertThat(summary.added(1769, Variant.STARTER_WITHOUT_FILE, null).median()).isEqualTo(500);
		assertThat(summary.memorySizes()).containsExactly(1024, 1769);
		assertThat(summary.sizes()).containsExactly(1, 10, 100);
	}

	@Test
	void leavesOutUnknownCpuTimesAndRoundsWithoutABaseline() {
		List<LambdaShapedSample> samples = new ArrayList<>();
		samples.add(new LambdaShapedSample(1024, 1, Variant.BASELINE, 0, 3000, 1700, 1200));
		samples.add(new LambdaShapedSample(1024, 1, Variant.EAGER, 0, 3500, 2300, 1600));
		samples.add(new LambdaShapedSample(1024, 1, Variant.BASELINE, 1, 3000, -1, -1));
		samples.add(new LambdaShapedSample(1024, 1, Variant.EAGER, 1, 3600, 2400, 1800));
		samples.add(new LambdaShapedSample(1024, 1, Variant.EAGER, 2, 9000, 9000, 6000));
		LambdaShapedSummary summary = summary(samples);
		assertThat(summary.added(1024, Variant.EAGER, 1).count()).isEqualTo(2);
		Samples cpu = summary.addedCpu(1024, Variant.EAGER, 1);
		assertThat(cpu).isNotNull();
		assertThat(cpu.count()).isEqualTo(1);
		assertThat(cpu.median()).isEqualTo(600);
		assertThat(summary.cpu(1024, Variant.BASELINE, 1).count()).isEqualTo(1);
		assertThat(summary.throttled(1024, Variant.BASELINE, 1).median()).isEqualTo(1200);
		assertThat(summary.throttled(1024, Variant.EAGER, 1).median()).isEqualTo(1800);
	}

	@Test
	void hasNoRatioWhereTheReferenceAddedNothing() {
		List<LambdaShapedSample> samples = new ArrayList<>();
		round(samples, 1024, 1, 0, 3000, Map.of(Variant.EAGER, 2900.0, Variant.SPRING_CLOUD_AWS, 4000.0));
		round(samples, 1024, 1, 1, 3000, Map.of(Variant.EAGER, 3000.0, Variant.SPRING_CLOUD_AWS, 4000.0));
		assertThat(summary(samples).ratio(1024, Variant.SPRING_CLOUD_AWS, Variant.EAGER, 1)).isNull();
	}

	static void round(List<LambdaShapedSample> samples, int memory, int secrets, int round, double baseline,
			Map<Variant, Double> others) {
		samples.add(
				new LambdaShapedSample(memory, secrets, Variant.BASELINE, round, baseline, baseline / 2, baseline / 3));
		others.forEach((variant, init) -> samples
			.add(new LambdaShapedSample(memory, secrets, variant, round, init, init / 2, init / 3)));
	}

	static LambdaShapedSummary summary(List<LambdaShapedSample> samples) {
		return new LambdaShapedSummary(samples, Map.of(), Map.of(1024, 57_800L, 1769, 100_000L), Map.of(),
				new LambdaShapedSummary.Setting(3, LambdaShapedBenchmark.VARIANTS,
						LambdaShapedBenchmark.MANAGED_RUNTIME_JVM_OPTIONS, "a copy of cacerts", "no archive",
						"cpuacct.usage", 1));
	}

}
