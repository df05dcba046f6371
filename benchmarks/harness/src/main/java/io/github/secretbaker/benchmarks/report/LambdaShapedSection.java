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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.benchmarks.Samples;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSample;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSummary;
import io.github.secretbaker.benchmarks.lambda.SnapStartSample;
import org.jspecify.annotations.Nullable;

/**
 * The leading section of the report: the Lambda-shaped cold starts, their targets at
 * 1,024 MB, the added Init Duration per memory size and N, and the finer measurement of
 * the starter without a file (CPU time and classes loaded).
 */
final class LambdaShapedSection {

	static final int TARGET_MEMORY_MB = 1024;

	private static final Map<Integer, Double> ADDED_TARGETS = Map.of(1, 400.0, 10, 500.0, 100, 950.0);

	private static final Map<Integer, Double> RATIO_TARGETS = Map.of(1, 4.0, 10, 3.0, 100, 1.8);

	private static final double WITHOUT_FILE_TARGET = 25;

	private static final double ADVANCED_TARGET = 30;

	private static final double RESTORE_TARGET = 250;

	private static final int RESTORE_TARGET_SECRETS = 100;

	private final LambdaShapedSummary summary;

	private final Duration latency;

	private final List<String> lines = new ArrayList<>();

	LambdaShapedSection(LambdaShapedSummary summary, Duration latency) {
		this.summary = summary;
		this.latency = latency;
	}

