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

package io.github.secretbaker.test.lambda.runtime;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.github.secretbaker.test.lambda.runtime.Invocation.Status;
import io.github.secretbaker.test.lambda.runtime.LocalRuntimeApi.PendingInvocation;
import org.jspecify.annotations.Nullable;

/**
 * A function process started as the AWS Lambda Java managed runtime starts one: the
 * function's code is a task root (its classes at the root, its jars in {@code lib/}, as a
 * Lambda zip or jar is extracted to {@code /var/task}), the JVM runs AWS's runtime
 * interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}) from its
 * own class path with the task root as working directory, and the environment holds only
 * the variables Lambda sets plus the function's own. The process talks to its own
 * {@link LocalRuntimeApi}, so init ends, as on Lambda, when the runtime first calls
 * {@code next}, and {@link Init#duration()} runs from process start to that call.
 * <pre class="code">
 * try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(jar, "com.example.Handler::handleRequest")
 * 		.environment("AWS_ACCESS_KEY_ID", "test")
 * 		.start()) {
 * 	LambdaFunctionProcess.Init init = function.awaitInit();
 * 	Invocation invocation = function.invoke("{}");
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class LambdaFunctionProcess implements AutoCloseable {

	/**
	 * The JVM options used unless {@link Builder#jvmOptions(List)} replaces them: tiered
	 * compilation stopping at C1 and the serial collector, as the Java managed runtimes
	 * start the JVM by default.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC");

	/**
	 * Lambda's limit on the init phase of an on-demand function.
	 */
	public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

	private final LocalRuntimeApi runtimeApi;

	private final Process process;

	private final long startedAt;

	private final Path taskRoot;

	private final boolean deleteTaskRoot;

	private final int memorySize;

	private final Duration initTimeout;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Thread outputReader;

	private volatile @Nullable Init init;

	private volatile @Nullable String firstRequestId;

	private LambdaFunctionProcess(Builder builder, Path taskRoot, boolean deleteTaskRoot) {
		this.taskRoot = taskRoot;
		this.deleteTaskRoot = deleteTaskRoot;
		this.memorySize = builder.memorySize;
		this.initTimeout = builder.initTimeout;
		this.runtimeApi = builder.runtimeApi.start();
		List<Path> runtimeClassPath = (builder.runtimeClassPath != null) ? builder.runtimeClassPath
				: RuntimeInterfaceClient.classPath();
		List<String> command = new ArrayList<>();
		command.add(builder.javaExecutable.toString());
		command.addAll(builder.jvmOptions);
		command.add("-cp");
		command.add(Stream.concat(builder.functionClassPath.stream(), runtimeClassPath.stream())
			.map(Path::toString)
			.collect(Collectors.joining(File.pathSeparator)));
		command.add(RuntimeInterfaceClient.MAIN_CLASS);
		command.add(builder.handler);
		ProcessBuilder processBuilder = new ProcessBuilder(command).directory(taskRoot.toFile())
			.redirectErrorStream(true);
		Map<String, String> environment = processBuilder.environment();
		environment.clear();
		environment.putAll(lambdaEnvironment(builder, taskRoot, runtimeClassPath.get(0).getParent()));
		environment.putAll(builder.environment);
		this.startedAt = System.nanoTime();
		try {
			this.process = processBuilder.start();
		}
		catch (IOException ex) {
			this.runtimeApi.close();
			throw new UncheckedIOException("Cannot start " + String.join(" ", command), ex);
		}
		this.outputReader = new Thread(this::readOutput, "lambda-function-output-" + this.process.pid());
		this.outputReader.setDaemon(true);
		this.outputReader.start();
	}

	private Map<String, String> lambdaEnvironment(Builder builder, Path taskRoot, Path runtimeDirectory) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
		environment.put("LANG", "en_US.UTF-8");
		environment.put("TZ", ":UTC");
		environment.put("_HANDLER", builder.handler);
		environment.put("AWS_LAMBDA_RUNTIME_API", this.runtimeApi.address());
		environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
		environment.put("LAMBDA_RUNTIME_DIR", runtimeDirectory.toString());
		environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
		environment.put("AWS_LAMBDA_FUNCTION_NAME", this.runtimeApi.functionName());
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(builder.memorySize));
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + this.runtimeApi.functionName());
		environment.put("AWS_LAMBDA_LOG_STREAM_NAME",
				LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/[$LATEST]"
						+ UUID.randomUUID().toString().replace("-", ""));
		environment.put("AWS_REGION", this.runtimeApi.region());
		environment.put("AWS_DEFAULT_REGION", this.runtimeApi.region());
		return environment;
	}

	/**
	 * Return a builder for a function whose code is a task root folder, or a Lambda zip
	 * or jar that is extracted into one, as Lambda extracts the deployment package.
	 * @param code the task root folder, or a {@code .zip} or {@code .jar} file
	 * @param handler the handler, as in the function configuration:
	 * {@code com.example.Handler::handleRequest}
	 * @return a new builder
	 */
	public static Builder builder(Path code, String handler) {
		return new Builder(code, handler);
	}

	private void readOutput() {
		byte[] buffer = new byte[8192];
		try (InputStream in = this.process.getInputStream()) {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				synchronized (this.output) {
					this.output.write(buffer, 0, read);
				}
			}
		}
		catch (IOException ex) {
			// The process ended: what it wrote so far is kept.
		}
	}

	/**
	 * Wait for init to end, at most the init timeout (10 s, Lambda's, by default), and
	 * return how it ended. A function that neither calls {@code next} nor exits in time
	 * is stopped, as Lambda stops it.
	 * @return the init outcome, the same on every call
	 */
	public synchronized Init awaitInit() {
		if (this.init != null) {
			return this.init;
		}
		long giveUpAt = this.startedAt + this.initTimeout.toNanos();
		try {
			while (System.nanoTime() < giveUpAt && !this.runtimeApi.awaitInitEnd(POLL_INTERVAL)
					&& this.process.isAlive()) {
				Thread.onSpinWait();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for init", ex);
		}
		Init result;
		OptionalLong endedAt = this.runtimeApi.initEndedAt();
		if (this.runtimeApi.initialized()) {
			result = new Init(Init.Status.READY, Duration.ofNanos(endedAt.getAsLong() - this.startedAt), null, null);
		}
		else if (this.runtimeApi.initError().isPresent()) {
			Integer exitCode = waitForExit(EXIT_GRACE).stream().boxed().findFirst().orElse(null);
			result = new Init(Init.Status.FAILED, Duration.ofNanos(endedAt.getAsLong() - this.startedAt),
					this.runtimeApi.initError().get(), exitCode);
		}
		else if (!this.process.isAlive()) {
			result = new Init(Init.Status.RUNTIME_EXITED, Duration.ofNanos(System.nanoTime() - this.startedAt), null,
					this.process.exitValue());
		}
		else {
			destroy();
			result = new Init(Init.Status.TIMED_OUT, this.initTimeout, null, null);
		}
		if (result.status() != Init.Status.READY) {
			this.runtimeApi.abandon(Status.INIT_FAILED);
		}
		this.init = result;
		return result;
	}

	/**
	 * Return how long the emulated SnapStart restore took, from the answer to the
	 * runtime's {@code restore/next} to its first {@code next}, after its restore hooks
	 * ran: for a function started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}
	 * (see {@link LocalRuntimeApi}).
	 * @return the duration, empty unless the restore has ended
	 */
	public Optional<Duration> restoreDuration() {
		return this.runtimeApi.restoreDuration();
	}

	/**
	 * Return the error the runtime posted when a restore hook failed.
	 * @return the error, empty if none was posted
	 */
	public Optional<FunctionError> restoreError() {
		return this.runtimeApi.restoreError();
	}

	/**
	 * Invoke the function with one event, waiting for init first, and return the outcome.
	 * A function that does not answer by the deadline is stopped, as Lambda stops it.
	 * @param event the event, as JSON
	 * @return the invocation
	 */
	public Invocation invoke(String event) {
		return invoke(event.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Invoke the function with one event, waiting for init first, and return the outcome.
	 * A function that does not answer by the deadline is stopped, as Lambda stops it.
	 * @param event the event, as JSON
	 * @return the invocation
	 */
	public Invocation invoke(byte[] event) {
		Init initialized = awaitInit();
		if (initialized.status() != Init.Status.READY) {
			return new Invocation(UUID.randomUUID().toString(), Status.INIT_FAILED, null, initialized.error(),
					Duration.ZERO);
		}
		PendingInvocation pending = this.runtimeApi.submit(event);
		synchronized (this) {
			if (this.firstRequestId == null) {
				this.firstRequestId = pending.requestId();
			}
		}
		long giveUpAt = System.nanoTime() + this.runtimeApi.timeout().toNanos() + EXIT_GRACE.toNanos();
		while (System.nanoTime() < giveUpAt) {
			try {
				return pending.outcome().get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				OptionalLong deadline = pending.deadline();
				if (deadline.isPresent() && System.currentTimeMillis() > deadline.getAsLong()) {
					this.runtimeApi.timeOut(pending.requestId());
					destroy();
				}
				else if (!this.process.isAlive()) {
					this.runtimeApi.abandon(Status.RUNTIME_EXITED);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + pending.requestId(), ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Invocation " + pending.requestId() + " failed", ex.getCause());
			}
		}
		this.runtimeApi.timeOut(pending.requestId());
		destroy();
		return pending.outcome().join();
	}

	/**
	 * Return a line in the format of Lambda's {@code REPORT} log line for an invocation
	 * of this process: its duration, the billed duration (rounded up to the millisecond,
	 * the init phase included for the first invocation, as Lambda bills on-demand
	 * functions of managed runtimes), the memory size, the process's peak resident memory
	 * where the OS tells it, and the init duration for the first invocation.
	 * @param invocation an invocation returned by {@link #invoke}
	 * @return the report line
	 */
	public String report(Invocation invocation) {
		double durationMillis = invocation.duration().toNanos() / 1e6;
		boolean first = invocation.requestId().equals(this.firstRequestId);
		double initMillis = (first && this.init != null) ? this.init.duration().toNanos() / 1e6 : 0;
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
				invocation.requestId(), durationMillis, (long) Math.ceil(durationMillis + initMillis),
				this.memorySize));
		maxMemoryUsedMegabytes()
			.ifPresent((used) -> report.append(String.format(Locale.ROOT, "\tMax Memory Used: %d MB", used)));
		if (first) {
			report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initMillis));
		}
		return report.toString();
	}

	/**
	 * Return the peak resident memory of the function process so far, in MB, as Lambda's
	 * {@code Max Memory Used}, read from {@code /proc} where there is one.
	 * @return the peak memory, empty where the OS does not tell it or the process ended
	 */
	OptionalLong maxMemoryUsedMegabytes() {
		Path status = Path.of("/proc", Long.toString(this.process.pid()), "status");
		try (Stream<String> lines = Files.lines(status)) {
			return lines.filter((line) -> line.startsWith("VmHWM:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.map((kilobytes) -> (kilobytes + 1023) / 1024)
				.findFirst();
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Return everything the process wrote to standard output and standard error so far,
	 * interleaved, as Lambda sends it to CloudWatch Logs.
	 * @return the output
	 */
	public String output() {
		synchronized (this.output) {
			return this.output.toString(StandardCharsets.UTF_8);
		}
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout the longest time to wait
	 * @return the exit code, empty if the process is still running
	 */
	public OptionalInt waitForExit(Duration timeout) {
		try {
			if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.outputReader.join(EXIT_GRACE.toMillis());
				return OptionalInt.of(this.process.exitValue());
			}
			return OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
	}

	/**
	 * Return the Runtime API this process talks to, with everything it recorded.
	 * @return the Runtime API
	 */
	LocalRuntimeApi runtimeApi() {
		return this.runtimeApi;
	}

	/**
	 * Return the task root, the process's working directory.
	 * @return the task root
	 */
	Path taskRoot() {
		return this.taskRoot;
	}

	/**
	 * Return the process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	private void destroy() {
		this.process.destroyForcibly();
		waitForExit(EXIT_GRACE);
	}

	/**
	 * Stop the process, the Runtime API and delete an extracted task root.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			destroy();
		}
		this.runtimeApi.close();
		if (this.deleteTaskRoot) {
			deleteRecursively(this.taskRoot);
		}
	}

	private static void deleteRecursively(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the task root " + folder, ex);
		}
	}

	/**
	 * How a function's init phase ended.
	 *
	 * @param status how it ended
	 * @param duration from process start to the first {@code next} call (or to the
	 * {@code init/error} post), as Lambda's {@code Init Duration}
	 * @param error the error posted to {@code /runtime/init/error}, or {@code null}
	 * @param exitCode the process's exit code if it exited, or {@code null}
	 * @since 0.1.0
	 */
	public record Init(Status status, Duration duration, @Nullable FunctionError error, @Nullable Integer exitCode) {

		/**
		 * How init ended.
		 *
		 * @since 0.1.0
		 */
		public enum Status {

			/**
			 * The runtime asked for its first event.
			 */
			READY,

			/**
			 * The runtime posted to {@code /runtime/init/error}.
			 */
			FAILED,

			/**
			 * The process exited without calling {@code next} or reporting an init error,
			 * which Lambda reports as {@code Runtime.ExitError}.
			 */
			RUNTIME_EXITED,

			/**
			 * Init took longer than the init timeout; the process was stopped.
			 */
			TIMED_OUT

		}

	}

	/**
	 * Configures and starts a {@link LambdaFunctionProcess}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final Path code;

		private final String handler;

		private final LocalRuntimeApi.Builder runtimeApi = LocalRuntimeApi.builder();

		private int memorySize = 512;

		private Duration initTimeout = DEFAULT_INIT_TIMEOUT;

		private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;

		private @Nullable List<Path> runtimeClassPath;

		private List<Path> functionClassPath = List.of();

		private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");

		private @Nullable Path extractTo;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Builder(Path code, String handler) {
			if (handler.isBlank()) {
				throw new IllegalArgumentException("Handler must not be blank");
			}
			this.code = code;
			this.handler = handler;
		}

		/**
		 * Set the function name (default {@code local-function}).
		 * @param functionName the function name
		 * @return this builder
		 */
		public Builder functionName(String functionName) {
			this.runtimeApi.functionName(functionName);
			return this;
		}

		/**
		 * Set the memory size in MB reported to the function (default 512).
		 * @param memorySize the memory size
		 * @return this builder
		 */
		public Builder memorySize(int memorySize) {
			if (memorySize < 128) {
				throw new IllegalArgumentException("Memory size must be at least 128 MB but was " + memorySize);
			}
			this.memorySize = memorySize;
			return this;
		}

		/**
		 * Set the function timeout (default 30 s), which sets each invocation's deadline.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.runtimeApi.timeout(timeout);
			return this;
		}

		/**
		 * Set how long init may take before the process is stopped (default 10 s,
		 * Lambda's), longer for a benchmark on a machine slower than Lambda's.
		 * @param initTimeout the init timeout
		 * @return this builder
		 */
		public Builder initTimeout(Duration initTimeout) {
			if (initTimeout.isNegative() || initTimeout.isZero()) {
				throw new IllegalArgumentException("Init timeout must be positive but was " + initTimeout);
			}
			this.initTimeout = initTimeout;
			return this;
		}

		/**
		 * Set the region, in {@code AWS_REGION} and the function ARN (default
		 * {@code us-east-1}).
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(String region) {
			this.runtimeApi.region(region);
			return this;
		}

		/**
		 * Set the account id of the function ARN (default {@code 123456789012}).
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(String accountId) {
			this.runtimeApi.accountId(accountId);
			return this;
		}

		/**
		 * Add a variable to the function's environment, as in its configuration; it can
		 * also carry the credentials Lambda derives from the execution role, or
		 * {@code JAVA_TOOL_OPTIONS}.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Add variables to the function's environment.
		 * @param environment the variables
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment.putAll(environment);
			return this;
		}

		/**
		 * Replace the JVM options (default {@link #DEFAULT_JVM_OPTIONS}).
		 * @param jvmOptions the options
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/**
		 * Put entries on the JVM's class path ahead of the runtime interface client's, as
		 * a container image's entry point can ({@code -cp "/var/task/lib/*"}): the
		 * function's classes then load from the application class loader, to which the
		 * runtime's own loader delegates, so that a class data archive recorded for that
		 * class path applies to them (default: none, as on the managed runtime).
		 * @param functionClassPath the jars and folders
		 * @return this builder
		 */
		public Builder functionClassPath(List<Path> functionClassPath) {
			this.functionClassPath = List.copyOf(functionClassPath);
			return this;
		}

		/**
		 * Set the jars of the runtime interface client and its dependencies (default:
		 * those {@link RuntimeInterfaceClient#classPath()} finds).
		 * @param runtimeClassPath the jars
		 * @return this builder
		 */
		Builder runtimeClassPath(List<Path> runtimeClassPath) {
			if (runtimeClassPath.isEmpty()) {
				throw new IllegalArgumentException("The runtime class path must not be empty");
			}
			this.runtimeClassPath = List.copyOf(runtimeClassPath);
			return this;
		}

		/**
		 * Set the {@code java} executable (default: this JVM's), or a launcher that ends
		 * by running {@code java} with the arguments it was given, such as one that first
		 * moves itself into a cgroup with a CPU quota.
		 * @param javaExecutable the executable
		 * @return this builder
		 */
		public Builder javaExecutable(Path javaExecutable) {
			this.javaExecutable = javaExecutable;
			return this;
		}

		/**
		 * Set the empty or absent folder into which a zip or jar is extracted (default: a
		 * temporary folder, deleted on {@link LambdaFunctionProcess#close()}).
		 * @param extractTo the folder
		 * @return this builder
		 */
		public Builder extractTo(Path extractTo) {
			this.extractTo = extractTo;
			return this;
		}

		/**
		 * Start the function process and its Runtime API. Init runs from here on; see
		 * {@link LambdaFunctionProcess#awaitInit()}.
		 * @return the running process
		 */
		public LambdaFunctionProcess start() {
			if (Files.isDirectory(this.code)) {
				return new LambdaFunctionProcess(this, this.code.toAbsolutePath(), false);
			}
			if (!Files.isRegularFile(this.code)) {
				throw new IllegalArgumentException("Function code " + this.code + " is neither a folder nor a file");
			}
			try {
				Path taskRoot = (this.extractTo != null) ? Files.createDirectories(this.extractTo)
						: Files.createTempDirectory("lambda-task-");
				extract(this.code, taskRoot.toAbsolutePath());
				return new LambdaFunctionProcess(this, taskRoot.toAbsolutePath(), this.extractTo == null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot extract " + this.code, ex);
			}
		}

		private static void extract(Path archive, Path taskRoot) throws IOException {
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					Path target = taskRoot.resolve(entry.getName()).normalize();
					if (!target.startsWith(taskRoot)) {
						throw new IOException("Entry " + entry.getName() + " of " + archive + " leaves the task root");
					}
					if (entry.isDirectory()) {
						Files.createDirectories(target);
					}
					else {
						Files.createDirectories(target.getParent());
						Files.copy(zip, target);
					}
				}
			}
		}

	}

}
