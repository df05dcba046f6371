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

package io.github.secretbaker.samples.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The whole secret-baker chain on the webhook-signer sample: a local KMS and SSM server
 * with generated secrets, a real Maven build of the sample that bakes them through the
 * plugin and packages both jars, and both jars started in fresh JVMs the way they run in
 * production. Shared by the end-to-end tests and the demo.
 */
final class WebhookSignerScenario implements AutoCloseable {

	static final String SIGNING_KEY_PARAMETER = "/webhook-signer/signing-key";

	static final String API_TOKEN_PARAMETER = "/webhook-signer/payment-api-token";

	static final String FUNCTION_HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	static final String MAIN_CLASS = "io.github.secretbaker.samples.webhooksigner.WebhookSignerApplication";

	private static final String PLUGIN = "io.github.secretbaker:secret-baker-maven-plugin:0.1.0-SNAPSHOT";

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration PROCESS_EXIT_WAIT = Duration.ofSeconds(10);

	private static final SecureRandom random = new SecureRandom();

	private final LocalAwsServer server;

	private final Path sample;

	private final Path workDirectory;

	private final List<String> secretValues = Collections.synchronizedList(new ArrayList<>());

	private String keyArn = "";

	private String signingKey = "";

	private String apiToken = "";

	private WebhookSignerScenario(LocalAwsServer server, Path sample, Path workDirectory) {
		this.server = server;
		this.sample = sample;
		this.workDirectory = workDirectory;
	}

	/**
	 * Start a local server and copy the sample into a fresh work folder.
	 * @param name the name of the work folder
	 * @return the scenario
	 */
	static WebhookSignerScenario start(String name) {
		Path workDirectory = Path.of(requiredProperty("e2e.workDirectory")).resolve(name);
		Path sample = workDirectory.resolve("webhook-signer");
		deleteRecursively(workDirectory);
		copySample(Path.of(requiredProperty("e2e.sampleDirectory")), sample);
		return new WebhookSignerScenario(LocalAwsServer.start(), sample, workDirectory);
	}

	LocalAwsServer server() {
		return this.server;
	}

	String keyArn() {
		return this.keyArn;
	}

	String apiToken() {
		return this.apiToken;
	}

	/**
	 * Return which secrets leak into the given output, as plaintext or as ciphertext of
	 * any parameter version, described without quoting them.
	 * @param output the output to search
	 * @return a description of each leak, empty when there is none
	 */
	List<String> leaksIn(String output) {
		List<String> leaks = new ArrayList<>();
		if (secretValues().stream().anyMatch(output::contains)) {
			leaks.add("a secret value");
		}
		if (secretValues().stream().map(WebhookSignerScenario::base64).anyMatch(output::contains)) {
			leaks.add("the base64 of a secret value");
		}
		for (String name : List.of(SIGNING_KEY_PARAMETER, API_TOKEN_PARAMETER)) {
			this.server.ssmClient()
				.getParameterHistoryPaginator((request) -> request.name(name).withDecryption(false))
				.stream()
				.flatMap((page) -> page.parameters().stream())
				.filter((version) -> output.contains(version.value()))
				.forEach((version) -> leaks.add("the ciphertext of " + name + " version " + version.version()));
		}
		return leaks;
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private List<String> secretValues() {
		return List.copyOf(this.secretValues);
	}

	Path repackagedJar() {
		return this.sample.resolve("target/webhook-signer-0.1.0-SNAPSHOT.jar");
	}

	Path shadedJar() {
		return this.sample.resolve("target/webhook-signer-0.1.0-SNAPSHOT-aws.jar");
	}

	/**
	 * Create the customer key and the sample's SecureStrings, with generated values.
	 */
	void createSecrets() {
		this.keyArn = this.server.createKey("alias/webhook-signer");
		this.signingKey = newSecret("whsec_");
		this.apiToken = newSecret("pat_");
		this.server.putSecureString(SIGNING_KEY_PARAMETER, this.signingKey, this.keyArn);
		this.server.putSecureString(API_TOKEN_PARAMETER, this.apiToken, this.keyArn);
	}

	/**
	 * Give the signing key a new value, as a rotation does.
	 */
	void rotateSigningKey() {
		this.signingKey = newSecret("whsec_");
		this.server.putSecureString(SIGNING_KEY_PARAMETER, this.signingKey, this.keyArn);
	}

	private String newSecret(String prefix) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String value = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.secretValues.add(value);
		return value;
	}

	/**
	 * Run {@code mvn package} on the sample: the plugin bakes, then both jars are built.
	 * @return the build's result
	 */
	ProcessResult packageSample() {
		return maven("package");
	}

	/**
	 * Run {@code mvn package -Paot} on the sample: the plugin bakes, Spring AOT processes
	 * the application, then both jars are built.
	 * @return the build's result
	 */
	ProcessResult packageAotProcessedSample() {
		return maven("-Paot", "package");
	}

	/**
	 * Run the plugin's {@code check} goal, the drift gate.
	 * @return the build's result
	 */
	ProcessResult checkDrift() {
		return maven(PLUGIN + ":check");
	}

	/**
	 * Run the plugin's {@code verify} goal as the function's execution role, which it
	 * assumes through the local server's STS.
	 * @return the build's result
	 */
	ProcessResult verifyAsFunctionRole() {
		return maven(PLUGIN + ":verify", "-Dsecret-baker.role-arn=" + functionRoleArn());
	}

