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

package io.github.secretbaker.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.Machine;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedBenchmark;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSample;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSummary;
import io.github.secretbaker.benchmarks.lambda.SnapStartSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaShapedSectionTests {

	private static final Duration LATENCY = Duration.ofMillis(25);

	@Test
	void reportLeadsWithTheLambdaShapedSectionAndWritesItsSamples(@TempDir Path results) throws IOException {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/tmp/benchmarks" });
		Instant now = Instant.now();
		LambdaShapedSummary summary = summary(
				Map.of(Variant.STARTER_WITHOUT_FILE, 20.0, Variant.EAGER, 300.0, Variant.SPRING_CLOUD_AWS, 1500.0),
				Map.of());
		Path report = new BenchmarkReport(options, Machine.current(), now, now, "0.1", "0.2", summary, null, null, null,
				null)
			.write(results);
		String markdown = Files.readString(report);
		assertThat(markdown.indexOf("## Lambda-shaped cold start")).isPositive()
			.isLessThan(markdown.indexOf("## Settings"))
			.isLessThan(markdown.indexOf("## Targets"));
		assertThat(Files.readAllLines(results.resolve("lambda-samples.csv"))).hasSize(1 + 24)
			.contains("1024,10,starter-without-file,0,3020.00,1510.0,1020.0");
		assertThat(results.resolve("lambda-shaped.png")).isNotEmptyFile();
	}

	@Test
	void saysWhatClassDataTheJvmsShared() {
		List<String> lines = new LambdaShapedSection(summary(Map.of(Variant.EAGER, 450.0), Map.of()), LATENCY).lines();
		assertThat(lines).anyMatch((line) -> line.contains("`; class data: no archive; the JVM inside"));
	}

	@Test
	void saysWhichTargetsAreMetAndByHowMuchOthersAreMissed() {
		LambdaShapedSummary summary = summary(
				Map.of(Variant.STARTER_WITHOUT_FILE, 40.0, Variant.EAGER, 450.0, Variant.SPRING_CLOUD_AWS, 1350.0),
				Map.of());
		List<String> lines = new LambdaShapedSection(summary, LATENCY).lines();
		assertThat(lines).contains("### Targets, 1,024 MB",
				"| N = 1: secret-baker adds ≤ 400 ms | 450 ms (450–450); CPU +225 ms | **missed by 50 ms** |",
				"| N = 10: secret-baker adds ≤ 500 ms | 450 ms (450–450); CPU +225 ms | met |",
				"| N = 1: ≥ 4.0× less added than the Spring Cloud AWS import | 3.0× (3.0–3.0×; of the medians 3.0×) "
						+ "| **missed: 1.0× short** |",
				"| N = 10: ≥ 3.0× less added than the Spring Cloud AWS import | 3.0× (3.0–3.0×; of the medians 3.0×) "
						+ "| met |",
				"| The starter without a file adds ≤ 25 ms | 40 ms (40–40), pairs over every N: 4; CPU +20 ms "
						+ "| **missed by 15 ms** |",
				"### 1,024 MB: CPU quota 57,800 µs per 100,000 µs", "### 1,769 MB: CPU quota 100,000 µs per 100,000 µs",
				"| 1 | init 3050; CPU 1525; throttled 1000 | init 3090; CPU 1545; throttled 1040 "
						+ "| init 3500; CPU 1750; throttled 1450 | init 4400; CPU 2200; throttled 2350 |")
			.doesNotContain("| 10 | – | – | – | – |", "| 100 | – | – | – |");
	}

	@Test
	void comparesAnAdvancedTierEntryWithAStandardOneRoundByRound() {
		LambdaShapedSummary summary = summary(Map.of(Variant.EAGER, 300.0, Variant.EAGER_ADVANCED, 340.0), Map.of());
		assertThat(new LambdaShapedSection(summary, LATENCY).lines())
			.contains("| N = 1: an Advanced-tier entry adds ≤ 30 ms over a standard one | 40 ms (40–40), pairs: 2 "
					+ "| **missed by 10 ms** |");
		assertThat(new LambdaShapedSection(summary, LATENCY).lines())
			.doesNotContain("### The starter without a file, finer");
		LambdaShapedSummary withoutAdvanced = summary(Map.of(Variant.EAGER, 300.0), Map.of());
		assertThat(new LambdaShapedSection(withoutAdvanced, LATENCY).lines())
			.noneMatch((line) -> line.contains("Advanced-tier"));
	}

	@Test
	void reportsTheEmulatedSnapStartRestoresAgainstTheirTarget() {
		LambdaShapedSummary summary = summary(Map.of(Variant.EAGER, 300.0), Map.of())
			.withSnapStarts(List.of(new SnapStartSample(1024, 100, 0, 4000, 240),
					new SnapStartSample(1024, 100, 1, 4200, 280), new SnapStartSample(1024, 1, 0, 3900, 90)));
		List<String> lines = new LambdaShapedSection(summary, LATENCY).lines();
		assertThat(lines).contains(
				"| SnapStart, emulated: restore to all 100 secrets decrypted ≤ 250 ms | 260 ms (240–280), restores: 2 "
						+ "| **missed by 10 ms** |",
				"### SnapStart, emulated", "| 1,024 MB | 1 | 90 ms (90–90) | 3900 ms (3900–3900) |",
				"| 1,024 MB | 100 | 260 ms (240–280) | 4100 ms (4000–4200) |");
		assertThat(new LambdaShapedSection(summary(Map.of(Variant.EAGER, 300.0), Map.of()), LATENCY).lines())
			.noneMatch((line) -> line.contains("SnapStart"));
	}

	@Test
	void showsTheClassesEachVariantLoadedBeyondTheBaseline() {
		LambdaShapedSummary summary = summary(
				Map.of(Variant.STARTER_WITHOUT_FILE, 10.0, Variant.EAGER, 300.0, Variant.SPRING_CLOUD_AWS, 1500.0),
				Map.of(Variant.BASELINE, 9000L, Variant.STARTER_WITHOUT_FILE, 9120L, Variant.EAGER, 9800L));
		assertThat(String.join("\n", new LambdaShapedSection(summary, LATENCY).lines()))
			.contains("1,024 MB and N = 1): baseline 9000; secret-baker starter without a file 9120 (+120); "
					+ "secret-baker (default) 9800 (+800).");
	}

	@Test
	void saysWhyItDidNotRunWhereNoCpuControllerIsWritable() {
		LambdaShapedSummary summary = new LambdaShapedSummary(List.of(), Map.of(), Map.of(),
				Map.of(1024, "no cgroup v1 cpu controller is mounted"), setting());
		assertThat(new LambdaShapedSection(summary, LATENCY).lines())
			.contains("Not run: 1024 MB: no cgroup v1 cpu controller is mounted.")
			.doesNotContain("### Targets, 1,024 MB");
	}

	private static LambdaShapedSummary summary(Map<Variant, Double> added, Map<Variant, Long> classes) {
		List<LambdaShapedSample> samples = new ArrayList<>();
		for (int memory : List.of(1024, 1769)) {
			for (int secrets : List.of(1, 10, 100)) {
				for (int round = 0; round < 2; round++) {
					double baseline = 3000 + 100 * round;
					samples.add(new LambdaShapedSample(memory, secrets, Variant.BASELINE, round, baseline, baseline / 2,
							1000));
					for (Map.Entry<Variant, Double> entry : added.entrySet()) {
						double init = baseline + entry.getValue();
						samples.add(new LambdaShapedSample(memory, secrets, entry.getKey(), round, init, init / 2,
								1000 + entry.getValue()));
					}
				}
			}
		}
		samples.removeIf((sample) -> sample.memoryMb() == 1769 && sample.secrets() > 1);
		samples.removeIf((sample) -> sample.secrets() == 100 && sample.memoryMb() == 1024);
		return new LambdaShapedSummary(samples, classes, Map.of(1024, 57_800L, 1769, 100_000L), Map.of(), setting());
	}

	private static LambdaShapedSummary.Setting setting() {
		return new LambdaShapedSummary.Setting(2, LambdaShapedBenchmark.VARIANTS,
				LambdaShapedBenchmark.MANAGED_RUNTIME_JVM_OPTIONS, "a copy of cacerts", "no archive", "cpuacct.usage",
				1);
	}

}
