package io.github.secretbaker.benchmarks.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.secretbaker.bake.SecretBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.ChildProcess;
import io.github.secretbaker.benchmarks.LambdaEnvironment;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.LocalLambdaInvoker;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures whole-process cold starts: for each number of secrets, rounds in which every
 * {@link Variant} starts once in a fresh JVM, in an order rotated from round to round, and
 * answers one event through Spring Cloud Function's {@code FunctionInvoker}.
 *
 * @since 0.1.0
 */
public final class ColdStartBenchmark {

	/**
	 * The secret the function reads.
	 */
	public static final String SECRET_READ = secretName(0);

	/**
	 * The length of every generated secret value, which the function's answer must report.
	 */
	public static final int SECRET_LENGTH = UUID.randomUUID().toString().length();

	private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final String MAIN_CLASS = "io.github.secretbaker.benchmarks.function.BenchmarkFunctionApplication";

	private static final String CLASS_PATH_FILE = "target/function-class-path.txt";

	private static final Pattern REPORT = Pattern.compile("Init Duration: ([0-9.]+) ms\\s+Duration: ([0-9.]+) ms");

	private static final Pattern DECRYPTED = Pattern.compile("Decrypted (\\d+) baked secrets in (\\d+) ms");

	private final BenchmarkOptions options;

	private final LocalAwsServer server;

	private final Path workDir;

	private final JsonMapper json = JsonMapper.builder().build();

	private @Nullable DecryptionHotSpots hotSpots;

	/**
	 * Create the benchmark.
	 * @param options the settings
	 * @param server the local server, which the benchmark seeds
	 * @param workDir where to write the baked files and the event
	 */
	public ColdStartBenchmark(BenchmarkOptions options, LocalAwsServer server, Path workDir) {
		this.options = options;
		this.server = server;
		this.workDir = workDir;
	}

