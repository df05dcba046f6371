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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.BenchmarkSecrets;
import io.github.secretbaker.benchmarks.LambdaEnvironment;
import io.github.secretbaker.benchmarks.coldstart.ColdStartBenchmark;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.benchmarks.coldstart.Variant.Library;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.runtime.FunctionError;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;
import org.crac.Core;
import org.jspecify.annotations.Nullable;

/**
 * The headline cold start benchmark, shaped as Lambda runs a function: the benchmark
 * function laid out as a task root and started by AWS's runtime interface client against
 * a local Runtime API, with the managed runtime's JVM flags, inside a cgroup v1 CPU quota
 * of the share of a CPU its memory size gets, calling the local KMS + SSM server (outside
 * the quota) over HTTPS with a copy of the JDK's own {@code cacerts} as trust store.
 * Fresh JVMs, every variant once per round in a rotated order, each paired with the
 * baseline of its round.
 *
 * @since 0.1.0
 */
public final class LambdaShapedBenchmark {

	/**
	 * The JVM options of the Java managed runtime, with the processor count Lambda's JVM
	 * sees whatever its CPU share.
	 */
	public static final List<String> MANAGED_RUNTIME_JVM_OPTIONS = List.of("-XX:+TieredCompilation",
			"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=2");

	/**
	 * The system property through which the light client trusts certificates beside the
	 * Amazon roots it bundles, before the JVM's trust store.
	 */
	static final String TRUST_ANCHORS_PROPERTY = "secret-baker.tls.trust-anchors";

	/**
	 * The variants of every round by default, the baseline first.
	 */
	public static final List<Variant> VARIANTS = List.of(Variant.BASELINE, Variant.STARTER_WITHOUT_FILE, Variant.EAGER,
			Variant.SPRING_CLOUD_AWS);

	/**
	 * The name of the child cgroup of each memory size, followed by the size.
	 */
	public static final String CGROUP_PREFIX = "secret-baker-benchmarks-";

	private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final String MAIN_CLASS = "io.github.secretbaker.benchmarks.function.BenchmarkFunctionApplication";

	private static final Path MOUNTS = Path.of("/proc/mounts");

	// Lambda's own limit is 10 s; a shared or slow benchmark machine may need more, and a
	// stopped run would lose every sample taken so far.
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final String DECRYPTION_DEADLINE = "60s";

	private static final int TRAINING_MEMORY = 1024;

	/**
	 * How Lambda's managed Java runtime lets {@code org.crac} resources hear of its
	 * snapshots: the CRaC API of its runtime interface client.
	 */
	private static final String CRAC_BRIDGE = "org.crac.Core.Compat=com.amazonaws.services.lambda.crac";

	private final BenchmarkOptions options;

	private final Path workDir;

	/**
	 * Create the benchmark.
	 * @param options the settings: memory sizes, rounds, numbers of secrets (0 is left
	 * out: the starter without a file stands for it), latency
	 * @param workDir where to write task roots, baked files, the trust store and
	 * launchers
	 */
	public LambdaShapedBenchmark(BenchmarkOptions options, Path workDir) {
		this.options = options;
		this.workDir = workDir.resolve("lambda");
	}

	/**
	 * Run every round of every memory size and number of secrets, then profile the
	 * classes each variant loads.
	 * @return the summary; memory sizes that could not run, and why, are in its
	 * {@link LambdaShapedSummary#skipped()}
	 */
	public LambdaShapedSummary run() {
		List<String> mounts;
		try {
			mounts = Files.readAllLines(MOUNTS);
		}
		catch (IOException ex) {
			mounts = List.of();
		}
		return run(mounts);
	}

