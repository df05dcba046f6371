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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.github.secretbaker.benchmarks.Samples;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.jspecify.annotations.Nullable;

/**
 * The results of the Lambda-shaped benchmark: its samples, paired by round with the
 * baseline of the same memory size, N and round, the classes each variant had loaded when
 * init ended, and the memory sizes that could not be run, with why.
 *
 * @since 0.1.0
 */
public final class LambdaShapedSummary {

	private final List<LambdaShapedSample> samples;

	private final Map<Variant, Long> classesAtInit;

	private final Map<Integer, Long> quotas;

	private final Map<Integer, String> skipped;

	private final Setting setting;

	private final List<SnapStartSample> snapStarts;

	/**
	 * Create a summary without SnapStart restores.
	 * @param samples the timed cold starts, warm-up rounds excluded
	 * @param classesAtInit the classes each variant had loaded when init ended, from one
	 * extra cold start each with {@code -Xlog:class+load}
	 * @param quotas the CPU quota per 100,000 µs of each memory size that was run
	 * @param skipped the memory sizes that were not run, with why
	 * @param setting how the cold starts were run
	 */
	public LambdaShapedSummary(List<LambdaShapedSample> samples, Map<Variant, Long> classesAtInit,
			Map<Integer, Long> quotas, Map<Integer, String> skipped, Setting setting) {
		this(samples, classesAtInit, quotas, skipped, setting, List.of());
	}

	/**
	 * Create a summary.
	 * @param samples the timed cold starts, warm-up rounds excluded
	 * @param classesAtInit the classes each variant had loaded when init ended, from one
	 * extra cold start each with {@code -Xlog:class+load}
	 * @param quotas the CPU quota per 100,000 µs of each memory size that was run
	 * @param skipped the memory sizes that were not run, with why
	 * @param setting how the cold starts were run
	 * @param snapStarts the emulated SnapStart restores
	 */
	public LambdaShapedSummary(List<LambdaShapedSample> samples, Map<Variant, Long> classesAtInit,
			Map<Integer, Long> quotas, Map<Integer, String> skipped, Setting setting,
			List<SnapStartSample> snapStarts) {
		this.snapStarts = List.copyOf(snapStarts);
		this.samples = List.copyOf(samples);
		this.classesAtInit = new LinkedHashMap<>(classesAtInit);
		this.quotas = new LinkedHashMap<>(quotas);
		this.skipped = new LinkedHashMap<>(skipped);
		this.setting = setting;
	}

	/**
	 * Return this summary with the given emulated SnapStart restores.
	 * @param snapStarts the restores
	 * @return a new summary
	 */
	public LambdaShapedSummary withSnapStarts(List<SnapStartSample> snapStarts) {
		return new LambdaShapedSummary(this.samples, this.classesAtInit, this.quotas, this.skipped, this.setting,
				snapStarts);
	}

	/**
	 * Return the emulated SnapStart restores.
	 * @return the restores
	 */
	public List<SnapStartSample> snapStarts() {
		return this.snapStarts;
	}

	/**
	 * Return the restore times of the emulated SnapStarts of one memory size and N.
	 * @param memoryMb the memory size
	 * @param secrets the number of secrets
	 * @return their statistics, or {@code null} if none was run
	 */
	public @Nullable Samples restore(int memoryMb, int secrets) {
		List<Double> restores = this.snapStarts.stream()
			.filter((sample) -> sample.memoryMb() == memoryMb && sample.secrets() == secrets)
			.map(SnapStartSample::restoreMillis)
			.toList();
		return restores.isEmpty() ? null : Samples.of(restores);
	}

	/**
	 * Return the samples.
	 * @return the samples
	 */
	public List<LambdaShapedSample> samples() {
		return this.samples;
	}

	/**
	 * Return the classes each variant had loaded when init ended.
	 * @return the class counts, by variant
	 */
	public Map<Variant, Long> classesAtInit() {
		return this.classesAtInit;
	}

	/**
	 * Return the CPU quota of each memory size that was run.
	 * @return the quota per 100,000 µs, in µs, by memory size
	 */
	public Map<Integer, Long> quotas() {
		return this.quotas;
	}

	/**
	 * Return the memory sizes that were not run, with why.
	 * @return the reasons, by memory size
	 */
	public Map<Integer, String> skipped() {
		return this.skipped;
	}

	/**
	 * Return how the cold starts were run.
	 * @return the setting
	 */
	public Setting setting() {
		return this.setting;
	}

	/**
	 * Return the memory sizes that have samples, in the order they were run.
	 * @return the memory sizes
	 */
	public List<Integer> memorySizes() {
		return this.samples.stream().map(LambdaShapedSample::memoryMb).distinct().toList();
	}

	/**
	 * Return the numbers of secrets that have samples, in the order they were run.
	 * @return the numbers of secrets
	 */
	public List<Integer> sizes() {
		return this.samples.stream().map(LambdaShapedSample::secrets).distinct().toList();
	}

	/**
	 * Return whether a variant has samples at a memory size and N.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return whether measured
	 */
	public boolean has(int memoryMb, Variant variant, int secrets) {
		return this.samples.stream()
			.anyMatch((sample) -> sample.memoryMb() == memoryMb && sample.variant() == variant
					&& sample.secrets() == secrets);
	}

	/**
	 * Return the Init Durations of a variant.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples init(int memoryMb, Variant variant, int secrets) {
		return Samples.of(values(memoryMb, variant, secrets, LambdaShapedSample::initMillis));
	}

	/**
	 * Return the CPU times of a variant when init ended.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if no CPU time is known
	 */
	public @Nullable Samples cpu(int memoryMb, Variant variant, int secrets) {
		List<Double> values = values(memoryMb, variant, secrets, LambdaShapedSample::cpuMillis);
		return values.isEmpty() ? null : Samples.of(values);
	}

