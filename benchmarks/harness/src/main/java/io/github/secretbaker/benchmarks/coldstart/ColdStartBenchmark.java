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

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.BenchmarkSecrets;
import io.github.secretbaker.benchmarks.ChildProcess;
import io.github.secretbaker.benchmarks.LambdaEnvironment;
import io.github.secretbaker.benchmarks.coldstart.Setup.Cache;
import io.github.secretbaker.benchmarks.lambda.TaskRoot;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.LocalLambdaInvoker;
import org.crac.Core;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures whole-process cold starts: for each number of secrets and each {@link Setup},
 * rounds in which every selected {@link Variant} of the setup, its baseline included,
 * starts once in a fresh JVM, in an order rotated from round to round, and answers one
 * event through Spring Cloud Function's {@code FunctionInvoker} or as a {@code java -jar}
 * application. Setups with a class cache first record one per variant and number of
 * secrets in a training run.
 *
 * @since 0.1.0
 */
public final class ColdStartBenchmark {

	/**
	 * The secret the function reads.
	 */
	public static final String SECRET_READ = secretName(0);

	/**
	 * The length of every generated secret value, which the function's answer must
	 * report.
	 */
	public static final int SECRET_LENGTH = UUID.randomUUID().toString().length();

	/**
	 * The number of secrets whose cold starts are profiled for the classes they load.
	 */
	public static final int CLASS_PROFILE_SECRETS = 1;

	private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final String MAIN_CLASS = "io.github.secretbaker.benchmarks.function.BenchmarkFunctionApplication";

	private static final String CLASS_PATH_FILE = "target/function-class-path.txt";

	/**
	 * The JVM option of Spring's training run: refresh the context, then end the JVM.
	 */
	public static final String TRAINING_RUN = "-Dspring.context.exit=onRefresh";

	private static final String TASKSET = "/usr/bin/taskset";

	private static final Pattern REPORT = Pattern.compile("Init Duration: ([0-9.]+) ms\\s+Duration: ([0-9.]+) ms");

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

	private static final Pattern DECRYPTED = Pattern.compile("Decrypted (\\d+) baked secrets in (\\d+) ms");

	private static final Pattern CLASS_LOADED = Pattern.compile("\\[class,load\\] (\\S+)");

	private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("(\\$\\$Lambda)[$/+0-9a-fx]*|[/+]0x[0-9a-f]+");

	private static final String REFUSED_BEFORE_RESTORE = "before the JVM snapshot was restored";

	private final BenchmarkOptions options;

	private final LocalAwsServer server;

	private final Path workDir;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<TrainingSample> trainings = new ArrayList<>();

	private final Map<Setup, Map<Variant, Path>> caches = new HashMap<>();

	private @Nullable DecryptionHotSpots hotSpots;

	/**
	 * Create the benchmark.
	 * @param options the settings
	 * @param server the local HTTP server, which the benchmark seeds; the HTTPS setup
	 * gets a server of its own
	 * @param workDir where to write the baked files, the caches and the event
	 */
	public ColdStartBenchmark(BenchmarkOptions options, LocalAwsServer server, Path workDir) {
		this.options = options;
		this.server = server;
		this.workDir = workDir;
	}

	/**
	 * Run every round of every selected setup for every number of secrets; with
	 * {@value #CLASS_PROFILE_SECRETS} secret, profile the classes one more cold start of
	 * each 2-core variant loads; with the largest number, where secret-baker's decryption
	 * threads spend their time and what the after-restore mode calls before a checkpoint.
	 * @return the statistics of the samples and the profiles
	 */
	public ColdStartSummary run() {
		Map<Setup, String> skipped = unavailableSetups();
		Map<Setup, List<Variant>> selected = new LinkedHashMap<>(this.options.variants());
		skipped.keySet().forEach(selected::remove);
		boolean https = selected.keySet().stream().anyMatch(Setup::https);
		try (LocalAwsServer httpsServer = https ? LocalAwsServer.builder().https(true).start() : null) {
			Backend plain = new Backend(this.server, "plain");
			Backend tls = (httpsServer != null) ? new Backend(httpsServer, "tls") : null;
			return run(selected, plain, tls, skipped);
		}
	}

