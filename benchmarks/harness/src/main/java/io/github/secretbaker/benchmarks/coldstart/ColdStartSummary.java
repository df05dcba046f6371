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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.github.secretbaker.benchmarks.Samples;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of the cold start samples. Added times and ratios are computed pair by pair,
 * within each round of a setup, so that slow and fast periods of a shared machine cancel
 * out: a variant's added time in a round is its time minus the time of the same setup's
 * baseline in the same round.
 *
 * @since 0.1.0
 */
public final class ColdStartSummary {

	private final List<ColdStartSample> samples;

	private final List<ClassLoadProfile> profiles;

	private final @Nullable DecryptionHotSpots hotSpots;

	private final List<TrainingSample> trainings;

	private final @Nullable AfterRestoreCheck afterRestore;

	private final Map<Setup, String> skipped;

	private final Map<Key, Map<Integer, ColdStartSample>> byRound = new HashMap<>();

	/**
	 * Summarize the given samples.
	 * @param samples the samples
	 * @param profiles the class loading profiles
	 * @param hotSpots where the decryption threads of secret-baker eager spent their
	 * time, or {@code null} if not profiled
	 * @param trainings the training runs of the setups with a class cache
	 * @param afterRestore the after-restore check, or {@code null} if not run
	 * @param skipped the selected setups that could not run on this machine, with the
	 * reason
	 */
	public ColdStartSummary(List<ColdStartSample> samples, List<ClassLoadProfile> profiles,
			@Nullable DecryptionHotSpots hotSpots, List<TrainingSample> trainings,
			@Nullable AfterRestoreCheck afterRestore, Map<Setup, String> skipped) {
		this.samples = List.copyOf(samples);
		this.profiles = List.copyOf(profiles);
		this.hotSpots = hotSpots;
		this.trainings = List.copyOf(trainings);
		this.afterRestore = afterRestore;
		this.skipped = new LinkedHashMap<>(skipped);
		for (ColdStartSample sample : samples) {
			this.byRound
				.computeIfAbsent(new Key(sample.setup(), sample.variant(), sample.secrets()), (key) -> new HashMap<>())
				.put(sample.round(), sample);
		}
	}

	/**
	 * Return the samples.
	 * @return the samples
	 */
	public List<ColdStartSample> samples() {
		return this.samples;
	}

	/**
	 * Return the class loading profiles.
	 * @return the profiles
	 */
	public List<ClassLoadProfile> profiles() {
		return this.profiles;
	}

	/**
	 * Return where the decryption threads of secret-baker eager spent their time.
	 * @return the hot spots, or {@code null} if not profiled
	 */
	public @Nullable DecryptionHotSpots hotSpots() {
		return this.hotSpots;
	}

	/**
	 * Return the training runs.
	 * @return the training runs, in the order they ran
	 */
	public List<TrainingSample> trainings() {
		return this.trainings;
	}

	/**
	 * Return the after-restore check.
	 * @return the check, or {@code null} if not run
	 */
	public @Nullable AfterRestoreCheck afterRestore() {
		return this.afterRestore;
	}

	/**
	 * Return the selected setups that could not run on this machine.
	 * @return the reason of each, by setup
	 */
	public Map<Setup, String> skipped() {
		return this.skipped;
	}

	/**
	 * Return the setups measured, in their declaration order.
	 * @return the setups
	 */
	public List<Setup> setups() {
		return this.samples.stream().map(ColdStartSample::setup).distinct().sorted().toList();
	}

