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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.Machine;
import io.github.secretbaker.benchmarks.Samples;
import io.github.secretbaker.benchmarks.bake.BakeMethod;
import io.github.secretbaker.benchmarks.bake.BakeSample;
import io.github.secretbaker.benchmarks.coldstart.AfterRestoreCheck;
import io.github.secretbaker.benchmarks.coldstart.ClassLoadProfile;
import io.github.secretbaker.benchmarks.coldstart.ColdStartBenchmark;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSample;
import io.github.secretbaker.benchmarks.coldstart.ColdStartSummary;
import io.github.secretbaker.benchmarks.coldstart.DecryptionHotSpots;
import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.TrainingSample;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.benchmarks.httpclient.HttpClientKind;
import io.github.secretbaker.benchmarks.httpclient.HttpClientSample;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSummary;
import io.github.secretbaker.benchmarks.serverload.ServerLoadResult;
import io.github.secretbaker.benchmarks.serverload.ServerLoadResult.ParallelRun;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import org.jspecify.annotations.Nullable;

/**
 * Writes the results of a run: {@code report.md} with every table, the Lambda-shaped cold
 * starts first, {@code cold-start.png}, and the raw samples as CSV files, so that any
 * figure can be recomputed.
 *
 * @since 0.1.0
 */
public final class BenchmarkReport {

	/**
	 * The command that regenerates the report.
	 */
	public static final String COMMAND = "./mvnw -B -ntp -Pbenchmarks -pl benchmarks/harness -am verify -DskipTests";

	private static final double SPRING_CLOUD_AWS_TARGET_RATIO = 5;

	private static final String DECRYPT = "Decrypt";

	private static final Set<String> KMS_OPERATIONS = Set.of("Decrypt", "DescribeKey", "Encrypt", "GenerateDataKey");

	private static final String WHERE_TIME_GOES = "*init*: the `FunctionInvoker` construction, which starts the "
			+ "Spring application, or for `java -jar` the startup time Spring Boot logs; *CPU*: the CPU time the JVM "
			+ "had used, all threads, when it answered; *server CPU*: what the harness JVM, which runs the local "
			+ "server, used meanwhile, on the same cores; *RSS*: the peak resident set size when it answered; "
			+ "*decrypt*: the time the starter logs from the start of the decryption to its end "
			+ "(`Decrypted N baked secrets in X ms`)";

	private static final Map<Setup, String> SETUP_DESCRIPTIONS = Map.of(Setup.FUNCTION,
			"The function through `FunctionInvoker`, run by `LocalLambdaInvoker` on the function's class path, "
					+ "on the machine's cores, over HTTP.",
			Setup.ONE_CORE,
			"The same, each child JVM (baseline included) started under `taskset -c 0`, so it has one core, as a "
					+ "Lambda function with up to 1769 MB of memory has; the local server keeps both cores, as KMS is "
					+ "on other machines.",
			Setup.TLS,
			"The same over HTTPS: a second local server serves TLS with a self-signed certificate, and every child "
					+ "gets `-Djavax.net.ssl.trustStore` with it and an `https://` endpoint, Spring Cloud AWS included.",
			Setup.AOT_CACHE,
			"The same on JDK 25 with an AOT cache per variant and N, recorded by a training run in which secret-baker "
					+ "primes its client without calling KMS: what a SnapStart checkpoint would keep of the classes "
					+ "(loaded, linked, with their profiles), without the heap.",
			Setup.APP_CDS,
			"The same on JDK 17 with a dynamic AppCDS archive per variant and N, recorded by the same kind of "
					+ "training run.",
			Setup.JAVA_JAR,
			"A plain Spring Boot application (`benchmarks/app-*`) run as `java -jar` on its `spring-boot:repackage` "
					+ "jar: it starts, reads the secret, prints the same answer line and exits; secret-baker reads the "
					+ "baked file through `secret-baker.location=file:...`.");

	private static final int BAKE_TARGET_PARAMETERS = 1000;

	private static final int DEFAULT_CONCURRENCY = BakedSecretsDecrypter.DEFAULT_CONCURRENCY;

	private static final double BAKE_TARGET_SPEED_UP = 20;

	private final BenchmarkOptions options;

	private final Machine machine;

	private final Instant started;

	private final Instant finished;

	private final String loadBefore;

	private final String loadAfter;

	private final @Nullable LambdaShapedSummary lambda;

	private final @Nullable ColdStartSummary coldStart;

	private final @Nullable List<BakeSample> bake;

	private final @Nullable List<HttpClientSample> httpClients;

	private final @Nullable ServerLoadResult serverLoad;

	private final StringBuilder out = new StringBuilder();