	/**
	 * Run every round for every number of secrets, then profile one more cold start per
	 * variant with the largest number of secrets: the classes it loads, and for secret-baker
	 * eager, where its decryption threads spend their time.
	 * @return the statistics of the samples and the profiles
	 */
	public ColdStartSummary run() {
		Path event = writeEvent();
		String keyArn = this.server.createKey("alias/benchmarks-cold-start");
		List<ColdStartSample> samples = new ArrayList<>();
		List<ClassLoadProfile> profiles = List.of();
		List<Variant> variants = List.of(Variant.values());
		boolean warm = false;
		for (int secrets : this.options.sizes()) {
			Path secretsDir = seedAndBake(secrets, keyArn);
			this.server.faults().latency("*", this.options.latency());
			if (!warm) {
				for (Variant variant : variants) {
					start(variant, secrets, -1, secretsDir, event);
				}
				warm = true;
			}
			for (int round = 0; round < this.options.repetitions(); round++) {
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((i + round) % variants.size());
					ColdStartSample sample = start(variant, secrets, round, secretsDir, event);
					samples.add(sample);
					System.out.printf(Locale.ROOT, "[cold-start] N=%d round %d/%d %-24s %7.0f ms, %4.0f MB%n", secrets,
							round + 1, this.options.repetitions(), variant.label(), sample.answerMillis(),
							sample.peakRssMb());
				}
			}
			if (secrets == this.options.sizes().get(this.options.sizes().size() - 1)) {
				profiles = profile(variants, secrets, secretsDir, event);
			}
			this.server.faults().clear();
		}
		return new ColdStartSummary(samples, profiles, this.hotSpots);
	}

	private List<ClassLoadProfile> profile(List<Variant> variants, int secrets, Path secretsDir, Path event) {
		List<ClassLoadProfile> profiles = new ArrayList<>();
		for (Variant variant : variants) {
			Path log = this.workDir.resolve("class-load-" + variant.name().toLowerCase(Locale.ROOT) + ".log");
			try {
				Files.deleteIfExists(log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot delete the previous class loading log " + log, ex);
			}
			List<String> profiling = new ArrayList<>(List.of("-Xlog:class+load=info:file=" + log));
			Path recording = this.workDir.resolve("decryption-" + variant.name().toLowerCase(Locale.ROOT) + ".jfr");
			if (variant == Variant.EAGER) {
				profiling.add("-XX:StartFlightRecording:filename=" + recording + ",settings=profile");
			}
			start(variant, secrets, -1, secretsDir, event, profiling);
			if (variant == Variant.EAGER) {
				this.hotSpots = DecryptionHotSpots.read(variant, secrets, recording);
			}
			try (Stream<String> lines = Files.lines(log)) {
				Map<String, Long> counts = lines.filter((line) -> line.contains("class,load"))
					.collect(Collectors.groupingBy(ColdStartBenchmark::origin, Collectors.counting()));
				long total = counts.values().stream().mapToLong(Long::longValue).sum();
				profiles.add(new ClassLoadProfile(variant, secrets, total, counts.getOrDefault("aws-sdk", 0L),
						counts.getOrDefault("http", 0L), counts.getOrDefault("spring-cloud-aws", 0L)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the class loading log " + log, ex);
			}
			System.out.printf(Locale.ROOT, "[cold-start] profiled the class loading of %s with N=%d%n", variant.label(),
					secrets);
		}
		return profiles;
	}

	private static String origin(String line) {
		if (line.contains(" software.amazon.awssdk.")) {
			return "aws-sdk";
		}
		if (line.contains(" org.apache.hc.") || line.contains(" io.netty.")) {
			return "http";
		}
		if (line.contains(" io.awspring.")) {
			return "spring-cloud-aws";
		}
		return "other";
	}

	private ColdStartSample start(Variant variant, int secrets, int round, Path secretsDir, Path event) {
		return start(variant, secrets, round, secretsDir, event, List.of());
	}

	private ColdStartSample start(Variant variant, int secrets, int round, Path secretsDir, Path event,
			List<String> extraJvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.options.jvmOptions());
		command.addAll(extraJvmOptions);
		command.addAll(variant.systemProperties(this.server.endpoint(), parameterPath(secrets)));
		command.add("-cp");
		command.add(classPath(variant, secretsDir));
		command.add(LocalLambdaInvoker.class.getName());
		command.addAll(List.of("--handler", HANDLER, "--event", event.toString()));
		this.server.resetCounters();
		double harnessCpuBefore = harnessCpuMillis();
		ChildProcess.Result result = ChildProcess.run(command, environment(),
				(line) -> line.startsWith("{\"secretName\""));
		double serverCpuMillis = harnessCpuMillis() - harnessCpuBefore;
		Map<String, Long> calls = this.server.callCounts();
		checkAnswer(variant, secrets, result);
		double initMillis = -1;
		double invokeMillis = -1;
		for (String line : result.stderr()) {
			Matcher matcher = REPORT.matcher(line);
			if (matcher.find()) {
				initMillis = Double.parseDouble(matcher.group(1));
				invokeMillis = Double.parseDouble(matcher.group(2));
			}
		}
		return new ColdStartSample(variant, secrets, round, result.answerMillis(), initMillis, invokeMillis,
				result.peakRssMb(), result.cpuMillis(), serverCpuMillis, decryptMillis(result), calls);
	}

	private void checkAnswer(Variant variant, int secrets, ChildProcess.Result result) {
		int expected = (variant.hasSecrets() && secrets > 0) ? SECRET_LENGTH : -1;
		JsonNode answer = this.json.readTree(result.answer());
		int length = answer.path("length").asInt(Integer.MIN_VALUE);
		if (length != expected) {
			throw new IllegalStateException(variant.label() + " with " + secrets + " secrets answered length " + length
					+ " for " + SECRET_READ + " instead of " + expected + ": the secret did not arrive as expected");
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

	private String classPath(Variant variant, Path secretsDir) {
		Path module = this.options.benchmarksDir().resolve(variant.module());
		Path classPathFile = module.resolve(CLASS_PATH_FILE);
		if (!Files.isRegularFile(classPathFile)) {
			throw new IllegalStateException(classPathFile + " is missing: build the function modules first with "
					+ "./mvnw -B -ntp -pl benchmarks/harness -am package -DskipTests");
		}
		List<String> entries = new ArrayList<>();
		if (variant.baked()) {
			entries.add(secretsDir.toString());
		}
		Path classes = module.resolve("target/classes");
		if (Files.isDirectory(classes)) {
			entries.add(classes.toString());
		}
		try {
			String dependencies = Files.readString(classPathFile, StandardCharsets.UTF_8).strip();
			Arrays.stream(dependencies.split(File.pathSeparator)).filter((entry) -> !entry.isEmpty()).forEach(entries::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + classPathFile, ex);
		}
		entries.add(invokerLocation());
		return String.join(File.pathSeparator, entries);
	}

	private static String invokerLocation() {
		try {
			return Path.of(LocalLambdaInvoker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the secret-baker-test classes", ex);
		}
	}

	private Map<String, String> environment() {
		Map<String, String> environment = LambdaEnvironment.of(this.server);
		environment.put("MAIN_CLASS", MAIN_CLASS);
		return environment;
	}

	private Path seedAndBake(int secrets, String keyArn) {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < secrets; i++) {
			String parameter = parameterPath(secrets) + secretName(i);
			this.server.putSecureString(parameter, UUID.randomUUID().toString(), keyArn);
			requests.add(SecretRequest.of(secretName(i), parameter));
		}
		Path dir = this.workDir.resolve("secrets-n" + secrets);
		Path file = dir.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		if (requests.isEmpty()) {
			BakedSecretsFile.write(BakedSecrets.empty(), file);
		}
		else {
			SecretBaker.builder(this.server.ssmClient()).build().bakeTo(requests, file);
		}
		return dir;
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

	private static String parameterPath(int secrets) {
		return "/benchmarks/n" + secrets + "/";
	}

	private static String secretName(int index) {
		return String.format(Locale.ROOT, "BENCH_SECRET_%03d", index);
	}

}