	private ColdStartSummary run(Map<Setup, List<Variant>> selected, Backend plain, @Nullable Backend tls,
			Map<Setup, String> skipped) {
		Path event = writeEvent();
		List<ColdStartSample> samples = new ArrayList<>();
		List<ClassLoadProfile> profiles = new ArrayList<>();
		AfterRestoreCheck afterRestore = null;
		Set<Setup> warm = new HashSet<>();
		List<Integer> sizes = this.options.sizes();
		int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
		int profiled = sizes.contains(CLASS_PROFILE_SECRETS) ? CLASS_PROFILE_SECRETS : largest;
		for (int secrets : sizes) {
			List<Backend> backends = (tls != null) ? List.of(plain, tls) : List.of(plain);
			for (Backend backend : backends) {
				backend.bake(secrets);
				backend.server.faults().latency("*", this.options.latency());
			}
			for (Map.Entry<Setup, List<Variant>> entry : selected.entrySet()) {
				Setup setup = entry.getKey();
				List<Variant> variants = entry.getValue();
				Backend backend = setup.https() ? tls : plain;
				if (setup.cache() != Cache.NONE) {
					for (Variant variant : variants) {
						train(setup, variant, secrets, backend, event);
					}
				}
				if (warm.add(setup)) {
					for (Variant variant : variants) {
						start(setup, variant, secrets, -1, backend, event, List.of());
					}
				}
				int repetitions = this.options.repetitions(setup);
				for (int round = 0; round < repetitions; round++) {
					for (int i = 0; i < variants.size(); i++) {
						Variant variant = variants.get((i + round) % variants.size());
						ColdStartSample sample = start(setup, variant, secrets, round, backend, event, List.of());
						samples.add(sample);
						System.out.printf(Locale.ROOT, "[cold-start] N=%d %s round %d/%d %-40s %7.0f ms, %4.0f MB%n",
								secrets, setup.id(), round + 1, repetitions, variant.label(), sample.answerMillis(),
								sample.peakRssMb());
					}
				}
				if (setup == Setup.FUNCTION && secrets == profiled) {
					profiles.addAll(profileClasses(setup, variants, secrets, backend, event));
				}
				if (setup == Setup.FUNCTION && secrets == largest && variants.contains(Variant.EAGER)) {
					this.hotSpots = profileDecryption(setup, secrets, backend, event);
				}
			}
			if (secrets == largest && secrets > 0 && selected.containsKey(Setup.FUNCTION)) {
				afterRestore = checkAfterRestore(secrets, plain, event);
			}
			for (Backend backend : backends) {
				backend.server.faults().clear();
			}
		}
		return new ColdStartSummary(samples, profiles, this.hotSpots, this.trainings, afterRestore, skipped);
	}

	private Map<Setup, String> unavailableSetups() {
		Map<Setup, String> skipped = new LinkedHashMap<>();
		for (Setup setup : this.options.variants().keySet()) {
			if (setup.oneCore() && !Files.isExecutable(Path.of(TASKSET))) {
				skipped.put(setup, TASKSET + " (util-linux) is not installed");
			}
			if (setup.cache() == Cache.AOT && !Files.isExecutable(java(setup))) {
				skipped.put(setup, "no JDK 25 at " + this.options.aotJavaHome() + " (set --aot-java-home)");
			}
		}
		skipped.forEach((setup, reason) -> System.out.println("[cold-start] skipping " + setup.id() + ": " + reason));
		return skipped;
	}