	List<String> lines() {
		this.lines.clear();
		LambdaShapedSummary.Setting setting = this.summary.setting();
		line("## Lambda-shaped cold start");
		line();
		line("The benchmark function as Lambda's Java managed runtime runs it: its jars in a task root's `lib/`, AWS's "
				+ "runtime interface client as the entry point, Lambda's environment variables, a local Runtime API that "
				+ "records *Init Duration* (from the process start to the runtime's first `next`, what Lambda bills for "
				+ "an on-demand init); the JVM options `" + String.join(" ", setting.jvmOptions()) + "`; class data: "
				+ setting.classData() + "; the JVM inside "
				+ "a cgroup v1 CPU quota, the share of a CPU its memory size gets (one vCPU at 1,769 MB), from its first "
				+ "instruction; the local KMS + SSM server outside the quota, over HTTPS, with L = "
				+ this.latency.toMillis() + " ms on every AWS call; the trust store " + setting.trustStore() + ". "
				+ "Rounds per memory size and N: " + setting.rounds() + ", each starting every variant once in a fresh "
				+ "JVM, in an order rotated each round, after one discarded warm-up round per memory size. *Added*: "
				+ "the Init Duration minus that of the function without the library in the same round; medians with "
				+ "the interquartile range " + "(p25–p75) of the paired differences. CPU: " + setting.cpuSource()
				+ ", when init ended.");
		line();
		List<Integer> memorySizes = this.summary.memorySizes();
		if (memorySizes.isEmpty()) {
			line("Not run: " + String.join("; ",
					this.summary.skipped()
						.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " MB: " + entry.getValue())
						.toList())
					+ ".");
			line();
			return List.copyOf(this.lines);
		}
		targets();
		for (int memory : memorySizes) {
			memorySize(memory);
		}
		snapStarts(memorySizes);
		withoutFile(memorySizes);
		this.summary.skipped().forEach((memory, reason) -> {
			line("- " + memory + " MB not run: " + reason);
			line();
		});
		return List.copyOf(this.lines);
	}

	private void targets() {
		int memory = TARGET_MEMORY_MB;
		line(String.format(Locale.ROOT, "### Targets, %,d MB", memory));
		line();
		if (!this.summary.memorySizes().contains(memory)) {
			line("Not measured in this run (`--lambda-memory-sizes` without " + memory + ").");
			line();
			return;
		}
		line("| Target | Measured | Result |");
		line("|---|---|---|");
		for (int secrets : this.summary.sizes()) {
			Double limit = ADDED_TARGETS.get(secrets);
			if (limit == null || !this.summary.has(memory, Variant.EAGER, secrets)) {
				continue;
			}
			Samples added = this.summary.added(memory, Variant.EAGER, secrets);
			line(String.format(Locale.ROOT, "| N = %d: secret-baker adds ≤ %.0f ms | %s%s | %s |", secrets, limit,
					spread(added), cpu(this.summary.addedCpu(memory, Variant.EAGER, secrets)),
					verdict(added.median() <= limit,
							String.format(Locale.ROOT, "missed by %.0f ms", added.median() - limit))));
		}
		for (int secrets : this.summary.sizes()) {
			Double ratio = RATIO_TARGETS.get(secrets);
			Samples ratios = (ratio != null)
					? this.summary.ratio(memory, Variant.SPRING_CLOUD_AWS, Variant.EAGER, secrets) : null;
			if (ratio == null || ratios == null) {
				continue;
			}
			line(String.format(Locale.ROOT,
					"| N = %d: ≥ %.1f× less added than the Spring Cloud AWS import | %.1f× "
							+ "(%.1f–%.1f×; of the medians %.1f×) | %s |",
					secrets, ratio, ratios.median(), ratios.percentile(25), ratios.percentile(75),
					ofMedians(memory, secrets), verdict(ratios.median() >= ratio,
							String.format(Locale.ROOT, "missed: %.1f× short", ratio - ratios.median()))));
		}
		Samples restore = this.summary.restore(memory, RESTORE_TARGET_SECRETS);
		if (restore != null) {
			line(String.format(Locale.ROOT,
					"| SnapStart, emulated: restore to all %d secrets decrypted ≤ %.0f ms "
							+ "| %s, restores: %d | %s |",
					RESTORE_TARGET_SECRETS, RESTORE_TARGET, spread(restore), restore.count(),
					verdict(restore.median() <= RESTORE_TARGET,
							String.format(Locale.ROOT, "missed by %.0f ms", restore.median() - RESTORE_TARGET))));
		}
		Samples advanced = this.summary.difference(memory, Variant.EAGER_ADVANCED, Variant.EAGER, 1);
		if (advanced != null) {
			line(String.format(Locale.ROOT,
					"| N = 1: an Advanced-tier entry adds ≤ %.0f ms over a standard one " + "| %s, pairs: %d | %s |",
					ADVANCED_TARGET, spread(advanced), advanced.count(), verdict(advanced.median() <= ADVANCED_TARGET,
							String.format(Locale.ROOT, "missed by %.0f ms", advanced.median() - ADVANCED_TARGET))));
		}
		if (hasWithoutFile(memory)) {
			Samples added = this.summary.added(memory, Variant.STARTER_WITHOUT_FILE, null);
			line(String.format(Locale.ROOT,
					"| The starter without a file adds ≤ %.0f ms | %s, pairs over every N: %d%s " + "| %s |",
					WITHOUT_FILE_TARGET, spread(added), added.count(),
					cpu(this.summary.addedCpu(memory, Variant.STARTER_WITHOUT_FILE, null)),
					verdict(added.median() <= WITHOUT_FILE_TARGET,
							String.format(Locale.ROOT, "missed by %.0f ms", added.median() - WITHOUT_FILE_TARGET))));
		}
		line();
	}

	private double ofMedians(int memory, int secrets) {
		return this.summary.added(memory, Variant.SPRING_CLOUD_AWS, secrets).median()
				/ this.summary.added(memory, Variant.EAGER, secrets).median();
	}

	private boolean hasWithoutFile(int memory) {
		return this.summary.sizes()
			.stream()
			.anyMatch((secrets) -> this.summary.has(memory, Variant.STARTER_WITHOUT_FILE, secrets));
	}

	private void memorySize(int memory) {
		Long quota = this.summary.quotas().get(memory);
		line(String.format(Locale.ROOT, "### %,d MB: CPU quota %,d µs per 100,000 µs", memory,
				(quota != null) ? quota : -1));
		line();
		List<Variant> variants = this.summary.setting().variants();
		List<Variant> others = variants.subList(1, variants.size());
		line("Added Init Duration over the function without the library, median (p25–p75), ms:");
		line();
		StringBuilder header = new StringBuilder("| N |");
		others.forEach((variant) -> header.append(' ').append(variant.label()).append(" |"));
		header.append(" Spring Cloud AWS ÷ secret-baker, per round (of the medians) |");
		line(header.toString());
		line("|---|" + "---|".repeat(others.size() + 1));
		List<Integer> sizes = this.summary.sizes()
			.stream()
			.filter((secrets) -> this.summary.has(memory, Variant.BASELINE, secrets))
			.toList();
		for (int secrets : sizes) {
			StringBuilder row = new StringBuilder("| " + secrets + " |");
			for (Variant variant : others) {
				row.append(' ')
					.append(this.summary.has(memory, variant, secrets)
							? spread(this.summary.added(memory, variant, secrets)) : "–")
					.append(" |");
			}
			Samples ratios = this.summary.ratio(memory, Variant.SPRING_CLOUD_AWS, Variant.EAGER, secrets);
			row.append(' ')
				.append((ratios != null)
						? String.format(Locale.ROOT, "%.1f× (%.1f×)", ratios.median(), ofMedians(memory, secrets))
						: "–")
				.append(" |");
			line(row.toString());
		}
		line();
		line("Init Duration, CPU time when init ended, and how long the quota held the JVM back until then "
				+ "(throttled), medians, ms:");
		line();
		StringBuilder all = new StringBuilder("| N |");
		variants.forEach((variant) -> all.append(' ').append(variant.label()).append(" |"));
		line(all.toString());
		line("|---|" + "---|".repeat(variants.size()));
		for (int secrets : sizes) {
			StringBuilder row = new StringBuilder("| " + secrets + " |");
			for (Variant variant : variants) {
				if (!this.summary.has(memory, variant, secrets)) {
					row.append(" – |");
					continue;
				}
				row.append(String.format(Locale.ROOT, " init %.0f; CPU %s; throttled %s |",
						this.summary.init(memory, variant, secrets).median(),
						median(this.summary.cpu(memory, variant, secrets)),
						median(this.summary.throttled(memory, variant, secrets))));
			}
			line(row.toString());
		}
		line();
	}

	private void withoutFile(List<Integer> memorySizes) {
		boolean measured = memorySizes.stream().anyMatch(this::hasWithoutFile);
		if (measured) {
			line("### The starter without a file, finer");
			line();
			line("Its cost is below the noise of single init times, so it is paired over the rounds of every N (its "
					+ "function is the same whatever N) and shown with the CPU time and the classes loaded.");
			line();
			line("| Memory | Added Init Duration, median (p25–p75) | Added CPU when init ended, median (p25–p75) "
					+ "| Pairs |");
			line("|---|---|---|---|");
			for (int memory : memorySizes) {
				if (!hasWithoutFile(memory)) {
					continue;
				}
				Samples added = this.summary.added(memory, Variant.STARTER_WITHOUT_FILE, null);
				Samples cpu = this.summary.addedCpu(memory, Variant.STARTER_WITHOUT_FILE, null);
				line(String.format(Locale.ROOT, "| %,d MB | %s | %s | %d |", memory, spread(added),
						(cpu != null) ? spread(cpu) : "–", added.count()));
			}
			line();
		}
		Map<Variant, Long> classes = this.summary.classesAtInit();
		Long baseline = classes.get(Variant.BASELINE);
		if (!classes.isEmpty() && baseline != null) {
			if (!measured) {
				line("### Classes loaded");
				line();
			}
			List<String> counts = new ArrayList<>();
			for (Variant variant : this.summary.setting().variants()) {
				Long count = classes.get(variant);
				if (count != null) {
					counts.add(variant.label() + " " + count + ((variant != Variant.BASELINE)
							? String.format(Locale.ROOT, " (%+d)", count - baseline) : ""));
				}
			}
			line("Classes loaded when init ended (one extra cold start per variant with `-Xlog:class+load`, at "
					+ String.format(Locale.ROOT, "%,d", memorySizes.get(0)) + " MB and N = "
					+ this.summary.setting().classProfileSecrets() + "): " + String.join("; ", counts) + ".");
			line();
		}
	}

	static String csv(List<LambdaShapedSample> samples) {
		StringBuilder csv = new StringBuilder("memory_mb,secrets,variant,round,init_ms,cpu_ms,throttled_ms\n");
		for (LambdaShapedSample sample : samples) {
			csv.append(String.format(Locale.ROOT, "%d,%d,%s,%d,%.2f,%.1f,%.1f%n", sample.memoryMb(), sample.secrets(),
					sample.variant().id(), sample.round(), sample.initMillis(), sample.cpuMillis(),
					sample.throttledMillis()));
		}
		return csv.toString();
	}

	private static String median(@Nullable Samples samples) {
		return (samples != null) ? String.format(Locale.ROOT, "%.0f", samples.median()) : "–";
	}

	private void snapStarts(List<Integer> memorySizes) {
		if (this.summary.snapStarts().isEmpty()) {
			return;
		}
		line("### SnapStart, emulated");
		line();
		line("The starter with `secret-baker.snapshot=after-restore` and `AWS_LAMBDA_INITIALIZATION_TYPE=snap-start`, "
				+ "under the same quota: AWS's runtime interface client runs the checkpoint hooks (secret-baker primes "
				+ "its client, no KMS call), asks the local Runtime API for the restore, which comes at once in the "
				+ "same process, and runs the restore hooks, which decrypt every secret with a new client and "
				+ "credentials from the container credentials endpoint (over HTTPS here, one handshake more than "
				+ "Lambda's plain-HTTP endpoint); nothing from before the checkpoint is reused, but the JIT's "
				+ "compiled code and the loaded classes are, as in a real snapshot. *Restore*: from the restore to "
				+ "the runtime's first `next`, every secret decrypted; medians (p25–p75), ms.");
		line();
		line("| Memory | N | restore to every secret decrypted | init to the checkpoint |");
		line("|---|---|---|---|");
		for (int memory : memorySizes) {
			for (int secrets : this.summary.snapStarts()
				.stream()
				.map(SnapStartSample::secrets)
				.distinct()
				.sorted()
				.toList()) {
				Samples restore = this.summary.restore(memory, secrets);
				if (restore == null) {
					continue;
				}
				List<Double> inits = this.summary.snapStarts()
					.stream()
					.filter((sample) -> sample.memoryMb() == memory && sample.secrets() == secrets)
					.map(SnapStartSample::initMillis)
					.toList();
				line(String.format(Locale.ROOT, "| %,d MB | %d | %s | %s |", memory, secrets, spread(restore),
						spread(Samples.of(inits))));
			}
		}
		line();
	}

	private static String spread(Samples samples) {
		return String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)", samples.median(), samples.percentile(25),
				samples.percentile(75));
	}

	private static String cpu(@Nullable Samples addedCpu) {
		return (addedCpu != null) ? String.format(Locale.ROOT, "; CPU %+.0f ms", addedCpu.median()) : "";
	}

	private static String verdict(boolean met, String missed) {
		return met ? "met" : "**" + missed + "**";
	}

	private void line(String text) {
		this.lines.add(text);
	}

	private void line() {
		this.lines.add("");
	}

}