	LambdaShapedSummary run(List<String> mounts) {
		List<Integer> sizes = this.options.sizes().stream().filter((secrets) -> secrets > 0).toList();
		if (sizes.isEmpty()) {
			throw new IllegalArgumentException(
					"The Lambda-shaped benchmark needs a number of secrets above 0 in --sizes");
		}
		Map<Integer, String> skipped = new LinkedHashMap<>();
		Map<Integer, CpuQuota> quotas = quotas(mounts, skipped);
		List<LambdaShapedSample> samples = new ArrayList<>();
		List<SnapStartSample> snapStarts = new ArrayList<>();
		Map<Variant, Long> classes = new LinkedHashMap<>();
		String cpuSource = "none";
		String trustStoreDescription = "none";
		if (quotas.isEmpty()) {
			return summary(samples, classes, Map.of(), skipped, trustStoreDescription, cpuSource, sizes.get(0));
		}
		try (LocalAwsServer server = LocalAwsServer.builder().https(true).start()) {
			Path trustStore = this.workDir.resolve("cacerts-with-local-server");
			JdkTrustStore.Copy copy = JdkTrustStore.writeWith(JdkTrustStore.cacerts(javaHome()), server.trustStore(),
					server.trustStorePassword(), trustStore);
			trustStoreDescription = String.format(Locale.ROOT,
					"secret-baker's light client: the Amazon Trust Services roots it bundles, with the local server's "
							+ "certificate added through -D%s, as on Lambda, where no trust store is configured; "
							+ "the other variants (and %s): a copy of the JDK's own cacerts (%s, %d certificates "
							+ "with the local server's), loaded without a password as the JDK loads its default store",
					TRUST_ANCHORS_PROPERTY, Variant.EAGER_JVM_TRUST_STORE.id(), copy.type(), copy.certificates());
			Function function = new Function(server, trustStore, server.certificatePem());
			for (int secrets : sizes) {
				function.bake(secrets);
			}
			if (this.options.lambdaAppCds()) {
				for (int secrets : sizes) {
					for (Variant variant : this.options.lambdaVariants()) {
						function.train(variant, secrets);
					}
				}
			}
			for (Map.Entry<Integer, CpuQuota> entry : quotas.entrySet()) {
				int memory = entry.getKey();
				CpuQuota quota = entry.getValue();
				Path launcher = quota.writeLauncher(javaHome().resolve("bin").resolve("java"),
						this.workDir.resolve("java-" + memory + "mb.sh"));
				cpuSource = quota.resetUsage() ? "cpuacct.usage of the function's cgroup"
						: "utime + stime of /proc/<pid>/stat (10 ms ticks)";
				for (int secrets : sizes) {
					samples.addAll(rounds(function, quota, launcher, memory, secrets, secrets == sizes.get(0)));
				}
				// SnapStart is not offered for container images, the only place for an
				// archive.
				boolean restores = this.options.lambdaSnapStartRounds() > 0 && !this.options.lambdaAppCds();
				for (int secrets : restores ? sizes : List.<Integer>of()) {
					snapStarts.addAll(snapStarts(function, launcher, memory, secrets));
				}
				if (classes.isEmpty()) {
					classes.putAll(profileClasses(function, quota, launcher, memory, sizes.get(0)));
				}
			}
		}
		finally {
			quotas.values().forEach(CpuQuota::close);
		}
		Map<Integer, Long> quotaMicros = new LinkedHashMap<>();
		quotas.forEach((memory, quota) -> quotaMicros.put(memory, quota.quotaMicros()));
		return summary(samples, classes, quotaMicros, skipped, trustStoreDescription, cpuSource, sizes.get(0))
			.withSnapStarts(snapStarts);
	}