	private void train(Setup setup, Variant variant, int secrets, Backend backend, Path event) {
		Path cache = this.workDir.resolve("cache")
			.resolve(setup.id() + "-" + variant.id() + "-n" + secrets
					+ ((setup.cache() == Cache.AOT) ? ".aot" : ".jsa"));
		try {
			Files.createDirectories(cache.getParent());
			Files.deleteIfExists(cache);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + cache, ex);
		}
		String record = (setup.cache() == Cache.AOT) ? "-XX:AOTCacheOutput=" + cache
				: "-XX:ArchiveClassesAtExit=" + cache;
		List<String> command = command(setup, variant, secrets, backend, event, List.of(record, TRAINING_RUN));
		backend.server.resetCounters();
		ChildProcess.Result result = ChildProcess.runToExit(command, environment(setup));
		if (result.exitCode() != 0 || !Files.isRegularFile(cache)) {
			throw ChildProcess.failure(
					"did not record " + cache.getFileName() + " (exit code " + result.exitCode() + ")", command,
					result.stdout(), result.stderr());
		}
		this.trainings
			.add(new TrainingSample(setup, variant, secrets, result.exitMillis(), backend.server.callCounts()));
		this.caches.computeIfAbsent(setup, (key) -> new HashMap<>()).put(variant, cache);
		System.out.printf(Locale.ROOT, "[cold-start] N=%d %s trained %s in %.0f ms%n", secrets, setup.id(),
				variant.label(), result.exitMillis());
	}

	private List<ClassLoadProfile> profileClasses(Setup setup, List<Variant> variants, int secrets, Backend backend,
			Path event) {
		Map<Variant, Map<String, Long>> loaded = new LinkedHashMap<>();
		for (Variant variant : variants) {
			Path log = this.workDir.resolve("class-load-" + variant.id() + ".log");
			delete(log);
			start(setup, variant, secrets, -1, backend, event, List.of("-Xlog:class+load=info:file=" + log));
			loaded.put(variant, loadedClasses(log));
			System.out.printf(Locale.ROOT, "[cold-start] profiled the class loading of %s with N=%d%n", variant.label(),
					secrets);
		}
		Map<String, Long> baseline = loaded.getOrDefault(Variant.BASELINE, Map.of());
		List<ClassLoadProfile> profiles = new ArrayList<>();
		loaded.forEach((variant, classes) -> {
			long total = 0;
			long added = 0;
			long addedAwsSdk = 0;
			Map<String, Long> byOrigin = new HashMap<>();
			for (Map.Entry<String, Long> entry : classes.entrySet()) {
				String name = entry.getKey();
				long count = entry.getValue();
				long beyondBaseline = Math.max(0, count - baseline.getOrDefault(name, 0L));
				total += count;
				added += beyondBaseline;
				if (origin(name).equals("aws-sdk")) {
					addedAwsSdk += beyondBaseline;
				}
				byOrigin.merge(origin(name), count, Long::sum);
			}
			profiles.add(new ClassLoadProfile(setup, variant, secrets, total, added, addedAwsSdk,
					byOrigin.getOrDefault("aws-sdk", 0L), byOrigin.getOrDefault("http", 0L),
					byOrigin.getOrDefault("spring-cloud-aws", 0L)));
		});
		return profiles;
	}

	private static Map<String, Long> loadedClasses(Path log) {
		Map<String, Long> classes = new HashMap<>();
		try (Stream<String> lines = Files.lines(log)) {
			lines.forEach((line) -> {
				Matcher matcher = CLASS_LOADED.matcher(line);
				if (matcher.find()) {
					classes.merge(normalizedClassName(matcher.group(1)), 1L, Long::sum);
				}
			});
			return classes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the class loading log " + log, ex);
		}
	}

	/**
	 * Return a class name without the numbers the JDK gives lambda and hidden classes,
	 * which differ from one JVM to the next.
	 * @param name the name as {@code -Xlog:class+load} logs it
	 * @return the name to compare
	 */
	static String normalizedClassName(String name) {
		return HIDDEN_CLASS_SUFFIX.matcher(name).replaceAll("$1");
	}

	private static String origin(String className) {
		if (className.startsWith("software.amazon.awssdk.")) {
			return "aws-sdk";
		}
		if (className.startsWith("org.apache.hc.") || className.startsWith("io.netty.")) {
			return "http";
		}
		if (className.startsWith("io.awspring.")) {
			return "spring-cloud-aws";
		}
		return "other";
	}

	private DecryptionHotSpots profileDecryption(Setup setup, int secrets, Backend backend, Path event) {
		Path recording = this.workDir.resolve("decryption-" + Variant.EAGER.id() + ".jfr");
		delete(recording);
		start(setup, Variant.EAGER, secrets, -1, backend, event,
				List.of("-XX:StartFlightRecording:filename=" + recording + ",settings=profile"));
		System.out.printf(Locale.ROOT, "[cold-start] recorded the decryption threads of %s with N=%d%n",
				Variant.EAGER.label(), secrets);
		return DecryptionHotSpots.read(Variant.EAGER, secrets, recording);
	}

	private AfterRestoreCheck checkAfterRestore(int secrets, Backend backend, Path event) {
		List<String> command = command(Setup.FUNCTION, Variant.EAGER, secrets, backend, event,
				List.of("-Dsecret-baker.snapshot=after-restore"));
		int classPath = command.indexOf("-cp") + 1;
		command.set(classPath, command.get(classPath) + File.pathSeparator + TaskRoot.jarOf(Core.class).toString());
		Map<String, String> environment = environment(Setup.FUNCTION);
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
		backend.server.resetCounters();
		ChildProcess.Result result = ChildProcess.runToExit(command, environment);
		boolean refused = result.exitCode() != 0 && Stream.concat(result.stdout().stream(), result.stderr().stream())
			.anyMatch((line) -> line.contains(REFUSED_BEFORE_RESTORE));
		System.out.printf(Locale.ROOT, "[cold-start] after-restore mode with N=%d: %s, %s%n", secrets,
				refused ? "read refused before the restore" : "read not refused (exit code " + result.exitCode() + ")",
				backend.server.callCounts());
		return new AfterRestoreCheck(secrets, refused, backend.server.callCounts());
	}

	private ColdStartSample start(Setup setup, Variant variant, int secrets, int round, Backend backend, Path event,
			List<String> extraJvmOptions) {
		List<String> jvmOptions = new ArrayList<>(extraJvmOptions);
		Path cache = this.caches.getOrDefault(setup, Map.of()).get(variant);
		if (cache != null) {
			// Fail rather than silently start without the cache when it cannot be used.
			jvmOptions.addAll((setup.cache() == Cache.AOT) ? List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on")
					: List.of("-XX:SharedArchiveFile=" + cache, "-Xshare:on"));
		}
		List<String> command = command(setup, variant, secrets, backend, event, jvmOptions);
		backend.server.resetCounters();
		double harnessCpuBefore = harnessCpuMillis();
		ChildProcess.Result result = ChildProcess.run(command, environment(setup),
				(line) -> line.startsWith("{\"secretName\""));
		double serverCpuMillis = harnessCpuMillis() - harnessCpuBefore;
		Map<String, Long> calls = backend.server.callCounts();
		checkAnswer(setup, variant, secrets, result);
		double initMillis = -1;
		double invokeMillis = -1;
		for (String line : result.stderr()) {
			Matcher matcher = REPORT.matcher(line);
			if (matcher.find()) {
				initMillis = Double.parseDouble(matcher.group(1));
				invokeMillis = Double.parseDouble(matcher.group(2));
			}
		}
		for (String line : result.stdout()) {
			Matcher matcher = STARTED.matcher(line);
			if (setup.javaJar() && matcher.find()) {
				initMillis = Double.parseDouble(matcher.group(1)) * 1000;
			}
		}
		return new ColdStartSample(setup, variant, secrets, round, result.answerMillis(), initMillis, invokeMillis,
				result.peakRssMb(), result.cpuMillis(), serverCpuMillis, decryptMillis(result), calls);
	}

	private List<String> command(Setup setup, Variant variant, int secrets, Backend backend, Path event,
			List<String> extraJvmOptions) {
		List<String> command = new ArrayList<>();
		if (setup.oneCore()) {
			command.addAll(List.of(TASKSET, "-c", "0"));
		}
		command.add(java(setup).toString());
		this.options.jvmOptions()
			.stream()
			.filter((option) -> setup.cache() == Cache.NONE || !option.startsWith("-Xshare:"))
			.forEach(command::add);
		command.addAll(extraJvmOptions);
		command.addAll(variant.systemProperties(backend.server.endpoint(), parameterPath(secrets)));
		if (backend.server.isHttps()) {
			command.add("-Djavax.net.ssl.trustStore=" + backend.server.trustStore());
			command.add("-Djavax.net.ssl.trustStorePassword=" + backend.server.trustStorePassword());
		}
		if (variant == Variant.EAGER_ADVANCED) {
			command.add("-Dsecret-baker.location=file:" + backend.advancedFile(secrets));
		}
		if (setup.javaJar()) {
			if (variant.baked() && variant != Variant.EAGER_ADVANCED) {
				command.add("-Dsecret-baker.location=file:" + backend.bakedFile(secrets));
			}
			command.addAll(List.of("-jar", executableJar(setup.module(variant)).toString(), SECRET_READ));
		}
		else {
			command.add("-cp");
			command.add(classPath(setup, variant, backend.bakedJar(secrets)));
			command.add(LocalLambdaInvoker.class.getName());
			command.addAll(List.of("--handler", HANDLER, "--event", event.toString()));
		}
		return command;
	}

	private Path java(Setup setup) {
		Path home = (setup.cache() == Cache.AOT) ? this.options.aotJavaHome()
				: Path.of(System.getProperty("java.home"));
		return home.resolve("bin").resolve("java");
	}

	private void checkAnswer(Setup setup, Variant variant, int secrets, ChildProcess.Result result) {
		int expected = (variant.hasSecrets() && secrets > 0) ? SECRET_LENGTH : -1;
		JsonNode answer = this.json.readTree(result.answer());
		int length = answer.path("length").asInt(Integer.MIN_VALUE);
		if (length != expected) {
			throw new IllegalStateException(variant.label() + " (" + setup.label() + ") with " + secrets
					+ " secrets answered length " + length + " for " + SECRET_READ + " instead of " + expected
					+ ": the secret did not arrive as expected");
		}
	}

	private static double harnessCpuMillis() {
		return ProcessHandle.current().info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e6).orElse(-1.0);
	}

	private static @Nullable Double decryptMillis(ChildProcess.Result result) {
		for (String line : result.stdout()) {
			Matcher matcher = DECRYPTED.matcher(line);
			if (matcher.find()) {
				return Double.valueOf(matcher.group(2));
			}
		}
		return null;
	}

	private String classPath(Setup setup, Variant variant, Path bakedJar) {
		Path module = this.options.benchmarksDir().resolve(setup.module(variant));
		Path classPathFile = module.resolve(CLASS_PATH_FILE);
		if (!Files.isRegularFile(classPathFile)) {
			throw new IllegalStateException(classPathFile + " is missing: build the function modules first with "
					+ "./mvnw -B -ntp -pl benchmarks/harness -am package -DskipTests");
		}
		// Jars only, as in a Lambda zip's lib/ folder: class caches cannot hold classes
		// from folders.
		List<String> entries = new ArrayList<>();
		if (variant.baked()) {
			entries.add(bakedJar.toString());
		}
		Path moduleJar = moduleJar(module);
		if (moduleJar != null) {
			entries.add(moduleJar.toString());
		}
		try {
			String dependencies = Files.readString(classPathFile, StandardCharsets.UTF_8).strip();
			Arrays.stream(dependencies.split(File.pathSeparator))
				.filter((entry) -> !entry.isEmpty())
				.forEach(entries::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + classPathFile, ex);
		}
		entries.add(TaskRoot.jarOf(LocalLambdaInvoker.class).toString());
		if (setup.cache() != Cache.NONE) {
			entries.stream().filter((entry) -> !Files.isRegularFile(Path.of(entry))).findFirst().ifPresent((entry) -> {
				throw new IllegalStateException("The class path of " + setup.label() + " must hold jars only, but has "
						+ entry + ": build with package, not compile");
			});
		}
		return String.join(File.pathSeparator, entries);
	}

	private static @Nullable Path moduleJar(Path module) {
		try (Stream<Path> files = Files.list(module.resolve("target"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jar"))
				.filter((file) -> !file.getFileName().toString().matches(".*-(exec|sources|javadoc)\\.jar"))
				.findFirst()
				.orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Path executableJar(String module) {
		Path target = this.options.benchmarksDir().resolve(module).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No repackaged *-exec.jar in " + target
						+ ": build it first with ./mvnw -B -ntp -pl benchmarks/harness -am package -DskipTests"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + target + ": build the applications first", ex);
		}
	}

	private Map<String, String> environment(Setup setup) {
		Map<String, String> environment = LambdaEnvironment.of(this.server);
		if (!setup.javaJar()) {
			environment.put("MAIN_CLASS", MAIN_CLASS);
		}
		return environment;
	}

	private Path writeEvent() {
		Path event = this.workDir.resolve("event.json");
		try {
			Files.createDirectories(this.workDir);
			Files.writeString(event, "{\"secretName\": \"" + SECRET_READ + "\"}", StandardCharsets.UTF_8);
			return event;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + event, ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the previous " + file, ex);
		}
	}

	private static String parameterPath(int secrets) {
		return "/benchmarks/n" + secrets + "/";
	}

	private static String secretName(int index) {
		return BenchmarkSecrets.secretName(index);
	}

	/**
	 * A local server with its key, and the secrets baked from it for each number of
	 * secrets: the file, for {@code java -jar}, and a jar holding it, for a function's
	 * class path.
	 */
	private final class Backend {

		private final LocalAwsServer server;

		private final String name;

		private final String keyArn;

		private Backend(LocalAwsServer server, String name) {
			this.server = server;
			this.name = name;
			this.keyArn = server.createKey("alias/benchmarks-cold-start");
		}

		void bake(int secrets) {
			Path file = bakedFile(secrets);
			List<SecretRequest> requests = BenchmarkSecrets.bake(this.server, this.keyArn, parameterPath(secrets),
					secrets, file);
			if (!requests.isEmpty()) {
				BenchmarkSecrets.bakeWithAdvancedFirst(this.server, this.keyArn, parameterPath(secrets), requests,
						advancedFile(secrets));
			}
			Path jar = bakedJar(secrets);
			try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
				entries.putNextEntry(new JarEntry(BakedSecretsFile.DEFAULT_FILE_NAME));
				Files.copy(file, entries);
				entries.closeEntry();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + jar, ex);
			}
		}

		Path bakedFile(int secrets) {
			return ColdStartBenchmark.this.workDir.resolve("secrets-" + this.name + "-n" + secrets)
				.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		}

		Path advancedFile(int secrets) {
			return ColdStartBenchmark.this.workDir.resolve("secrets-" + this.name + "-n" + secrets + "-advanced")
				.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		}

		Path bakedJar(int secrets) {
			return ColdStartBenchmark.this.workDir.resolve("secrets-" + this.name + "-n" + secrets + ".jar");
		}

	}

}