	/**
	 * Return the ARN of the function's execution role.
	 * @return the role ARN
	 */
	String functionRoleArn() {
		return "arn:aws:iam::" + this.server.accountId() + ":role/webhook-signer";
	}

	private ProcessResult maven(String... goals) {
		String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
		List<String> command = new ArrayList<>(List.of(
				Path.of(requiredProperty("e2e.mavenHome"), "bin", executable).toString(), "-B", "-ntp", "-f",
				this.sample.resolve("pom.xml").toString(),
				"-Dmaven.repo.local=" + requiredProperty("e2e.localRepository"),
				"-Dmaven.repo.local.tail=" + requiredProperty("e2e.localRepositoryTail"),
				"-Dsecret-baker.endpoint=" + this.server.endpoint(), "-Dsecret-baker.region=" + this.server.region()));
		command.addAll(List.of(goals));
		return run("mvn " + String.join(" ", goals), command);
	}

	/**
	 * Start the Spring Boot jar with {@code java -jar}, signing one order.
	 * @param order the order as JSON
	 * @return the process result
	 */
	ProcessResult runRepackagedJar(String order) {
		return run("java -jar " + repackagedJar().getFileName(),
				List.of(javaExecutable(), "-jar", repackagedJar().toString(), "--webhook-signer.order=" + order));
	}

	/**
	 * Deploy the shaded Lambda jar as Lambda does: extract it into a fresh task root,
	 * start AWS's runtime interface client on it with the function's configuration
	 * against a local Runtime API, wait for init and invoke {@code FunctionInvoker} with
	 * one event.
	 * @param event the event as JSON
	 * @param environment variables to add to the function's configuration
	 * @return what the run left
	 */
	LambdaRun invokeLambda(String event, Map<String, String> environment) {
		Path taskRoot = this.workDirectory.resolve("lambda-task");
		deleteRecursively(taskRoot);
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		long start = System.nanoTime();
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(shadedJar(), FUNCTION_HANDLER)
			.functionName("webhook-signer")
			.memorySize(1024)
			.region(this.server.region())
			.accountId(this.server.accountId())
			.extractTo(taskRoot)
			.environment("AWS_ACCESS_KEY_ID", credentials.accessKeyId())
			.environment("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey())
			.environment("SECRET_BAKER_ENDPOINT", this.server.endpoint().toString())
			.environment("MAIN_CLASS", MAIN_CLASS)
			.environment(environment)
			.start()) {
			Init init = function.awaitInit();
			Invocation invocation = function.invoke(event);
			if (init.status() != Init.Status.READY) {
				function.waitForExit(PROCESS_EXIT_WAIT);
			}
			return new LambdaRun(init, invocation, function.output(), function.report(invocation),
					Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private ProcessResult run(String description, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.sample.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_") || name.startsWith("SECRET_BAKER_"));
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_REGION", this.server.region());
		environment.put("SECRET_BAKER_ENDPOINT", this.server.endpoint().toString());
		environment.put("MAIN_CLASS", MAIN_CLASS);
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		long start = System.nanoTime();
		try {
			Process process = builder.start();
			byte[] output;
			try (var in = process.getInputStream()) {
				output = in.readAllBytes();
			}
			if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(description + " did not finish within " + PROCESS_TIMEOUT);
			}
			return new ProcessResult(description, process.exitValue(), new String(output, StandardCharsets.UTF_8),
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + description, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + description, ex);
		}
	}

	/**
	 * Return the HMAC-SHA256 signature the function must give for a payload under the
	 * current signing key.
	 * @param payload the payload
	 * @return {@code sha256=} and the hex HMAC
	 */
	String expectedSignature(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the names of the entries of a jar whose bytes contain one of the secret
	 * values.
	 * @param jar the jar
	 * @return the offending entries, empty when the jar holds no plaintext
	 */
	List<String> entriesContainingSecretValues(Path jar) {
		List<byte[]> needles = secretValues().stream().map((value) -> value.getBytes(StandardCharsets.UTF_8)).toList();
		List<String> offending = new ArrayList<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (!entry.isDirectory() && containsAny(zip.getInputStream(entry).readAllBytes(), needles)) {
					offending.add(entry.getName());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return offending;
	}

	/**
	 * Return the content of one jar entry.
	 * @param jar the jar
	 * @param name the entry name
	 * @return the content, or {@code null} if there is no such entry
	 */
	static byte[] entry(Path jar, String name) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			ZipEntry entry = zip.getEntry(name);
			return (entry != null) ? zip.getInputStream(entry).readAllBytes() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the GraalVM reachability metadata Spring AOT wrote into a jar, every file
	 * under {@code META-INF/native-image/} concatenated.
	 * @param jar the jar
	 * @return the metadata, empty when there is none
	 */
	String nativeImageHints(Path jar) {
		StringBuilder hints = new StringBuilder();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (!entry.isDirectory() && entry.getName().startsWith("META-INF/native-image/")) {
					hints.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return hints.toString();
	}

	private static boolean containsAny(byte[] content, List<byte[]> needles) {
		for (byte[] needle : needles) {
			outer: for (int i = 0; i <= content.length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (content[i + j] != needle[j]) {
						continue outer;
					}
				}
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property '" + name + "' is not set: run through Maven "
					+ "(./mvnw verify, or ./mvnw -Pdemo verify for the demo)");
		}
		return value;
	}

	private static void copySample(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path relative = source.relativize(path);
				if (relative.startsWith("target")) {
					continue;
				}
				Path destination = target.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy the sample from " + source, ex);
		}
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean " + folder, ex);
		}
	}

}
