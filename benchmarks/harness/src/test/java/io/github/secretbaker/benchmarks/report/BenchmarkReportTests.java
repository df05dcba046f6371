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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.Machine;
import io.github.secretbaker.benchmarks.bake.BakeMethod;
import io.github.secretbaker.benchmarks.bake.BakeSample;
import io.github.secretbaker.benchmarks.coldstart.AfterRestoreCheck;
import io.github.secretbaker.benchmarks.coldstart.ClassLoadProfile;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSample;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSummary;
import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.TrainingSample;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTests {

	private final BenchmarkOptions options = BenchmarkOptions
		.parse(new String[] { "--benchmarks-dir=/tmp/benchmarks" });

	@Test
	void saysByHowMuchATargetIsMissed(@TempDir Path results) throws IOException {
		ColdStartSummary coldStart = coldStart(Map.of(Variant.EAGER, 400.0, Variant.SPRING_CLOUD_AWS, 600.0));
		List<BakeSample> bake = List.of(new BakeSample(BakeMethod.SECRET_BAKER, 1000, 0, 1000, 120),
				new BakeSample(BakeMethod.SERIAL, 1000, 0, 15000, 1000));
		Path report = report(coldStart, bake).write(results);
		String markdown = Files.readString(report);
		assertThat(markdown)
			.contains("| 2 cores, N = 100: added ≤ 150 ms | 400 ms (p90 400); CPU +400 ms | **missed by 250 ms** |");
		assertThat(markdown).contains("| 2 cores, N = 100: ≥ 5× less added time than the Spring Cloud AWS import "
				+ "| 1.5× (1.5×) | **missed: 3.5× short** |");
		assertThat(markdown).contains("| 15.0× (ratio of medians) | **missed: 5.0× short** |");
		assertThat(results.resolve("cold-start.png")).isNotEmptyFile();
		assertThat(Files.readAllLines(results.resolve("cold-start-samples.csv"))).hasSize(1 + 3 * 3);
		assertThat(Files.readAllLines(results.resolve("bake-samples.csv"))).hasSize(1 + 2);
	}

	@Test
	void saysWhenATargetIsMet(@TempDir Path results) throws IOException {
		ColdStartSummary coldStart = coldStart(Map.of(Variant.EAGER, 100.0, Variant.SPRING_CLOUD_AWS, 500.0));
		List<BakeSample> bake = List.of(new BakeSample(BakeMethod.SECRET_BAKER, 1000, 0, 500, 120),
				new BakeSample(BakeMethod.SERIAL, 1000, 0, 25000, 1000));
		String markdown = Files.readString(report(coldStart, bake).write(results));
		assertThat(markdown).contains("| 2 cores, N = 100: added ≤ 150 ms | 100 ms (p90 100); CPU +100 ms | met |");
		assertThat(markdown).contains("| 5.0× (5.0×) | met |");
		assertThat(markdown).contains("| 50.0× (ratio of medians) | met |");
		assertThat(markdown).contains("| KMS calls, eager: N `Decrypt` per cold start | N in every cold start | met |");
	}

	@Test
	void checksTheClassesAndTheKmsCallsOfTrainingRunsAndCheckpoints(@TempDir Path results) throws IOException {
		List<ColdStartSample> samples = samples(Map.of(Variant.EAGER, 100.0, Variant.TODAY, 300.0));
		List<ClassLoadProfile> profiles = List.of(
				new ClassLoadProfile(Setup.FUNCTION, Variant.BASELINE, 1, 5800, 0, 0, 0, 0, 0),
				new ClassLoadProfile(Setup.FUNCTION, Variant.EAGER, 1, 6700, 900, 150, 150, 0, 0),
				new ClassLoadProfile(Setup.FUNCTION, Variant.TODAY, 1, 8800, 3000, 1800, 1800, 0, 0));
		List<TrainingSample> trainings = List.of(
				new TrainingSample(Setup.AOT_CACHE, Variant.EAGER, 100, 4000, Map.of()),
				new TrainingSample(Setup.AOT_CACHE, Variant.TODAY, 100, 4500, Map.of("Decrypt", 2L)));
		AfterRestoreCheck check = new AfterRestoreCheck(100, true, Map.of());
		ColdStartSummary coldStart = new ColdStartSummary(samples, profiles, null, trainings, check,
				Map.of(Setup.ONE_CORE, "/usr/bin/taskset (util-linux) is not installed"));
		String markdown = Files.readString(report(coldStart, null).write(results));
		assertThat(markdown)
			.contains("| Classes the decryption path loads at N = 1 (beyond the baseline's), default ≤ 1/3 "
					+ "of before | 900 against 3000 (0.30); AWS SDK 150 against 1800 | met |");
		assertThat(markdown)
			.contains("| KMS calls in a training run: 0 | 2 in 2 secret-baker training runs | **missed** |");
		assertThat(markdown).contains("| KMS calls before a checkpoint, `secret-baker.snapshot=after-restore`: 0 "
				+ "| 0 at N = 100, the read before the restore refused | met |");
		assertThat(markdown).contains("| 1 core, N = 10: added ≤ 200 ms | not measured in this run (skipped: "
				+ "/usr/bin/taskset (util-linux) is not installed) | – |");
		assertThat(markdown).contains("| AOT cache, JDK 25 (primed), secret-baker (default) | 4.0 s; no AWS call |");
	}

	@Test
	void leavesOutWhatWasNotMeasured(@TempDir Path results) throws IOException {
		String markdown = Files.readString(report(null, null).write(results));
		assertThat(markdown).contains("| Cold start | not measured in this run | – |");
		assertThat(markdown).doesNotContain("## Cold start", "## Bake");
		assertThat(results.resolve("cold-start.png")).doesNotExist();
	}

	private BenchmarkReport report(@Nullable ColdStartSummary coldStart, @Nullable List<BakeSample> bake) {
		Instant now = Instant.now();
		return new BenchmarkReport(this.options, Machine.current(), now, now, "0.1 0.1 0.1", "0.2 0.2 0.2", null,
				coldStart, bake, null, null);
	}

	private static ColdStartSummary coldStart(Map<Variant, Double> added) {
		return new ColdStartSummary(samples(added), List.of(), null, List.of(), null, Map.of());
	}

	private static List<ColdStartSample> samples(Map<Variant, Double> added) {
		List<ColdStartSample> samples = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			double baseline = 1000 + 100 * round;
			samples.add(sample(Variant.BASELINE, round, baseline));
			for (Map.Entry<Variant, Double> entry : added.entrySet()) {
				samples.add(sample(entry.getKey(), round, baseline + entry.getValue()));
			}
		}
		return samples;
	}

	private static ColdStartSample sample(Variant variant, int round, double answerMillis) {
		return new ColdStartSample(Setup.FUNCTION, variant, 100, round, answerMillis, answerMillis - 300, 20, 180,
				answerMillis + 1000, 50, null, variant.eager() ? Map.of("Decrypt", 100L) : Map.of());
	}

}