	/**
	 * Create the cgroup of every memory size, before anything is started, so that a
	 * machine where none can be created runs nothing.
	 * @param mounts the mounts
	 * @param skipped the skipped
	 * @return the CPU quota of each memory size that has a cgroup
	 */
	private Map<Integer, CpuQuota> quotas(List<String> mounts, Map<Integer, String> skipped) {
		Map<Integer, CpuQuota> quotas = new LinkedHashMap<>();
		CpuQuota.Controllers controllers;
		try {
			controllers = CpuQuota.controllers(mounts);
		}
		catch (IllegalStateException ex) {
			this.options.lambdaMemorySizes().forEach((memory) -> skipped.put(memory, ex.getMessage()));
			return quotas;
		}
		for (int memory : this.options.lambdaMemorySizes()) {
			try {
				quotas.put(memory, CpuQuota.create(controllers, CGROUP_PREFIX + memory, memory));
			}
			catch (IllegalStateException ex) {
				skipped.put(memory, ex.getMessage());
			}
		}
		return quotas;
	}

	private LambdaShapedSummary summary(List<LambdaShapedSample> samples, Map<Variant, Long> classes,
			Map<Integer, Long> quotas, Map<Integer, String> skipped, String trustStore, String cpuSource,
			int classProfileSecrets) {
		skipped.forEach((memory, reason) -> System.out.println("[lambda] " + memory + " MB not run: " + reason));
		String classData = this.options.lambdaAppCds()
				? "a dynamic AppCDS archive per task root (-XX:SharedArchiveFile, -Xshare:on), recorded by a training "
						+ "run of the same function outside the quota that ends once the context is refreshed "
						+ "(-XX:ArchiveClassesAtExit, " + ColdStartBenchmark.TRAINING_RUN
						+ "), with the function's jars on the JVM's "
						+ "class path ahead of the runtime interface client's, as in a container image; no SnapStart, "
						+ "which container images do not offer"
				: "the JDK's default CDS archive only, as on Lambda's managed runtimes";
		LambdaShapedSummary.Setting setting = new LambdaShapedSummary.Setting(this.options.lambdaRounds(),
				this.options.lambdaVariants(), MANAGED_RUNTIME_JVM_OPTIONS, trustStore, classData, cpuSource,
				classProfileSecrets);
		return new LambdaShapedSummary(samples, classes, quotas, skipped, setting);
	}

