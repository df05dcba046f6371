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

package io.github.secretbaker.samples.consumer;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys this repository with {@code -Prelease} into a file repository, as a release
 * deploys to Maven Central, then builds a user's function whose local repository holds no
 * secret-baker artifact, so that the starter and the plugin can only come from that file
 * repository: the plugin bakes against the local KMS and SSM server, and the function
 * starts and reads the secret.
 */
@LocalAwsTest
class PublishedArtifactsIT {

	private static final String GROUP_PATH = "io/github/secretbaker";

	private static final List<String> PUBLISHED = List.of("secret-baker-core", "secret-baker-bake",
			"secret-baker-bake-cli", "secret-baker-autoconfigure", "secret-baker-spring-boot-starter",
			"secret-baker-boot3-autoconfigure", "secret-baker-spring-boot3-starter", "secret-baker-maven-plugin",
			"secret-baker-test");

	private static final String REPOSITORY_ID = "secret-baker-release";

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(15);

	private static final SecureRandom random = new SecureRandom();

	private final LocalAwsServer server;

	private final Path workDirectory = Path.of(requiredProperty("consumer.workDirectory"));

	private final String version = requiredProperty("consumer.projectVersion");

	PublishedArtifactsIT(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void functionBuiltOnlyFromTheDeployedRepositoryBakesAndStarts() throws IOException {
		deleteRecursively(this.workDirectory);
		Path releaseRepository = this.workDirectory.resolve("release-repository");
		ProcessResult deploy = deployWithReleaseProfile(releaseRepository);
		assertThat(deploy.exitCode()).as("release deploy:\n%s", deploy.tail()).isZero();
		assertPublishedArtifacts(releaseRepository);

		String keyArn = this.server.createKey("alias/consumer");
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String signingKey = "ck_, \"$1 .*" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.server.putSecureString("/consumer/signing-key", signingKey, keyArn);

		Path function = copy(Path.of(requiredProperty("consumer.functionDirectory")),
				this.workDirectory.resolve("function"));
		Path localRepository = localRepositoryWithoutSecretBaker(this.workDirectory.resolve("consumer-repository"));
		ProcessResult build = run("mvn package of the consumer function", function,
				List.of(maven(), "-B", "-ntp", "-f", function.resolve("pom.xml").toString(),
						"-Dmaven.repo.local=" + localRepository,
						"-Dsecret-baker.repository=" + releaseRepository.toUri(),
						"-Dsecret-baker.version=" + this.version, "-Dsecret-baker.endpoint=" + this.server.endpoint(),
						"-Dsecret-baker.region=" + this.server.region(), "package"));
		assertThat(build.exitCode()).as("consumer build:\n%s", build.tail()).isZero();
		assertThat(build.output()).contains("Baked 1 secret");
		assertResolvedOnlyFromReleaseRepository(localRepository);
		assertThat(libraries(function.resolve("target/consumer-function-1.0.0.jar")))
			.as("the default light client runs without the SDK's KMS client, its JSON protocol or HTTP client")
			.anyMatch((library) -> library.startsWith("secret-baker-core-"))
			.noneMatch((library) -> library.startsWith("kms-") || library.startsWith("aws-json-protocol-")
					|| library.startsWith("url-connection-client-"));

		String payload = "order-42, \"EUR\"";
		ProcessResult started = run("java -jar consumer-function", function,
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						function.resolve("target/consumer-function-1.0.0.jar").toString(),
						"--consumer.input=" + payload));
		assertThat(started.exitCode()).as("java -jar:\n%s", started.tail()).isZero();
		assertThat(started.output()).contains("signature sha256=" + hmac(signingKey, payload));
		for (String output : List.of(deploy.output(), build.output(), started.output())) {
			assertThat(output).doesNotContain(signingKey)
				.doesNotContain(Base64.getEncoder().encodeToString(signingKey.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private static List<String> libraries(Path bootJar) throws IOException {
		try (JarFile jar = new JarFile(bootJar.toFile())) {
			return jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
	}

	private ProcessResult deployWithReleaseProfile(Path releaseRepository) {
		Path source = copy(Path.of(requiredProperty("consumer.repositoryRoot")), this.workDirectory.resolve("source"));
		return run("mvn -Prelease deploy", source, List.of(maven(), "-B", "-ntp", "-f",
				source.resolve("pom.xml").toString(), "-Prelease", "-pl", "!samples/consumer", "-DskipTests",
				"-Dmaven.repo.local=" + this.workDirectory.resolve("build-repository"),
				"-Dmaven.repo.local.tail=" + requiredProperty("consumer.localRepository"),
				"-DaltDeploymentRepository=" + REPOSITORY_ID + "-test::" + releaseRepository.toUri(), "deploy"));
	}

	private void assertPublishedArtifacts(Path releaseRepository) throws IOException {
		Path group = releaseRepository.resolve(GROUP_PATH);
		List<String> deployed;
		try (Stream<Path> children = Files.list(group)) {
			deployed = children.filter(Files::isDirectory).map((path) -> path.getFileName().toString()).toList();
		}
		List<String> expected = new ArrayList<>(PUBLISHED);
		expected.add("secret-baker-parent");
		assertThat(deployed).as("the modules deployed; samples, benchmarks and test suites are not")
			.containsExactlyInAnyOrderElementsOf(expected);
		for (String artifactId : PUBLISHED) {
			List<String> files = filesOf(group.resolve(artifactId).resolve(this.version));
			for (String suffix : List.of(".jar", ".pom", "-sources.jar", "-javadoc.jar", "-cyclonedx.json")) {
				Pattern file = Pattern.compile(Pattern.quote(artifactId + "-" + this.version.replace("-SNAPSHOT", ""))
						+ (this.version.endsWith("-SNAPSHOT") ? "-\\d{8}\\.\\d{6}-\\d+" : "") + Pattern.quote(suffix));
				assertThat(files).as("%s: %s", artifactId, suffix).anyMatch((name) -> file.matcher(name).matches());
			}
			assertThat(files).as("%s is signed only when a key is given", artifactId)
				.noneMatch((name) -> name.endsWith(".asc"));
		}
		String parentPom = Files.readString(filesOf(group.resolve("secret-baker-parent").resolve(this.version)).stream()
			.filter((name) -> name.endsWith(".pom"))
			.map(group.resolve("secret-baker-parent").resolve(this.version)::resolve)
			.findFirst()
			.orElseThrow());
		assertThat(parentPom).contains("<name>Apache License, Version 2.0</name>")
			.contains("<url>https://github.com/secret-baker/secret-baker</url>")
			.contains("<developers>")
			.contains("<connection>scm:git:https://github.com/secret-baker/secret-baker.git</connection>")
			.contains("<issueManagement>");
	}

	private void assertResolvedOnlyFromReleaseRepository(Path localRepository) throws IOException {
		Path group = localRepository.resolve(GROUP_PATH);
		assertThat(Files.isSymbolicLink(group)).isFalse();
		for (String artifactId : List.of("secret-baker-spring-boot-starter", "secret-baker-autoconfigure",
				"secret-baker-core", "secret-baker-maven-plugin", "secret-baker-bake")) {
			assertThat(filesOf(group.resolve(artifactId).resolve(this.version))).as(artifactId)
				.contains("maven-metadata-" + REPOSITORY_ID + ".xml");
		}
	}

	/**
	 * Return a local repository that links every group of the user's local repository
	 * except secret-baker's, so that third-party artifacts need no download and
	 * secret-baker's must be resolved from a remote repository.
	 */
	private static Path localRepositoryWithoutSecretBaker(Path target) throws IOException {
		Path source = Path.of(requiredProperty("consumer.localRepository"));
		linkAllBut(source, target, List.of("io"));
		linkAllBut(source.resolve("io"), target.resolve("io"), List.of("github"));
		linkAllBut(source.resolve("io/github"), target.resolve("io/github"), List.of("secretbaker"));
		Files.createDirectories(target.resolve(GROUP_PATH));
		return target;
	}

	private static void linkAllBut(Path source, Path target, List<String> excluded) throws IOException {
		Files.createDirectories(target);
		if (!Files.isDirectory(source)) {
			return;
		}
		try (Stream<Path> children = Files.list(source)) {
			for (Path child : (Iterable<Path>) children::iterator) {
				String name = child.getFileName().toString();
				if (!excluded.contains(name)) {
					Files.createSymbolicLink(target.resolve(name), child);
				}
			}
		}
	}

	private ProcessResult run(String description, Path directory, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_") || name.startsWith("SECRET_BAKER_"));
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_REGION", this.server.region());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put("SECRET_BAKER_ENDPOINT", this.server.endpoint().toString());
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("MAVEN_OPTS", "-Xmx1g");
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
			return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + description, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + description, ex);
		}
	}

	private static String maven() {
		String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
		return Path.of(requiredProperty("consumer.mavenHome"), "bin", executable).toString();
	}

	private static String hmac(String key, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> filesOf(Path folder) throws IOException {
		try (Stream<Path> children = Files.list(folder)) {
			return children.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	/**
	 * Copy a source tree without its build output and version control.
	 */
	private static Path copy(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path relative = source.relativize(path);
				if (isExcluded(relative)) {
					continue;
				}
				Path destination = target.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING,
							StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + source, ex);
		}
	}

	private static boolean isExcluded(Path relative) {
		for (Path element : relative) {
			String name = element.toString();
			if (name.equals("target") || name.equals(".git")) {
				return true;
			}
		}
		return false;
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		// Files.walk does not follow the links of a local repository built from the
		// user's.
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean " + folder, ex);
		}
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(
					"System property '" + name + "' is not set: run through Maven (./mvnw verify)");
		}
		return value;
	}

	private record ProcessResult(int exitCode, String output) {

		String tail() {
			String[] lines = this.output.split("\n");
			return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
		}

	}

}