	/**
	 * Create a report of the given results; {@code null} results were not measured.
	 * @param options the settings of the run
	 * @param machine the machine
	 * @param started when the run started
	 * @param finished when it finished
	 * @param loadBefore the load averages before the run
	 * @param loadAfter the load averages after it
	 * @param lambda the Lambda-shaped cold starts
	 * @param coldStart the cold start statistics
	 * @param bake the bake samples
	 * @param httpClients the HTTP client samples
	 * @param serverLoad the local server's answer times
	 */
	public BenchmarkReport(BenchmarkOptions options, Machine machine, Instant started, Instant finished,
			String loadBefore, String loadAfter, @Nullable LambdaShapedSummary lambda,
			@Nullable ColdStartSummary coldStart, @Nullable List<BakeSample> bake,
			@Nullable List<HttpClientSample> httpClients, @Nullable ServerLoadResult serverLoad) {
		this.options = options;
		this.machine = machine;
		this.started = started;
		this.finished = finished;
		this.loadBefore = loadBefore;
		this.loadAfter = loadAfter;
		this.lambda = lambda;
		this.coldStart = coldStart;
		this.bake = bake;
		this.httpClients = httpClients;
		this.serverLoad = serverLoad;
	}

	/**
	 * Write the report, the plot and the samples.
	 * @param dir the results folder
	 * @return the report file
	 */
	public Path write(Path dir) {
		try {
			Files.createDirectories(dir);
			if (this.lambda != null) {
				Files.writeString(dir.resolve("lambda-samples.csv"), LambdaShapedSection.csv(this.lambda.samples()),
						StandardCharsets.UTF_8);
				if (!this.lambda.samples().isEmpty()) {
					LambdaShapedPlot.write(this.lambda, this.options.latency().toMillis(),
							dir.resolve("lambda-shaped.png"));
				}
			}
			if (this.coldStart != null) {
				ColdStartPlot.write(this.coldStart, this.options.latency(), dir.resolve("cold-start.png"));
				Files.writeString(dir.resolve("cold-start-samples.csv"), coldStartCsv(this.coldStart.samples()),
						StandardCharsets.UTF_8);
			}
			if (this.bake != null) {
				Files.writeString(dir.resolve("bake-samples.csv"), bakeCsv(this.bake), StandardCharsets.UTF_8);
			}
			Path report = dir.resolve("report.md");
			Files.writeString(report, markdown(), StandardCharsets.UTF_8);
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the results to " + dir, ex);
		}
	}

	String markdown() {
		this.out.setLength(0);
		line("# secret-baker benchmarks");
		line();
		line("Generated by `" + COMMAND + "` (or its equivalent from `benchmarks/`), with the settings below, from "
				+ this.started.truncatedTo(ChronoUnit.SECONDS) + " to " + this.finished.truncatedTo(ChronoUnit.SECONDS)
				+ ". See [the README](../README.md) for what "
				+ "each benchmark measures and how to read this report.");
		line();
		machine();
		if (this.lambda != null) {
			new LambdaShapedSection(this.lambda, this.options.latency()).lines().forEach(this::line);
		}
		settings();
		targets();
		if (this.coldStart != null) {
			coldStart(this.coldStart);
		}
		if (this.bake != null) {
			bake(this.bake);
		}
		if (this.httpClients != null) {
			httpClients(this.httpClients);
		}
		if (this.serverLoad != null) {
			serverLoad(this.serverLoad);
		}
		return this.out.toString();
	}

	private void machine() {
		line("## Machine");
		line();
		line("| | |");
		line("|---|---|");
		line("| Cores | " + this.machine.cores() + " (" + this.machine.cpu() + ") |");
		line("| Memory | " + this.machine.memoryMb() + " MB |");
		line("| JDK | " + this.machine.jdk() + " |");
		line("| OS | " + this.machine.os() + " |");
		line("| Load average (1, 5, 15 min) | before: " + this.loadBefore + "; after: " + this.loadAfter + " |");
		line();
	}