	private List<LambdaShapedSample> rounds(Function function, CpuQuota quota, Path launcher, int memory, int secrets,
			boolean warmUp) {
		List<LambdaShapedSample> samples = new ArrayList<>();
		int rounds = this.options.lambdaRounds();
		List<Variant> variants = this.options.lambdaVariants();
		function.server.faults().latency("*", this.options.latency());
		try {
			for (int round = warmUp ? -1 : 0; round < rounds; round++) {
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get(Math.floorMod(i + round, variants.size()));
					Start start = start(function, quota, launcher, memory, secrets, variant, List.of(), null);
					System.out.printf(Locale.ROOT,
							"[lambda] %d MB N=%d round %d/%d %-40s Init Duration %5.0f ms, CPU %5.0f ms, "
									+ "throttled %5.0f ms%s%n",
							memory, secrets, round + 1, rounds, variant.label(), start.initMillis(), start.cpuMillis(),
							start.throttledMillis(), (round < 0) ? " (warm-up, discarded)" : "");
					if (round >= 0) {
						samples.add(new LambdaShapedSample(memory, secrets, variant, round, start.initMillis(),
								start.cpuMillis(), start.throttledMillis()));
					}
				}
			}
			return samples;
		}
		finally {
			function.server.faults().clear();
		}
	}

	private Map<Variant, Long> profileClasses(Function function, CpuQuota quota, Path launcher, int memory,
			int secrets) {
		Map<Variant, Long> classes = new LinkedHashMap<>();
		function.server.faults().latency("*", this.options.latency());
		try {
			for (Variant variant : this.options.lambdaVariants()) {
				Path log = this.workDir.resolve("class-load-" + variant.id() + ".log");
				Files.deleteIfExists(log);
				Start start = start(function, quota, launcher, memory, secrets, variant,
						List.of("-Xlog:class+load=info:file=" + log), log);
				classes.put(variant, start.classesLoaded());
				System.out.printf(Locale.ROOT, "[lambda] %s had loaded %d classes when init ended (%d MB, N=%d)%n",
						variant.label(), start.classesLoaded(), memory, secrets);
			}
			return classes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete a previous class loading log", ex);
		}
		finally {
			function.server.faults().clear();
		}
	}

	private Start start(Function function, CpuQuota quota, Path launcher, int memory, int secrets, Variant variant,
			List<String> extraJvmOptions, @Nullable Path classLoadLog) {
		List<String> extra = new ArrayList<>(extraJvmOptions);
		if (variant.library() == Library.SECRET_BAKER) {
			extra.addAll(this.options.lambdaStarterOptions());
		}
		Path taskRoot = function.taskRoot(variant, secrets);
		Path archive = function.archives.get(taskRoot);
		if (archive != null) {
			// Fail rather than silently start without the archive when it cannot be used.
			extra.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
		}
		List<String> jvmOptions = jvmOptions(variant, function.server.endpoint(), parameterPath(secrets),
				function.trustStore, function.trustAnchors, extra);
		Map<String, String> environment = function.environment();
		boolean cgroupCpu = quota.resetUsage();
		OptionalLong throttledBefore = quota.throttledNanos();
		try (LambdaFunctionProcess process = function.start(taskRoot, memory, environment, jvmOptions, launcher,
				(archive != null) ? functionClassPath(taskRoot) : List.of())) {
			Init init = process.awaitInit();
			double cpuMillis = cpuMillis(quota, cgroupCpu, process.pid());
			OptionalLong throttledAfter = quota.throttledNanos();
			double throttledMillis = (throttledBefore.isPresent() && throttledAfter.isPresent())
					? (throttledAfter.getAsLong() - throttledBefore.getAsLong()) / 1e6 : -1;
			long classesLoaded = (classLoadLog != null) ? classesLoaded(classLoadLog) : -1;
			if (init.status() != Init.Status.READY) {
				String output = process.output();
				throw new IllegalStateException(
						variant.label() + " with " + secrets + " secrets at " + memory + " MB did not initialise: "
								+ init.status() + " " + ((init.error() != null) ? init.error().errorType() : "") + "\n"
								+ output.substring(Math.max(0, output.length() - 4000)));
			}
			Invocation invocation = process.invoke(FunctionAnswer.EVENT);
			FunctionAnswer.check(variant, secrets, invocation);
			return new Start(init.duration().toNanos() / 1e6, cpuMillis, throttledMillis, classesLoaded);
		}
	}

	private List<SnapStartSample> snapStarts(Function function, Path launcher, int memory, int secrets) {
		List<SnapStartSample> samples = new ArrayList<>();
		function.server.faults().latency("*", this.options.latency());
		try {
			for (int round = -1; round < this.options.lambdaSnapStartRounds(); round++) {
				SnapStartSample sample = snapStart(function, launcher, memory, secrets, Math.max(round, 0));
				System.out.printf(Locale.ROOT,
						"[lambda] %d MB N=%d SnapStart %d/%d: init to the checkpoint %5.0f ms, restore to every "
								+ "secret decrypted %5.0f ms%s%n",
						memory, secrets, round + 1, this.options.lambdaSnapStartRounds(), sample.initMillis(),
						sample.restoreMillis(), (round < 0) ? " (warm-up, discarded)" : "");
				if (round >= 0) {
					samples.add(sample);
				}
			}
			return samples;
		}
		finally {
			function.server.faults().clear();
		}
	}

	/**
	 * Start the function as Lambda starts a SnapStart function with
	 * {@code secret-baker.snapshot=after-restore}: AWS's runtime interface client runs
	 * the checkpoint hooks (through the CRaC bridge of Lambda's managed runtime), asks
	 * the local Runtime API for the restore, which comes at once in the same process, and
	 * runs the restore hooks, which decrypt every secret with credentials from the
	 * container credentials endpoint, as after a real restore.
	 * @param round the round
	 * @param function the function
	 * @param launcher the launcher
	 * @param memory the memory
	 * @param secrets the secrets
	 * @return the sample of the restore
	 */
	private SnapStartSample snapStart(Function function, Path launcher, int memory, int secrets, int round) {
		List<String> extra = new ArrayList<>(List.of("-D" + CRAC_BRIDGE, "-Dsecret-baker.snapshot=after-restore"));
		extra.addAll(this.options.lambdaStarterOptions());
		List<String> jvmOptions = jvmOptions(Variant.EAGER, function.server.endpoint(), parameterPath(secrets),
				function.trustStore, function.trustAnchors, extra);
		Map<String, String> environment = function.environment();
		// As on SnapStart: no keys in the environment, credentials from the container
		// credentials endpoint, read after the restore.
		environment.remove("AWS_ACCESS_KEY_ID");
		environment.remove("AWS_SECRET_ACCESS_KEY");
		environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", function.server.containerCredentialsUri().toString());
		environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", LocalAwsServer.CONTAINER_AUTHORIZATION_TOKEN);
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
		try (LambdaFunctionProcess process = function.start(function.snapStartRoot(secrets), memory, environment,
				jvmOptions, launcher, List.of())) {
			Init init = process.awaitInit();
			Invocation invocation = (init.status() == Init.Status.READY) ? process.invoke(FunctionAnswer.EVENT) : null;
			Duration restore = process.restoreDuration().orElse(null);
			if (invocation == null || restore == null) {
				String output = process.output();
				throw new IllegalStateException(
						"The SnapStart emulation with " + secrets + " secrets at " + memory + " MB did not restore: "
								+ init.status() + " " + process.restoreError().map(FunctionError::errorType).orElse("")
								+ "\n" + output.substring(Math.max(0, output.length() - 4000)));
			}
			FunctionAnswer.check(Variant.EAGER, secrets, invocation);
			return new SnapStartSample(memory, secrets, round, init.duration().toNanos() / 1e6,
					restore.toNanos() / 1e6);
		}
	}

	/**
	 * Return the JVM options of a variant's function: the managed runtime's, the extra
	 * ones, the variant's configuration, and what it trusts: a function reading baked
	 * secrets (but {@link Variant#EAGER_JVM_TRUST_STORE}) the local server's certificate
	 * beside the Amazon roots, as the light client does on Lambda, where no trust store
	 * is configured; every other one the trust store, as part of the function's
	 * configuration, not of the library's. The starter gets a deadline of
	 * {@value #DECRYPTION_DEADLINE} rather than its 5 s: a deadline only, which a busy
	 * benchmark machine must not turn into a failed run.
	 * @param variant the variant
	 * @param endpoint the local server's endpoint
	 * @param parameterPath the Parameter Store path of the secrets
	 * @param trustStore the trust store
	 * @param trustAnchors the PEM file of the local server's certificate, which the light
	 * client trusts beside the Amazon roots it bundles
	 * @param extraJvmOptions options added after the managed runtime's
	 * @return the options
	 */
	static List<String> jvmOptions(Variant variant, URI endpoint, String parameterPath, Path trustStore,
			Path trustAnchors, List<String> extraJvmOptions) {
		List<String> options = new ArrayList<>(MANAGED_RUNTIME_JVM_OPTIONS);
		options.addAll(extraJvmOptions);
		options.addAll(variant.systemProperties(endpoint, parameterPath));
		if (variant.baked()) {
			options.add("-Dsecret-baker.timeout=" + DECRYPTION_DEADLINE);
		}
		if (variant.baked() && variant != Variant.EAGER_JVM_TRUST_STORE) {
			// No trust store is configured on Lambda, so the light client tries the
			// Amazon
			// roots first; the local server's certificate is added to them here.
			options.add("-D" + TRUST_ANCHORS_PROPERTY + "=" + trustAnchors);
		}
		else {
			options.add("-Djavax.net.ssl.trustStore=" + trustStore);
		}
		return options;
	}

	private static double cpuMillis(CpuQuota quota, boolean cgroupCpu, long pid) {
		if (cgroupCpu) {
			OptionalLong usage = quota.usageNanos();
			if (usage.isPresent()) {
				return usage.getAsLong() / 1e6;
			}
		}
		try {
			return CpuQuota.processCpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Return the number of classes a {@code -Xlog:class+load} log names so far.
	 * @param log the log
	 * @return the number of classes loaded
	 */
	static long classesLoaded(Path log) {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains("[class,load]")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the class loading log " + log, ex);
		}
	}

	private static Path javaHome() {
		return Path.of(System.getProperty("java.home"));
	}

	/**
	 * Return the class path of a task root's function as a container image's entry point
	 * gives it: the jars of {@code lib/}, in name order. The task root itself, which
	 * holds the baked file, stays with the runtime's own class loader: a class data
	 * archive refuses a class path with a folder that holds files.
	 * @param taskRoot the task root
	 * @return the jars
	 */
	static List<Path> functionClassPath(Path taskRoot) {
		try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
			return jars.filter((jar) -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the jars of " + taskRoot, ex);
		}
	}

	private static String parameterPath(int secrets) {
		return "/benchmarks/lambda-shaped/n" + secrets + "/";
	}

	private record Start(double initMillis, double cpuMillis, double throttledMillis, long classesLoaded) {

	}

	/**
	 * The HTTPS server with its key and trust store, and the baked files and task roots
	 * of the variants for each number of secrets.
	 */
	private final class Function {

		private final LocalAwsServer server;

		private final Path trustStore;

		private final String keyArn;

		private final Map<String, Path> taskRoots = new LinkedHashMap<>();

		private final Map<Path, Path> archives = new LinkedHashMap<>();

		private final Path trustAnchors;

		private Function(LocalAwsServer server, Path trustStore, Path trustAnchors) {
			this.server = server;
			this.trustStore = trustStore;
			this.trustAnchors = trustAnchors;
			this.keyArn = server.createKey("alias/benchmarks-lambda-shaped");
		}

		/**
		 * Return the function's environment: Lambda's own variables come from
		 * {@link LambdaFunctionProcess}, the credentials from here, and, as in the
		 * function's configuration, the {@code MAIN_CLASS} through which
		 * {@code FunctionInvoker} finds the application.
		 * @return the function's environment: Lambda's own variables come from
		 * {@link LambdaFunctionProcess}, the credentials from here, and, as in the
		 * function's configuration, the {@code MAIN_CLASS} through which
		 * {@code FunctionInvoker} finds the application
		 */
		Map<String, String> environment() {
			Map<String, String> environment = new LinkedHashMap<>(LambdaEnvironment.of(this.server));
			environment.keySet()
				.removeIf((name) -> !name.startsWith("AWS_") || name.equals("AWS_REGION")
						|| name.equals("AWS_DEFAULT_REGION"));
			environment.put("MAIN_CLASS", MAIN_CLASS);
			return environment;
		}

		LambdaFunctionProcess start(Path taskRoot, int memory, Map<String, String> environment, List<String> jvmOptions,
				Path launcher, List<Path> functionClassPath) {
			return LambdaFunctionProcess.builder(taskRoot, HANDLER)
				.region(this.server.region())
				.accountId(this.server.accountId())
				.memorySize(memory)
				.environment(environment)
				.jvmOptions(jvmOptions)
				.functionClassPath(functionClassPath)
				.javaExecutable(launcher)
				.initTimeout(TIMEOUT)
				.timeout(TIMEOUT)
				.start();
		}

		/**
		 * Record the dynamic AppCDS archive of a variant's task root, unless it has one,
		 * as a container image's build can: the function started as every measured start
		 * is, outside the quota, with {@code -XX:ArchiveClassesAtExit}, its JVM ending
		 * once the context is refreshed.
		 * @param variant the variant
		 * @param secrets the number of secrets its task root is for
		 */
		void train(Variant variant, int secrets) {
			Path taskRoot = taskRoot(variant, secrets);
			if (this.archives.containsKey(taskRoot)) {
				return;
			}
			Path archive = LambdaShapedBenchmark.this.workDir.resolve("app-cds")
				.resolve(taskRoot.getFileName() + ".jsa");
			try {
				Files.createDirectories(archive.getParent());
				Files.deleteIfExists(archive);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot prepare " + archive, ex);
			}
			List<String> jvmOptions = jvmOptions(variant, this.server.endpoint(), parameterPath(secrets),
					this.trustStore, this.trustAnchors,
					List.of("-XX:ArchiveClassesAtExit=" + archive, ColdStartBenchmark.TRAINING_RUN));
			long started = System.nanoTime();
			try (LambdaFunctionProcess process = start(taskRoot, TRAINING_MEMORY, environment(), jvmOptions,
					javaHome().resolve("bin").resolve("java"), functionClassPath(taskRoot))) {
				Init init = process.awaitInit();
				if (init.status() == Init.Status.READY || !Files.isRegularFile(archive)) {
					String output = process.output();
					throw new IllegalStateException("The training run of " + variant.label() + " with " + secrets
							+ " secrets did not record " + archive.getFileName() + ": " + init.status() + "\n"
							+ output.substring(Math.max(0, output.length() - 4000)));
				}
			}
			this.archives.put(taskRoot, archive);
			System.out.printf(Locale.ROOT, "[lambda] N=%d %s: AppCDS archive recorded in %.0f ms%n", secrets,
					variant.label(), (System.nanoTime() - started) / 1e6);
		}

		Path snapStartRoot(int secrets) {
			return this.taskRoots.get("snapstart-n" + secrets);
		}

		void bake(int secrets) {
			Path file = LambdaShapedBenchmark.this.workDir.resolve("secrets-n" + secrets)
				.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
			List<SecretRequest> requests = BenchmarkSecrets.bake(this.server, this.keyArn, parameterPath(secrets),
					secrets, file);
			List<Variant> variants = LambdaShapedBenchmark.this.options.lambdaVariants();
			Path advancedFile = file.resolveSibling("advanced-" + BakedSecretsFile.DEFAULT_FILE_NAME);
			if (variants.contains(Variant.EAGER_ADVANCED)) {
				BenchmarkSecrets.bakeWithAdvancedFirst(this.server, this.keyArn, parameterPath(secrets), requests,
						advancedFile);
			}
			if (LambdaShapedBenchmark.this.options.lambdaSnapStartRounds() > 0) {
				Path root = TaskRoot.layOut(LambdaShapedBenchmark.this.options.benchmarksDir(), Variant.EAGER, file,
						LambdaShapedBenchmark.this.workDir.resolve("task-snapstart-n" + secrets));
				Path crac = TaskRoot.jarOf(Core.class);
				try {
					Files.createSymbolicLink(root.resolve("lib").resolve(crac.getFileName()), crac);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot add org.crac to " + root, ex);
				}
				this.taskRoots.put("snapstart-n" + secrets, root);
			}
			for (Variant variant : variants) {
				// Only the starter's task roots hold a file; the others serve every N.
				String name = variant.baked() ? variant.id() + "-n" + secrets : variant.id();
				Path baked = (variant == Variant.EAGER_ADVANCED) ? advancedFile : file;
				if (!this.taskRoots.containsKey(name)) {
					this.taskRoots.put(name,
							TaskRoot.layOut(LambdaShapedBenchmark.this.options.benchmarksDir(), variant,
									variant.baked() ? baked : null,
									LambdaShapedBenchmark.this.workDir.resolve("task-" + name)));
				}
			}
		}

		Path taskRoot(Variant variant, int secrets) {
			return this.taskRoots.get(variant.baked() ? variant.id() + "-n" + secrets : variant.id());
		}

	}

}
