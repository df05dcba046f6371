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
import io.github.secretbaker.benchmarks.coldstart.ColdStartSample;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSummary;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTests {

	private final BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/tmp/benchmarks" });

	@Test
	void saysByHowMuchATargetIsMissed(@TempDir Path results) throws IOException {
		ColdStartSummary coldStart = coldStart(Map.of(Variant.EAGER, 400.0, Variant.SPRING_CLOUD_AWS, 600.0));
		List<BakeSample> bake = List.of(new BakeSample(BakeMethod.SECRET_BAKER, 1000, 0, 1000, 120),
				new BakeSample(BakeMethod.SERIAL, 1000, 0, 15000, 1000));
		Path report = report(coldStart, bake).write(results);
		String markdown = Files.readString(report);
		assertThat(markdown).contains("| secret-baker eager, N = 100: added cold start ≤ 1.5·L + 150 ms = 187.5 ms "
				+ "| 400 ms (median of paired runs) | **missed by 213 ms** |");
		assertThat(markdown).contains("| 1.5× (median of paired ratios; ratio of medians 1.5×) | **missed: 1.5× short** |");
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
		assertThat(markdown).contains("| 100 ms (median of paired runs) | met |");
		assertThat(markdown).contains("| 5.0× (median of paired ratios; ratio of medians 5.0×) | met |");
		assertThat(markdown).contains("| 50.0× (ratio of medians) | met |");
	}

	@Test
	void leavesOutWhatWasNotMeasured(@TempDir Path results) throws IOException {
		String markdown = Files.readString(report(null, null).write(results));
		assertThat(markdown).contains("| secret-baker eager, N = 100 | not measured in this run | – |");
		assertThat(markdown).doesNotContain("## Cold start", "## Bake");
		assertThat(results.resolve("cold-start.png")).doesNotExist();
	}

	private BenchmarkReport report(ColdStartSummary coldStart, List<BakeSample> bake) {
		Instant now = Instant.now();
		return new BenchmarkReport(this.options, Machine.current(), now, now, "0.1 0.1 0.1", "0.2 0.2 0.2", coldStart,
				bake, null, null);
	}

	private static ColdStartSummary coldStart(Map<Variant, Double> added) {
		List<ColdStartSample> samples = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			double baseline = 1000 + 100 * round;
			samples.add(sample(Variant.BASELINE, round, baseline));
			for (Map.Entry<Variant, Double> entry : added.entrySet()) {
				samples.add(sample(entry.getKey(), round, baseline + entry.getValue()));
			}
		}
		return new ColdStartSummary(samples, List.of(), null);
	}

	private static ColdStartSample sample(Variant variant, int round, double answerMillis) {
		return new ColdStartSample(variant, 100, round, answerMillis, answerMillis - 300, 20, 180, 2000, 50, null,
				Map.of());
	}

}