	/**
	 * Return the variants measured in a setup, in their declaration order.
	 * @param setup the setup
	 * @return the variants, the baseline first
	 */
	public List<Variant> variants(Setup setup) {
		return this.samples.stream()
			.filter((sample) -> sample.setup() == setup)
			.map(ColdStartSample::variant)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Return the numbers of secrets measured, in increasing order.
	 * @return the sizes
	 */
	public List<Integer> sizes() {
		return new ArrayList<>(
				this.samples.stream().map(ColdStartSample::secrets).collect(Collectors.toCollection(TreeSet::new)));
	}

	/**
	 * Return the times from process start to the answer.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples answer(Setup setup, Variant variant, int secrets) {
		return of(setup, variant, secrets, ColdStartSample::answerMillis);
	}

	/**
	 * Return the handler init durations.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples init(Setup setup, Variant variant, int secrets) {
		return of(setup, variant, secrets, ColdStartSample::initMillis);
	}

	/**
	 * Return the CPU time the function's JVM had used when it answered.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples cpu(Setup setup, Variant variant, int secrets) {
		return of(setup, variant, secrets, ColdStartSample::cpuMillis);
	}

	/**
	 * Return the CPU time the harness JVM, running the local server, used during a cold
	 * start.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples serverCpu(Setup setup, Variant variant, int secrets) {
		return of(setup, variant, secrets, ColdStartSample::serverCpuMillis);
	}

	/**
	 * Return the peak resident set sizes when the function answered.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples peakRss(Setup setup, Variant variant, int secrets) {
		return of(setup, variant, secrets, ColdStartSample::peakRssMb);
	}

	/**
	 * Return the decryption times logged by the secret-baker starter.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if the variant logs none
	 */
	public @Nullable Samples decrypt(Setup setup, Variant variant, int secrets) {
		List<Double> values = rounds(setup, variant, secrets).values()
			.stream()
			.map(ColdStartSample::decryptMillis)
			.filter((value) -> value != null)
			.map(Double.class::cast)
			.toList();
		return values.isEmpty() ? null : Samples.of(values);
	}

	/**
	 * Return the time added over the baseline, round by round.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples added(Setup setup, Variant variant, int secrets) {
		return Samples.of(addedByRound(setup, variant, secrets).values());
	}

	/**
	 * Return the ratio of the added times of two variants, round by round, over the
	 * rounds in which the reference added time is positive.
	 * @param setup the setup of both
	 * @param variant the variant
	 * @param reference the reference variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if the reference never added time
	 */
	public @Nullable Samples addedRatio(Setup setup, Variant variant, Variant reference, int secrets) {
		Map<Integer, Double> added = addedByRound(setup, variant, secrets);
		Map<Integer, Double> referenceAdded = addedByRound(setup, reference, secrets);
		List<Double> ratios = new ArrayList<>();
		added.forEach((round, value) -> {
			Double denominator = referenceAdded.get(round);
			if (denominator != null && denominator > 0) {
				ratios.add(value / denominator);
			}
		});
		return ratios.isEmpty() ? null : Samples.of(ratios);
	}

	/**
	 * Return the calls the local server received during one cold start.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the calls by operation, from the first round
	 */
	public Map<String, Long> calls(Setup setup, Variant variant, int secrets) {
		return rounds(setup, variant, secrets).values()
			.stream()
			.findFirst()
			.map(ColdStartSample::calls)
			.orElse(Map.of());
	}

	/**
	 * Return how many calls of an operation each cold start made, over every round.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @param operation the operation, such as {@code Decrypt}
	 * @return the distinct counts, in increasing order
	 */
	public List<Long> callCounts(Setup setup, Variant variant, int secrets, String operation) {
		return rounds(setup, variant, secrets).values()
			.stream()
			.map((sample) -> sample.calls().getOrDefault(operation, 0L))
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Return whether the variant was measured with that number of secrets.
	 * @param setup the setup
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return whether measured
	 */
	public boolean has(Setup setup, Variant variant, int secrets) {
		return !rounds(setup, variant, secrets).isEmpty();
	}

	private Map<Integer, Double> addedByRound(Setup setup, Variant variant, int secrets) {
		Map<Integer, ColdStartSample> baseline = rounds(setup, Variant.BASELINE, secrets);
		Map<Integer, Double> added = new HashMap<>();
		rounds(setup, variant, secrets).forEach((round, sample) -> {
			ColdStartSample base = baseline.get(round);
			if (base != null) {
				added.put(round, sample.answerMillis() - base.answerMillis());
			}
		});
		if (added.isEmpty()) {
			throw new IllegalStateException("No round measured both " + variant.label() + " and the baseline with "
					+ secrets + " secrets in the setup " + setup.label());
		}
		return added;
	}

	private Samples of(Setup setup, Variant variant, int secrets, ToDoubleFunction<ColdStartSample> value) {
		return Samples.of(rounds(setup, variant, secrets).values().stream().map(value::applyAsDouble).toList());
	}

	private Map<Integer, ColdStartSample> rounds(Setup setup, Variant variant, int secrets) {
		return this.byRound.getOrDefault(new Key(setup, variant, secrets), Map.of());
	}

	private record Key(Setup setup, Variant variant, int secrets) {
	}

}