	private void settings() {
		long latency = this.options.latency().toMillis();
		line("## Settings");
		line();
		line("| | |");
		line("|---|---|");
		line("| Latency L added by the local server to every AWS call | " + latency + " ms |");
		line("| Lambda-shaped: memory sizes, rounds per memory size and N | " + join(this.options.lambdaMemorySizes())
				+ " MB; " + this.options.lambdaRounds() + " |");
		line("| Lambda-shaped: variants; JVM options added to secret-baker's | "
				+ this.options.lambdaVariants().stream().map(Variant::id).collect(Collectors.joining(" ")) + "; "
				+ (this.options.lambdaStarterOptions().isEmpty() ? "none"
						: "`" + String.join(" ", this.options.lambdaStarterOptions()) + "`")
				+ " |");
		line("| Cold starts per variant and N | " + this.options.repetitions() + " in the 2-core setup, "
				+ this.options.setupRepetitions() + " in the others (each start there costs more: one core, a JDK 25 "
				+ "or a training run per variant and N); in rounds that run every variant of a setup once, in an order "
				+ "rotated each round, after one discarded warm-up round per setup |");
		line("| Variants (`--variants`) | " + this.options.variants()
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey().id() + ": "
					+ entry.getValue().stream().map(Variant::id).collect(Collectors.joining(" ")))
			.collect(Collectors.joining("; ")) + " |");
		line("| JDK of the AOT cache setup | `" + this.options.aotJavaHome() + "` |");
		line("| Numbers of secrets N | " + join(this.options.sizes()) + " |");
		line("| Bake: parameters, repetitions per method | " + join(this.options.bakeSizes()) + "; "
				+ this.options.bakeRepetitions() + " |");
		line("| HTTP client: fresh JVMs per client | " + this.options.httpClientRepetitions() + " |");
		line("| Child JVM options | `" + String.join(" ", this.options.jvmOptions()) + "` |");
		line("| Function handler | `org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest`, "
				+ "run by `LocalLambdaInvoker` on the function's class path, jars only, like a Lambda zip's `lib/` |");
		line();
	}

	private void targets() {
		line("## Targets");
		line();
		line("Added cold start of secret-baker's default (eager, light client, in the background) over the same "
				+ "function or application without secrets: medians of the differences paired by round. Ratios: each "
				+ "round's added time of the other variant divided by secret-baker's in the same round, median over the "
				+ "rounds where secret-baker added a positive time (the ratio of the medians in brackets).");
		line();
		line("| Target | Measured | Result |");
		line("|---|---|---|");
		ColdStartSummary summary = this.coldStart;
		if (summary != null) {
			addedTarget(summary, Setup.FUNCTION, 1, 50);
			addedTarget(summary, Setup.FUNCTION, 10, 50);
			addedTarget(summary, Setup.FUNCTION, 100, 150);
			ratioTarget(summary, Setup.FUNCTION, 100, SPRING_CLOUD_AWS_TARGET_RATIO, true);
			addedTarget(summary, Setup.TLS, 100, 200);
			ratioTarget(summary, Setup.TLS, 100, SPRING_CLOUD_AWS_TARGET_RATIO, false);
			addedTarget(summary, Setup.ONE_CORE, 10, 200);
			addedTarget(summary, Setup.ONE_CORE, 100, 450);
			addedTarget(summary, Setup.JAVA_JAR, 100, 150);
			ratioTarget(summary, Setup.JAVA_JAR, 100, SPRING_CLOUD_AWS_TARGET_RATIO, true);
			classesTarget(summary);
			callTargets(summary);
		}
		else {
			line("| Cold start | not measured in this run | – |");
		}
		if (this.bake != null
				&& this.bake.stream().anyMatch((sample) -> sample.parameters() == BAKE_TARGET_PARAMETERS)) {
			double speedUp = median(this.bake, BakeMethod.SERIAL, BAKE_TARGET_PARAMETERS)
					/ median(this.bake, BakeMethod.SECRET_BAKER, BAKE_TARGET_PARAMETERS);
			line(String.format(Locale.ROOT,
					"| Bake of 1000 parameters ≥ %.0f× faster than the serial way | %.1f× "
							+ "(ratio of medians) | %s |",
					BAKE_TARGET_SPEED_UP, speedUp, verdict(speedUp >= BAKE_TARGET_SPEED_UP,
							String.format(Locale.ROOT, "missed: %.1f× short", BAKE_TARGET_SPEED_UP - speedUp))));
		}
		else {
			line("| Bake of 1000 parameters | not measured in this run | – |");
		}
		line();
		if (summary != null) {
			List<String> notes = breakdown(summary, this.options.latency().toMillis());
			if (!notes.isEmpty()) {
				line("Where secret-baker's added time goes, 2 cores, medians:");
				line();
				notes.forEach((note) -> line("- " + note));
				line();
			}
		}
	}

	private void addedTarget(ColdStartSummary summary, Setup setup, int secrets, double limit) {
		String target = String.format(Locale.ROOT, "%s, N = %d: added ≤ %.0f ms", setup.label(), secrets, limit);
		if (!summary.has(setup, Variant.EAGER, secrets)) {
			line("| " + target + " | not measured in this run" + skippedReason(summary, setup) + " | – |");
			return;
		}
		Samples added = summary.added(setup, Variant.EAGER, secrets);
		double cpu = summary.cpu(setup, Variant.EAGER, secrets).median()
				- summary.cpu(setup, Variant.BASELINE, secrets).median();
		line(String.format(Locale.ROOT, "| %s | %.0f ms (p90 %.0f); CPU %+.0f ms | %s |", target, added.median(),
				added.p90(), cpu, verdict(added.median() <= limit,
						String.format(Locale.ROOT, "missed by %.0f ms", added.median() - limit))));
	}

	private void ratioTarget(ColdStartSummary summary, Setup setup, int secrets, double ratio, boolean isTarget) {
		String target = String.format(Locale.ROOT,
				"%s, N = %d: ≥ %.0f× less added time than the Spring Cloud AWS " + "import%s", setup.label(), secrets,
				ratio, isTarget ? "" : " (both over HTTPS)");
		Samples ratios = (summary.has(setup, Variant.EAGER, secrets)
				&& summary.has(setup, Variant.SPRING_CLOUD_AWS, secrets))
						? summary.addedRatio(setup, Variant.SPRING_CLOUD_AWS, Variant.EAGER, secrets) : null;
		if (ratios == null) {
			line("| " + target + " | not measured in this run" + skippedReason(summary, setup) + " | – |");
			return;
		}
		double ofMedians = summary.added(setup, Variant.SPRING_CLOUD_AWS, secrets).median()
				/ summary.added(setup, Variant.EAGER, secrets).median();
		String result = verdict(ratios.median() >= ratio,
				String.format(Locale.ROOT, "missed: %.1f× short", ratio - ratios.median()));
		line(String.format(Locale.ROOT, "| %s | %.1f× (%.1f×) | %s |", target, ratios.median(), ofMedians,
				isTarget ? result : "no target of its own; " + result.replace("**", "")));
	}

	private void classesTarget(ColdStartSummary summary) {
		ClassLoadProfile today = profile(summary, Variant.TODAY);
		ClassLoadProfile now = profile(summary, Variant.EAGER);
		String target = "Classes the decryption path loads at N = " + ColdStartBenchmark.CLASS_PROFILE_SECRETS
				+ " (beyond the baseline's), default ≤ 1/3 of before";
		if (today == null || now == null || today.added() == 0) {
			line("| " + target + " | not measured in this run | – |");
			return;
		}
		double share = (double) now.added() / today.added();
		line(String.format(Locale.ROOT, "| %s | %d against %d (%.2f); AWS SDK %d against %d | %s |", target,
				now.added(), today.added(), share, now.addedAwsSdk(), today.addedAwsSdk(), verdict(share <= 1.0 / 3,
						String.format(Locale.ROOT, "missed by %d classes", now.added() - today.added() / 3))));
	}

	private void callTargets(ColdStartSummary summary) {
		List<String> eager = new ArrayList<>();
		List<String> lazy = new ArrayList<>();
		for (Setup setup : summary.setups()) {
			for (Variant variant : summary.variants(setup)) {
				for (int secrets : summary.sizes()) {
					if (!summary.has(setup, variant, secrets)) {
						continue;
					}
					List<Long> counts = summary.callCounts(setup, variant, secrets, DECRYPT);
					if (variant.eager() && !counts.equals(List.of((long) secrets))) {
						eager.add(setup.label() + " " + variant.label() + " N = " + secrets + ": " + join(counts));
					}
					if (variant == Variant.LAZY && !counts.equals(List.of((long) Math.min(secrets, 1)))) {
						lazy.add(setup.label() + " N = " + secrets + ": " + join(counts));
					}
				}
			}
		}
		line("| KMS calls, eager: N `Decrypt` per cold start | "
				+ (eager.isEmpty() ? "N in every cold start" : String.join("; ", eager)) + " | "
				+ verdict(eager.isEmpty(), "missed") + " |");
		if (summary.setups().stream().anyMatch((setup) -> summary.variants(setup).contains(Variant.LAZY))) {
			line("| KMS calls, lazy: only the secrets read (1) | "
					+ (lazy.isEmpty() ? "1 in every cold start (0 at N = 0)" : String.join("; ", lazy)) + " | "
					+ verdict(lazy.isEmpty(), "missed") + " |");
		}
		List<TrainingSample> trainings = summary.trainings()
			.stream()
			.filter((training) -> training.variant().baked())
			.toList();
		if (!trainings.isEmpty()) {
			long kmsCalls = trainings.stream().mapToLong((training) -> kmsCalls(training.calls())).sum();
			line("| KMS calls in a training run: 0 | " + kmsCalls + " in " + trainings.size()
					+ " secret-baker training runs | " + verdict(kmsCalls == 0, "missed") + " |");
		}
		else {
			line("| KMS calls in a training run: 0 | not measured in this run | – |");
		}
		AfterRestoreCheck check = summary.afterRestore();
		if (check != null) {
			long kmsCalls = kmsCalls(check.calls());
			line("| KMS calls before a checkpoint, `secret-baker.snapshot=after-restore`: 0 | " + kmsCalls + " at N = "
					+ check.secrets()
					+ (check.refused() ? ", the read before the restore refused"
							: ", **the read before the restore was not refused**")
					+ " | " + verdict(kmsCalls == 0 && check.refused(), "missed") + " |");
		}
		else {
			line("| KMS calls before a checkpoint, after-restore mode: 0 | not measured in this run | – |");
		}
	}

	private static long kmsCalls(Map<String, Long> calls) {
		return calls.entrySet()
			.stream()
			.filter((entry) -> KMS_OPERATIONS.contains(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private static @Nullable ClassLoadProfile profile(ColdStartSummary summary, Variant variant) {
		return summary.profiles()
			.stream()
			.filter((profile) -> profile.setup() == Setup.FUNCTION && profile.variant() == variant)
			.findFirst()
			.orElse(null);
	}

	private static String skippedReason(ColdStartSummary summary, Setup setup) {
		String reason = summary.skipped().get(setup);
		return (reason != null) ? " (skipped: " + reason + ")" : "";
	}

	private static List<String> breakdown(ColdStartSummary summary, long latency) {
		List<String> notes = new ArrayList<>();
		Setup setup = Setup.FUNCTION;
		int secrets = summary.sizes().get(summary.sizes().size() - 1);
		if (!summary.has(setup, Variant.EAGER, secrets)) {
			return notes;
		}
		notes.add(String.format(Locale.ROOT, "at N = %d it adds %.0f ms, with %.0f ms more CPU than the baseline "
				+ "(medians of the JVM's CPU time when it answered, all threads): on 2 cores shared with Spring's start "
				+ "and the local server, CPU rather than waiting is what the secrets cost;", secrets,
				summary.added(setup, Variant.EAGER, secrets).median(),
				summary.cpu(setup, Variant.EAGER, secrets).median()
						- summary.cpu(setup, Variant.BASELINE, secrets).median()));
		Samples decrypt = summary.decrypt(setup, Variant.EAGER, secrets);
		if (decrypt != null) {
			int rounds = (secrets + DEFAULT_CONCURRENCY - 1) / DEFAULT_CONCURRENCY;
			notes
				.add(String.format(Locale.ROOT, "decrypting: the starter logs %.0f ms from the start of the decryption "
						+ "to its end for %d `Decrypt` %s with at most %d in flight, that is %s of L = %d ms at least, "
						+ "overlapped with Spring's start;", decrypt.median(), secrets,
						(secrets == 1) ? "call" : "calls", DEFAULT_CONCURRENCY,
						(rounds == 1) ? "1 round" : rounds + " rounds", rounds * latency));
		}
		if (summary.has(setup, Variant.EAGER, 0)) {
			notes.add(String.format(Locale.ROOT,
					"starting the starter: with N = 0 (an empty file, nothing called) it " + "adds %.0f ms;",
					summary.added(setup, Variant.EAGER, 0).median()));
		}
		ClassLoadProfile now = profile(summary, Variant.EAGER);
		if (now != null) {
			notes
				.add(String.format(Locale.ROOT,
						"classes: at N = %d the decryption path loads %d classes beyond the "
								+ "baseline's, %d of them the AWS SDK's;",
						now.secrets(), now.added(), now.addedAwsSdk()));
		}
		for (Variant other : List.of(Variant.EAGER_SDK, Variant.EAGER_BLOCKING, Variant.TODAY)) {
			if (summary.has(setup, other, secrets)) {
				notes.add(String.format(Locale.ROOT, "%s adds %.0f ms at N = %d;", other.label(),
						summary.added(setup, other, secrets).median(), secrets));
			}
		}
		return notes;
	}

	private void coldStart(ColdStartSummary summary) {
		List<Integer> sizes = summary.sizes();
		line("## Cold start");
		line();
		line("Whole process: from the child JVM's start to the answer on its standard output. Every child is a fresh "
				+ "JVM; secrets come from the local server with L = " + this.options.latency().toMillis()
				+ " ms per call. Each setup has its own baseline, run in the same rounds, and every added time is paired "
				+ "with it.");
		line();
		line("In the *where the time goes* tables: " + WHERE_TIME_GOES + ".");
		line();
		line("![Added cold start against N](cold-start.png)");
		line();
		summary.skipped()
			.forEach((setup, reason) -> line("*" + setup.label() + "* was selected but not run: " + reason + "."));
		if (!summary.skipped().isEmpty()) {
			line();
		}
		for (Setup setup : summary.setups()) {
			setup(summary, setup, sizes);
		}
		trainings(summary);
		calls(summary, sizes);
		classes(summary);
		DecryptionHotSpots hotSpots = summary.hotSpots();
		if (hotSpots != null && hotSpots.samples() > 0) {
			line("### Where secret-baker's decryption threads spend their time, 2 cores, N = " + hotSpots.secrets());
			line();
			line("One extra cold start of " + hotSpots.variant().label() + ", recorded with the Java Flight Recorder "
					+ "(`settings=profile`, which samples threads running Java code every 10 ms and threads in native "
					+ "code every 20 ms): its `secret-baker-decrypt-*` threads were caught " + hotSpots.samples()
					+ " times running Java code and " + hotSpots.nativeSamples() + " times in native code (mostly "
					+ "waiting on a socket for KMS to answer). For the Java samples, *self* is the method on top of the "
					+ "stack, *total* any method on the stack (leaving out the call chain present in nearly every "
					+ "sample).");
			line();
			line("Waits of 10 ms or more the recorder reported for these threads, summed over the threads: "
					+ hotSpots.waits()
						.entrySet()
						.stream()
						.map((wait) -> wait.getKey() + " " + wait.getValue() + " ms")
						.collect(Collectors.joining(", "))
					+ ".");
			line();
			line("| Self | samples | Total | samples |");
			line("|---|---|---|---|");
			for (int i = 0; i < Math.max(hotSpots.self().size(), hotSpots.total().size()); i++) {
				Map.Entry<String, Integer> self = (i < hotSpots.self().size()) ? hotSpots.self().get(i) : null;
				Map.Entry<String, Integer> total = (i < hotSpots.total().size()) ? hotSpots.total().get(i) : null;
				line("| " + ((self != null) ? "`" + self.getKey() + "` | " + self.getValue() : " | ") + " | "
						+ ((total != null) ? "`" + total.getKey() + "` | " + total.getValue() : " | ") + " |");
			}
			line();
		}
		line("Every answer was checked: each variant with secrets answered the length of `"
				+ ColdStartBenchmark.SECRET_READ + "` (" + ColdStartBenchmark.SECRET_LENGTH
				+ " characters), the baseline answered that it has none. "
				+ "Raw samples: [cold-start-samples.csv](cold-start-samples.csv).");
		line();
	}

	private void setup(ColdStartSummary summary, Setup setup, List<Integer> sizes) {
		List<Variant> variants = summary.variants(setup);
		List<Variant> others = variants.stream().filter(Variant::hasSecrets).toList();
		line("### " + setup.label());
		line();
		int rounds = this.options.repetitions(setup);
		line(SETUP_DESCRIPTIONS.get(setup) + " " + rounds + ((rounds == 1) ? " round" : " rounds") + " per N.");
		line();
		line("Time to first response, median (p90), ms:");
		line();
		header("N", variants.stream().map(Variant::label).toList());
		for (int secrets : sizes) {
			row(String.valueOf(secrets),
					variants.stream()
						.map((variant) -> summary.has(setup, variant, secrets)
								? medianP90(summary.answer(setup, variant, secrets)) : "–")
						.toList());
		}
		line();
		line("Added over the baseline, paired by round: median (p90), ms:");
		line();
		header("N", others.stream().map(Variant::label).toList());
		for (int secrets : sizes) {
			row(String.valueOf(secrets),
					others.stream()
						.map((variant) -> summary.has(setup, variant, secrets)
								? medianP90(summary.added(setup, variant, secrets)) : "–")
						.toList());
		}
		line();
		List<Variant> compared = others.stream().filter((variant) -> variant != Variant.EAGER).toList();
		if (variants.contains(Variant.EAGER) && !compared.isEmpty()) {
			line("Added time relative to " + Variant.EAGER.label() + ", paired by round: median ratio (rounds where it "
					+ "added no time left out; `–` when none is left):");
			line();
			header("N", compared.stream().map((variant) -> variant.label() + " ÷ default").toList());
			for (int secrets : sizes) {
				row(String.valueOf(secrets), compared.stream().map((variant) -> {
					Samples ratio = (summary.has(setup, variant, secrets) && summary.has(setup, Variant.EAGER, secrets))
							? summary.addedRatio(setup, variant, Variant.EAGER, secrets) : null;
					return (ratio != null) ? String.format(Locale.ROOT, "%.2f×", ratio.median()) : "–";
				}).toList());
			}
			line();
		}
		line("Where the time goes: medians, ms, and the AWS calls of the first round:");
		line();
		header("N", variants.stream().map(Variant::label).toList());
		for (int secrets : sizes) {
			row(String.valueOf(secrets), variants.stream().map((variant) -> {
				if (!summary.has(setup, variant, secrets)) {
					return "–";
				}
				StringBuilder cell = new StringBuilder();
				double init = summary.init(setup, variant, secrets).median();
				if (init >= 0) {
					cell.append(String.format(Locale.ROOT, "init %.0f; ", init));
				}
				cell.append(String.format(Locale.ROOT, "CPU %.0f; server CPU %.0f; RSS %.0f MB",
						summary.cpu(setup, variant, secrets).median(),
						summary.serverCpu(setup, variant, secrets).median(),
						summary.peakRss(setup, variant, secrets).median()));
				Samples decrypt = summary.decrypt(setup, variant, secrets);
				if (decrypt != null) {
					cell.append(String.format(Locale.ROOT, "; decrypt %.0f", decrypt.median()));
				}
				cell.append("; ").append(calls(summary.calls(setup, variant, secrets)));
				return cell.toString();
			}).toList());
		}
		line();
	}

	private void trainings(ColdStartSummary summary) {
		if (summary.trainings().isEmpty()) {
			return;
		}
		line("### Training runs");
		line();
		line("One per setup with a class cache, variant and N, before that N's rounds: the same command with "
				+ "`-Dspring.context.exit=onRefresh` and `-XX:AOTCacheOutput=<file>` (JDK 25, one step) or "
				+ "`-XX:ArchiveClassesAtExit=<file>` (JDK 17); the JVM exits once the context has refreshed. The measured "
				+ "runs then start with `-XX:AOTCache=<file> -XX:AOTMode=on` or `-XX:SharedArchiveFile=<file> -Xshare:on`, "
				+ "so that a cache that cannot be used fails the run rather than going unnoticed. Time to exit, cache "
				+ "written, and the AWS calls the local server received:");
		line();
		List<Integer> sizes = summary.trainings().stream().map(TrainingSample::secrets).distinct().sorted().toList();
		header("Setup, variant", sizes.stream().map((secrets) -> "N = " + secrets).toList());
		summary.trainings()
			.stream()
			.map((training) -> Map.entry(training.setup(), training.variant()))
			.distinct()
			.forEach((key) -> row(key.getKey().label() + ", " + key.getValue().label(),
					sizes.stream()
						.map((secrets) -> summary.trainings()
							.stream()
							.filter((training) -> training.setup() == key.getKey()
									&& training.variant() == key.getValue() && training.secrets() == secrets)
							.findFirst()
							.map((training) -> String.format(Locale.ROOT, "%.1f s; %s", training.millis() / 1000,
									calls(training.calls())))
							.orElse("–"))
						.toList()));
		line();
	}

	private void calls(ColdStartSummary summary, List<Integer> sizes) {
		line("### KMS calls per cold start");
		line();
		line("`Decrypt` calls the local server received during each cold start, over every round (several figures when "
				+ "rounds differed), and the AWS calls of the training runs and of the after-restore check.");
		line();
		header("Setup, variant", sizes.stream().map((secrets) -> "N = " + secrets).toList());
		for (Setup setup : summary.setups()) {
			for (Variant variant : summary.variants(setup)) {
				if (!variant.baked()) {
					continue;
				}
				row(setup.label() + ", " + variant.label(),
						sizes.stream()
							.map((secrets) -> summary.has(setup, variant, secrets)
									? join(summary.callCounts(setup, variant, secrets, DECRYPT)) : "–")
							.toList());
			}
		}
		for (Setup setup : summary.trainings().stream().map(TrainingSample::setup).distinct().toList()) {
			row(setup.label() + ", training runs of secret-baker",
					sizes.stream()
						.map((secrets) -> summary.trainings()
							.stream()
							.filter((training) -> training.setup() == setup && training.secrets() == secrets
									&& training.variant().baked())
							.map((training) -> String.valueOf(training.calls().getOrDefault(DECRYPT, 0L)))
							.distinct()
							.collect(Collectors.joining("/")))
						.map((cell) -> cell.isEmpty() ? "–" : cell)
						.toList());
		}
		line();
		AfterRestoreCheck check = summary.afterRestore();
		if (check != null) {
			line("After-restore check, N = " + check.secrets() + ": " + Variant.EAGER.label()
					+ " with `secret-baker.snapshot=after-restore`, `AWS_LAMBDA_INITIALIZATION_TYPE=snap-start` and "
					+ "`org.crac` on the class path, on a JVM that takes no checkpoint, so the restore never comes: "
					+ calls(check.calls()) + " during init and the invocation, whose read was "
					+ (check.refused() ? "refused as a read before the restore." : "**not refused**."));
			line();
		}
	}

	private void classes(ColdStartSummary summary) {
		if (summary.profiles().isEmpty()) {
			return;
		}
		line("### Classes loaded by one cold start, 2 cores, N = " + summary.profiles().get(0).secrets());
		line();
		line("One extra cold start per variant, after the measured ones, run with `-Xlog:class+load`: each class "
				+ "loaded is work that a cold start pays for (reading, verifying, initializing). *Beyond the baseline* "
				+ "counts the classes the baseline's cold start did not load, compared by name: what the secrets path "
				+ "adds.");
		line();
		line("| Variant | All classes | Beyond the baseline | of which AWS SDK | AWS SDK, all | Apache HttpClient and Netty "
				+ "| Spring Cloud AWS |");
		line("|---|---|---|---|---|---|---|");
		for (ClassLoadProfile profile : summary.profiles()) {
			line("| " + profile.variant().label() + " | " + profile.total() + " | " + profile.added() + " | "
					+ profile.addedAwsSdk() + " | " + profile.awsSdk() + " | " + profile.httpAndNetty() + " | "
					+ profile.springCloudAws() + " |");
		}
		line();
	}

	private void bake(List<BakeSample> samples) {
		line("## Bake");
		line();
		line("Reading N SecureString parameters without decryption and writing `secret-baker-secrets.json`, in the "
				+ "harness JVM, with L = " + this.options.latency().toMillis() + " ms on every SSM call and the same "
				+ "SSM client for both methods.");
		line();
		line("| N | " + BakeMethod.SECRET_BAKER.label() + ", median (min–max) | SSM calls | "
				+ BakeMethod.SERIAL.label() + ", median (min–max) | SSM calls | Speed-up (ratio of medians) |");
		line("|---|---|---|---|---|---|");
		for (int parameters : samples.stream().map(BakeSample::parameters).distinct().sorted().toList()) {
			Samples baker = bakeSamples(samples, BakeMethod.SECRET_BAKER, parameters);
			Samples serial = bakeSamples(samples, BakeMethod.SERIAL, parameters);
			line(String.format(Locale.ROOT, "| %d | %.0f ms (%.0f–%.0f) | %d | %.0f ms (%.0f–%.0f) | %d | %.1f× |",
					parameters, baker.median(), baker.min(), baker.max(),
					calls(samples, BakeMethod.SECRET_BAKER, parameters), serial.median(), serial.min(), serial.max(),
					calls(samples, BakeMethod.SERIAL, parameters), serial.median() / baker.median()));
		}
		line();
		line("Raw samples: [bake-samples.csv](bake-samples.csv).");
		line();
	}

	private void httpClients(List<HttpClientSample> samples) {
		line("## HTTP client");
		line();
		line("A fresh JVM creates a KMS client with the HTTP client and decrypts one baked secret (L = 0). Process is from "
				+ "the JVM's start to the decrypted answer; creation and first call are measured inside the JVM.");
		line();
		line("| HTTP client | Process, median (p90) | Client creation, median | First Decrypt, median | Peak RSS, median |");
		line("|---|---|---|---|---|");
		for (HttpClientKind kind : HttpClientKind.values()) {
			List<HttpClientSample> ofKind = samples.stream().filter((sample) -> sample.client() == kind).toList();
			if (ofKind.isEmpty()) {
				continue;
			}
			Samples process = Samples.of(ofKind.stream().map(HttpClientSample::processMillis).toList());
			line(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f) | %.0f ms | %.0f ms | %.0f MB |", kind.label(),
					process.median(), process.p90(),
					Samples.of(ofKind.stream().map(HttpClientSample::creationMillis).toList()).median(),
					Samples.of(ofKind.stream().map(HttpClientSample::firstCallMillis).toList()).median(),
					Samples.of(ofKind.stream().map(HttpClientSample::peakRssMb).toList()).median()));
		}
		line();
	}

	private void serverLoad(ServerLoadResult result) {
		Samples serial = Samples.of(result.serialCallMillis());
		line("## Local server load");
		line();
		line("The local server's own overhead, measured from a KMS client in the harness JVM (so it includes the "
				+ "client's side, on the same cores): calls one at a time at L = 0, then rounds of "
				+ result.parallelism() + " calls released at once, at L = 0 and at the benchmarks' L.");
		line();
		line("| | median | p90 | max | calls in flight at most |");
		line("|---|---|---|---|---|");
		line(String.format(Locale.ROOT, "| One Decrypt at a time, L = 0 (%d calls) | %.2f ms | %.2f ms | %.2f ms | 1 |",
				serial.count(), serial.median(), serial.p90(), serial.max()));
		for (ParallelRun run : result.parallelRuns()) {
			Samples calls = Samples.of(run.callMillis());
			Samples rounds = Samples.of(run.roundMillis());
			long latency = run.latency().toMillis();
			line(String.format(Locale.ROOT,
					"| One Decrypt among %d released at once, L = %d ms (%d calls) | %.2f ms | %.2f ms | %.2f ms | %d |",
					result.parallelism(), latency, calls.count(), calls.median(), calls.p90(), calls.max(),
					run.maxInFlight()));
			line(String.format(Locale.ROOT,
					"| All %d parallel Decrypts answered, L = %d ms (%d rounds) | %.2f ms | %.2f ms | %.2f ms | %d |",
					result.parallelism(), latency, rounds.count(), rounds.median(), rounds.p90(), rounds.max(),
					run.maxInFlight()));
		}
		line();
	}

	private static String coldStartCsv(List<ColdStartSample> samples) {
		StringBuilder csv = new StringBuilder(
				"setup,variant,secrets,round,answer_ms,init_ms,invoke_ms,peak_rss_mb,cpu_ms,server_cpu_ms,decrypt_ms,calls\n");
		for (ColdStartSample sample : samples) {
			csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.2f,%.2f,%.1f,%.0f,%.0f,%s,%s%n",
					sample.setup().name(), sample.variant().name(), sample.secrets(), sample.round(),
					sample.answerMillis(), sample.initMillis(), sample.invokeMillis(), sample.peakRssMb(),
					sample.cpuMillis(), sample.serverCpuMillis(),
					(sample.decryptMillis() != null) ? String.format(Locale.ROOT, "%.0f", sample.decryptMillis()) : "",
					calls(sample.calls()).replace(',', ';')));
		}
		return csv.toString();
	}

	private static String bakeCsv(List<BakeSample> samples) {
		StringBuilder csv = new StringBuilder("method,parameters,repetition,millis,ssm_calls\n");
		for (BakeSample sample : samples) {
			csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%d%n", sample.method().name(), sample.parameters(),
					sample.repetition(), sample.millis(), sample.calls()));
		}
		return csv.toString();
	}

	private static String calls(Map<String, Long> calls) {
		if (calls.isEmpty()) {
			return "no AWS call";
		}
		return calls.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + "× " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

	private static long calls(List<BakeSample> samples, BakeMethod method, int parameters) {
		return samples.stream()
			.filter((sample) -> sample.method() == method && sample.parameters() == parameters)
			.mapToLong(BakeSample::calls)
			.findFirst()
			.orElse(0);
	}

	private static Samples bakeSamples(List<BakeSample> samples, BakeMethod method, int parameters) {
		return Samples.of(samples.stream()
			.filter((sample) -> sample.method() == method && sample.parameters() == parameters)
			.map(BakeSample::millis)
			.toList());
	}

	private static double median(List<BakeSample> samples, BakeMethod method, int parameters) {
		return bakeSamples(samples, method, parameters).median();
	}

	private static String medianP90(Samples samples) {
		return String.format(Locale.ROOT, "%.0f (%.0f)", samples.median(), samples.p90());
	}

	private static String verdict(boolean met, String missed) {
		return met ? "met" : "**" + missed + "**";
	}

	private static String join(List<? extends Number> numbers) {
		return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private void header(String first, List<String> columns) {
		line("| " + first + " | " + String.join(" | ", columns) + " |");
		line("|---" + "|---".repeat(columns.size()) + "|");
	}

	private void row(String first, List<String> cells) {
		line("| " + first + " | " + String.join(" | ", cells) + " |");
	}

	private void line(String text) {
		this.out.append(text).append('\n');
	}

	private void line() {
		this.out.append('\n');
	}

	/**
	 * Return how long the run took.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.between(this.started, this.finished);
	}

}
