package io.github.secretbaker.benchmarks.coldstart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.github.secretbaker.benchmarks.Samples;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of the cold start samples. Added times and ratios are computed pair by pair,
 * within each round, so that slow and fast periods of a shared machine cancel out: a
 * variant's added time in a round is its time minus the baseline's time in the same round.
 *
 * @since 0.1.0
 */
public final class ColdStartSummary {

	private final List<ColdStartSample> samples;

	private final List<ClassLoadProfile> profiles;

	private final @Nullable DecryptionHotSpots hotSpots;

	private final Map<Key, Map<Integer, ColdStartSample>> byRound = new HashMap<>();

	/**
	 * Summarize the given samples.
	 * @param samples the samples
	 * @param profiles the class loading profiles
	 * @param hotSpots where the decryption threads of secret-baker eager spent their time, or
	 * {@code null} if not profiled
	 */
	public ColdStartSummary(List<ColdStartSample> samples, List<ClassLoadProfile> profiles,
			@Nullable DecryptionHotSpots hotSpots) {
		this.samples = List.copyOf(samples);
		this.profiles = List.copyOf(profiles);
		this.hotSpots = hotSpots;
		for (ColdStartSample sample : samples) {
			this.byRound.computeIfAbsent(new Key(sample.variant(), sample.secrets()), (key) -> new HashMap<>())
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
	 * Return the numbers of secrets measured, in increasing order.
	 * @return the sizes
	 */
	public List<Integer> sizes() {
		return new ArrayList<>(this.samples.stream().map(ColdStartSample::secrets).collect(Collectors.toCollection(TreeSet::new)));
	}

	/**
	 * Return the times from process start to the answer.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples answer(Variant variant, int secrets) {
		return of(variant, secrets, ColdStartSample::answerMillis);
	}

	/**
	 * Return the handler init durations.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples init(Variant variant, int secrets) {
		return of(variant, secrets, ColdStartSample::initMillis);
	}

	/**
	 * Return the CPU time the function's JVM had used when it answered.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples cpu(Variant variant, int secrets) {
		return of(variant, secrets, ColdStartSample::cpuMillis);
	}

	/**
	 * Return the CPU time the harness JVM, running the local server, used during a cold start.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples serverCpu(Variant variant, int secrets) {
		return of(variant, secrets, ColdStartSample::serverCpuMillis);
	}

	/**
	 * Return the peak resident set sizes when the function answered.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples peakRss(Variant variant, int secrets) {
		return of(variant, secrets, ColdStartSample::peakRssMb);
	}

	/**
	 * Return the decryption times logged by the secret-baker starter.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if the variant logs none
	 */
	public @Nullable Samples decrypt(Variant variant, int secrets) {
		List<Double> values = rounds(variant, secrets).values()
			.stream()
			.map(ColdStartSample::decryptMillis)
			.filter((value) -> value != null)
			.map(Double.class::cast)
			.toList();
		return values.isEmpty() ? null : Samples.of(values);
	}

	/**
	 * Return the time added over the baseline, round by round.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the statistics
	 */
	public Samples added(Variant variant, int secrets) {
		return Samples.of(addedByRound(variant, secrets).values());
	}

	/**
	 * Return the ratio of the added times of two variants, round by round, over the rounds in
	 * which the reference added time is positive.
	 * @param variant the variant
	 * @param reference the reference variant
	 * @param secrets the number of secrets
	 * @return the statistics, or {@code null} if the reference never added time
	 */
	public @Nullable Samples addedRatio(Variant variant, Variant reference, int secrets) {
		Map<Integer, Double> added = addedByRound(variant, secrets);
		Map<Integer, Double> referenceAdded = addedByRound(reference, secrets);
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
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return the calls by operation, from the first round
	 */
	public Map<String, Long> calls(Variant variant, int secrets) {
		return rounds(variant, secrets).values().stream().findFirst().map(ColdStartSample::calls).orElse(Map.of());
	}

	/**
	 * Return whether the variant was measured with that number of secrets.
	 * @param variant the variant
	 * @param secrets the number of secrets
	 * @return whether measured
	 */
	public boolean has(Variant variant, int secrets) {
		return !rounds(variant, secrets).isEmpty();
	}

	private Map<Integer, Double> addedByRound(Variant variant, int secrets) {
		Map<Integer, ColdStartSample> baseline = rounds(Variant.BASELINE, secrets);
		Map<Integer, Double> added = new HashMap<>();
		rounds(variant, secrets).forEach((round, sample) -> {
			ColdStartSample base = baseline.get(round);
			if (base != null) {
				added.put(round, sample.answerMillis() - base.answerMillis());
			}
		});
		if (added.isEmpty()) {
			throw new IllegalStateException("No round measured both " + variant.label() + " and the baseline with "
					+ secrets + " secrets");
		}
		return added;
	}

	private Samples of(Variant variant, int secrets, ToDoubleFunction<ColdStartSample> value) {
		return Samples.of(rounds(variant, secrets).values().stream().map(value::applyAsDouble).toList());
	}

	private Map<Integer, ColdStartSample> rounds(Variant variant, int secrets) {
		return this.byRound.getOrDefault(new Key(variant, secrets), Map.of());
	}

	private record Key(Variant variant, int secrets) {
	}

}
