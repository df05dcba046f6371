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

package io.github.secretbaker.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the plugin's goals, as the README gives them, with a Maven older than the one that
 * builds it: the {@code maven} package of Debian 12 and Ubuntu 24.04 (3.8.7), on a
 * project that declares the plugin. Third-party artifacts come from the user's local
 * repository (Maven 3.8 adds {@code plexus-utils} 1.1 to every plugin's class path, which
 * it may download).
 */
@LocalAwsTest
class OlderMavenIT {

	private static final Pattern MAVEN_VERSION = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)\\.(\\d+)");

	private final LocalAwsServer server;

	private final Path maven = Path.of(System.getProperty("older-maven.executable", "/usr/bin/mvn"));

	private final Path workDirectory = Path.of(requiredProperty("older-maven.workDirectory"));

	private final List<String> outputs = new ArrayList<>();

	private Path project;

	private Path localRepository;

	OlderMavenIT(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void prepareProjectAndRepository() throws IOException {
		assumeTrue(Files.isExecutable(this.maven), () -> "No older Maven at " + this.maven
				+ ": install the distribution's maven package or set -Dolder-maven.executable=<path to mvn>");
		Matcher version = mavenVersion();
		int major = Integer.parseInt(version.group(1));
		int minor = Integer.parseInt(version.group(2));
		assumeTrue(major == 3 && minor < 9, () -> this.maven + " is Maven " + version.group()
				+ ", not older than the 3.9 line that builds the plugin");
		deleteRecursively(this.workDirectory);
		this.project = Files.createDirectories(this.workDirectory.resolve("project"));
		// An empty .mvn folder makes this folder the project's root, out of reach of this
		// repository's.
		Files.createDirectories(this.project.resolve(".mvn"));
		Files.writeString(this.project.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
					<modelVersion>4.0.0</modelVersion>
					<groupId>com.example</groupId>
					<artifactId>function</artifactId>
					<version>1.0.0</version>
					<build>
						<plugins>
							<plugin>
								<groupId>io.github.secretbaker</groupId>
								<artifactId>secret-baker-maven-plugin</artifactId>
								<version>%s</version>
							</plugin>
						</plugins>
					</build>
				</project>
				""".formatted(requiredProperty("older-maven.pluginVersion")));
		Files.writeString(this.project.resolve("secret-baker.yml"), "secrets:\n  DB_PASSWORD: /app/db/password\n");
		this.localRepository = localRepository(this.workDirectory.resolve("repository"));
	}

	@Test
	void bakesAndPrintsThePolicyWithTheDistributionsMaven() throws IOException {
		String value = "p@ss, \"word\" $1 .* \n";
		String keyArn = this.server.createKey("alias/app");
		String arn = this.server.putSecureString("/app/db/password", value, keyArn);
		Result bake = maven("-B", "secret-baker:bake", "-Dsecret-baker.endpoint=" + this.server.endpoint(),
				"-Dsecret-baker.region=" + this.server.region());
		assertThat(bake.exitCode()).as("mvn secret-baker:bake:\n%s", bake.output()).isZero();
		assertThat(bake.output()).contains("Baked 1 secret");
		BakedSecrets baked = BakedSecretsFile.read(this.project.resolve("target/classes/secret-baker-secrets.json"));
		assertThat(baked.get("DB_PASSWORD").arn()).isEqualTo(arn);
		assertThat(baked.get("DB_PASSWORD").keyId()).isEqualTo(keyArn);
		Result printed = maven("-q", "secret-baker:policy");
		assertThat(printed.exitCode()).as("mvn -q secret-baker:policy:\n%s", printed.output()).isZero();
		// Maven 3.8 ends its output with a terminal reset code, even when redirected.
		assertPolicy(printed.output().replace("\u001b[0m", ""), keyArn, arn);
		Result written = maven("-q", "secret-baker:policy", "-Dsecret-baker.policy-output=policy.json");
		assertThat(written.exitCode()).as("mvn -q secret-baker:policy:\n%s", written.output()).isZero();
		assertPolicy(Files.readString(this.project.resolve("policy.json")), keyArn, arn);
		String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
		String ciphertext = this.server.ssmClient()
			.getParameter((request) -> request.name("/app/db/password").withDecryption(false))
			.parameter()
			.value();
		assertThat(this.outputs).allSatisfy((output) -> assertThat(output).doesNotContain(value.strip())
			.doesNotContain(base64)
			.doesNotContain(ciphertext));
	}

	private static void assertPolicy(String json, String keyArn, String parameterArn) {
		JsonNode statement = JsonMapper.builder().build().readTree(json);
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(statement.get("Resource").get(0).asString()).isEqualTo(keyArn);
		assertThat(statement.get("Condition")
			.get("StringEquals")
			.get("kms:EncryptionContext:PARAMETER_ARN")
			.get(0)
			.asString()).isEqualTo(parameterArn);
	}

	private Matcher mavenVersion() {
		Result result = run(List.of(this.maven.toString(), "-v"), Path.of("."));
		Matcher matcher = MAVEN_VERSION.matcher(result.output());
		assumeTrue(result.exitCode() == 0 && matcher.find(),
				() -> this.maven + " -v did not print a Maven version:\n" + result.output());
		return matcher;
	}

	private Result maven(String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(this.maven.toString(), "-ntp", "-Dmaven.repo.local=" + this.localRepository));
		command.addAll(List.of(arguments));
		Result result = run(command, this.project);
		this.outputs.add(result.output());
		return result;
	}

	private Result run(List<String> command, Path directory) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet()
			.removeIf(
					(name) -> name.startsWith("AWS_") || name.startsWith("SECRET_BAKER_") || name.startsWith("MAVEN_"));
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("MAVEN_OPTS", "-Xmx512m");
		try {
			Process process = builder.start();
			byte[] output;
			try (var in = process.getInputStream()) {
				output = in.readAllBytes();
			}
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a local repository for the older Maven, which has no repository tail: the
	 * user's local repository for third-party artifacts (linked group by group), and this
	 * reactor's artifacts from the repository the invoker plugin installed them into.
	 */
	private static Path localRepository(Path target) throws IOException {
		Path source = Path.of(requiredProperty("older-maven.localRepository"));
		Path reactor = Path.of(requiredProperty("older-maven.reactorRepository"));
		linkAllBut(source, target, List.of("io"));
		linkAllBut(source.resolve("io"), target.resolve("io"), List.of("github"));
		linkAllBut(source.resolve("io/github"), target.resolve("io/github"), List.of("secretbaker"));
		Files.createSymbolicLink(target.resolve("io/github/secretbaker"), reactor.resolve("io/github/secretbaker"));
		return target;
	}

	private static void linkAllBut(Path source, Path target, List<String> excluded) throws IOException {
		Files.createDirectories(target);
		if (!Files.isDirectory(source)) {
			return;
		}
		try (Stream<Path> children = Files.list(source)) {
			for (Path child : (Iterable<Path>) children::iterator) {
				if (!excluded.contains(child.getFileName().toString())) {
					Files.createSymbolicLink(target.resolve(child.getFileName().toString()), child);
				}
			}
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		// Files.walk does not follow the links into the user's local repository.
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
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

	private record Result(int exitCode, String output) {
	}

}