	/**
	 * Return how long the quota held a variant's JVM back until init ended.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if the throttled time is not known
	 */
	public @Nullable Samples throttled(int memoryMb, Variant variant, int secrets) {
		List<Double> values = values(memoryMb, variant, secrets, LambdaShapedSample::throttledMillis);
		return values.isEmpty() ? null : Samples.of(values);
	}

	/**
	 * Return the Init Duration a variant adds over the baseline of the same round.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets, or {@code null} for the rounds of every N
	 * @return the statistics of the paired differences
	 */
	public Samples added(int memoryMb, Variant variant, @Nullable Integer secrets) {
		return Samples.of(paired(memoryMb, variant, Variant.BASELINE, secrets, LambdaShapedSample::initMillis));
	}

	/**
	 * Return the Init Duration a variant adds over another variant of the same round.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param reference the variant it is compared with
	 * @param secrets the number of secrets
	 * @return the statistics of the paired differences, or {@code null} if there is no
	 * round with both
	 */
	public @Nullable Samples difference(int memoryMb, Variant variant, Variant reference, int secrets) {
		List<Double> differences = paired(memoryMb, variant, reference, secrets, LambdaShapedSample::initMillis);
		return differences.isEmpty() ? null : Samples.of(differences);
	}

	/**
	 * Return the CPU time a variant used beyond the baseline of the same round when init
	 * ended.
	 * @param memoryMb the memory size
	 * @param variant the variant
	 * @param secrets the number of secrets, or {@code null} for the rounds of every N
	 * @return the statistics of the paired differences, or {@code null} if no CPU time is
	 * known
	 */
	public @Nullable Samples addedCpu(int memoryMb, Variant variant, @Nullable Integer secrets) {
		List<Double> differences = paired(memoryMb, variant, Variant.BASELINE, secrets, LambdaShapedSample::cpuMillis);
		return differences.isEmpty() ? null : Samples.of(differences);
	}

	/**
	 * Return, round by round, the Init Duration one variant adds divided by what another
	 * adds, over the rounds where the other added a positive time.
	 * @param memoryMb the memory size
	 * @param variant the variant whose added time is divided
	 * @param reference the variant whose added time divides
	 * @param secrets the number of secrets
	 * @return the statistics of the ratios, or {@code null} if there is no such round
	 */
	public @Nullable Samples ratio(int memoryMb, Variant variant, Variant reference, int secrets) {
		List<Double> ratios = new ArrayList<>();
		rounds(memoryMb, secrets).forEach((round) -> {
			LambdaShapedSample baseline = round.get(Variant.BASELINE);
			LambdaShapedSample measured = round.get(variant);
			LambdaShapedSample divisor = round.get(reference);
			if (baseline != null && measured != null && divisor != null
					&& divisor.initMillis() > baseline.initMillis()) {
				ratios.add((measured.initMillis() - baseline.initMillis())
						/ (divisor.initMillis() - baseline.initMillis()));
			}
		});
		return ratios.isEmpty() ? null : Samples.of(ratios);
	}

	private List<Double> values(int memoryMb, Variant variant, int secrets,
			ToDoubleFunction<LambdaShapedSample> measure) {
		return this.samples.stream()
			.filter((sample) -> sample.memoryMb() == memoryMb && sample.variant() == variant
					&& sample.secrets() == secrets)
			.map(measure::applyAsDouble)
			.filter((value) -> value >= 0)
			.toList();
	}

	private List<Double> paired(int memoryMb, Variant variant, Variant reference, @Nullable Integer secrets,
			ToDoubleFunction<LambdaShapedSample> measure) {
		List<Double> differences = new ArrayList<>();
		rounds(memoryMb, secrets).forEach((round) -> {
			LambdaShapedSample baseline = round.get(reference);
			LambdaShapedSample measured = round.get(variant);
			if (baseline != null && measured != null && measure.applyAsDouble(baseline) >= 0
					&& measure.applyAsDouble(measured) >= 0) {
				differences.add(measure.applyAsDouble(measured) - measure.applyAsDouble(baseline));
			}
		});
		return differences;
	}

	private List<Map<Variant, LambdaShapedSample>> rounds(int memoryMb, @Nullable Integer secrets) {
		Map<List<Integer>, Map<Variant, LambdaShapedSample>> rounds = new LinkedHashMap<>();
		for (LambdaShapedSample sample : this.samples) {
			if (sample.memoryMb() == memoryMb && (secrets == null || Objects.equals(sample.secrets(), secrets))) {
				rounds.computeIfAbsent(List.of(sample.secrets(), sample.round()), (key) -> new LinkedHashMap<>())
					.put(sample.variant(), sample);
			}
		}
		return List.copyOf(rounds.values());
	}

	/**
	 * How the Lambda-shaped cold starts were run.
	 *
	 * @param rounds the rounds per memory size and N
	 * @param variants the variants of every round, the baseline first
	 * @param jvmOptions the JVM options every variant had, before its own system
	 * properties
	 * @param trustStore what the trust store held
	 * @param classData the class data the JVMs shared
	 * @param cpuSource where the CPU times come from
	 * @param classProfileSecrets the N of the class-loading profile
	 * @since 0.1.0
	 */
	public record Setting(int rounds, List<Variant> variants, List<String> jvmOptions, String trustStore,
			String classData, String cpuSource, int classProfileSecrets) {

	}

}
