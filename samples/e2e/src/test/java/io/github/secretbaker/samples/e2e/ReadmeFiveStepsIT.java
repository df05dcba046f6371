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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the root README's "Your function in five steps" from the README's own snippets:
 * a project as start.spring.io generates it, with the snippets' dependencies, plugin,
 * manifest, application and test, baked against the local server's standalone jar started
 * as the README starts it, then the function invoked through {@code FunctionInvoker} by
 * the README's test. The nested builds run offline, with this reactor's artifacts from
 * the repository the invoker plugin installed them into and every other artifact from the
 * user's local repository.
 */
class ReadmeFiveStepsIT {

	private static final Pattern SNIPPET = Pattern.compile("<!-- five-steps: ([a-z-]+) -->\\n```[a-z]+\\n(.*?)```",
			Pattern.DOTALL);

	private static final List<String> STEPS = List.of("dependencies", "plugin", "manifest", "application", "seed",
			"server", "bake", "test", "run");

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

	private final String version = requiredProperty("e2e.projectVersion");

	private final Path project = Path.of(requiredProperty("e2e.workDirectory")).resolve("readme-five-steps");

	private final List<String> outputs = new ArrayList<>();

	private Process server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.destroy();
		}
	}

	@Test
	void readmeStepsBakeAndRunAFunctionThatSignsWithTheDecryptedKey() throws Exception {
		String readme = Files.readString(Path.of(requiredProperty("e2e.readme")));
		Map<String, String> snippets = snippets(readme);
		assertVersionsComeFromTheBuild(readme, snippets);
		createProject(snippets);
		String endpoint = startServer(snippets.get("server"));
		Map<String, String> environment = exports(snippets.get("bake"), endpoint);
		ProcessResult bake = maven(command(snippets.get("bake")), environment);
		assertThat(bake.succeeded()).as("step 4, %s:\n%s", bake.command(), bake.tail()).isTrue();
		String value = seededValue(snippets.get("seed"));
		JsonNode baked = JsonMapper.builder()
			.build()
			.readTree(this.project.resolve("target/classes/secret-baker-secrets.json").toFile());
		String secret = baked.propertyNames().iterator().next();
		assertThat(snippets.get("manifest")).contains(secret + ": ");
		assertThat(baked.get(secret).get("arn").asString()).endsWith(":parameter" + seededName(snippets.get("seed")));
		assertThat(baked.toString()).doesNotContain(value);
		ProcessResult run = maven(command(snippets.get("run")), environment);
		assertThat(run.succeeded()).as("step 5, %s:\n%s", run.command(), run.tail()).isTrue();
		Matcher response = Pattern.compile("^response \"?(sha256=[0-9a-f]{64})\"?$", Pattern.MULTILINE)
			.matcher(run.output());
		assertThat(response.find()).as("the function's response in:\n%s", run.tail()).isTrue();
		assertThat(response.group(1)).isEqualTo(hmac(value, payload(snippets.get("test"))));
		String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
		assertThat(this.outputs)
			.allSatisfy((output) -> assertThat(output).doesNotContain(value).doesNotContain(base64));
	}

	private static Map<String, String> snippets(String readme) {
		Map<String, String> snippets = new LinkedHashMap<>();
		Matcher matcher = SNIPPET.matcher(readme);
		while (matcher.find()) {
			assertThat(snippets.put(matcher.group(1), matcher.group(2)))
				.as("snippet '%s' in one place", matcher.group(1))
				.isNull();
		}
		assertThat(snippets.keySet())
			.as("the README's five-steps snippets, each after its <!-- five-steps: name --> marker")
			.containsExactlyElementsOf(STEPS);
		return snippets;
	}

	private void assertVersionsComeFromTheBuild(String readme, Map<String, String> snippets) throws IOException {
		Pattern secretBakerVersion = Pattern
			.compile("<artifactId>secret-baker-[a-z-]+</artifactId>\\s*<version>([^<]+)</version>");
		for (String step : List.of("dependencies", "plugin")) {
			Matcher matcher = secretBakerVersion.matcher(snippets.get(step));
			assertThat(matcher.find()).as("a secret-baker artifact with its version in snippet '%s'", step).isTrue();
			do {
				assertThat(matcher.group(1)).as("secret-baker's version in snippet '%s'", step).isEqualTo(this.version);
			}
			while (matcher.find());
		}
		assertThat(snippets.get("server")).contains("secret-baker-test-" + this.version + "-standalone.jar");
		String bootVersion = requiredProperty("e2e.springBootVersion");
		assertThat(readme).contains("(Spring Boot " + bootVersion.substring(0, bootVersion.lastIndexOf('.')) + ",");
		String sample = Files.readString(Path.of(requiredProperty("e2e.sampleDirectory"), "pom.xml"));
		Matcher lambdaCore = Pattern.compile("<aws-lambda-java-core.version>([^<]+)<").matcher(sample);
		assertThat(lambdaCore.find()).isTrue();
		assertThat(snippets.get("dependencies")).contains(
				"<artifactId>aws-lambda-java-core</artifactId>\n\t<version>" + lambdaCore.group(1) + "</version>");
	}

	/**
	 * Write the project start.spring.io generates for Maven with the Function dependency,
	 * then the README's snippets into it.
	 */
	private void createProject(Map<String, String> snippets) throws IOException {
		deleteRecursively(this.project);
		// An empty .mvn folder makes this folder the project's root, out of reach of this
		// repository's.
		Files.createDirectories(this.project.resolve(".mvn"));
		String pom = """
				<?xml version="1.0" encoding="UTF-8"?>
				<project xmlns="http://maven.apache.org/POM/4.0.0">
					<modelVersion>4.0.0</modelVersion>
					<parent>
						<groupId>org.springframework.boot</groupId>
						<artifactId>spring-boot-starter-parent</artifactId>
						<version>%s</version>
						<relativePath/>
					</parent>
					<groupId>com.example</groupId>
					<artifactId>demo</artifactId>
					<version>0.0.1-SNAPSHOT</version>
					<properties>
						<java.version>17</java.version>
						<spring-cloud.version>%s</spring-cloud.version>
					</properties>
					<dependencies>
				%s
						<dependency>
							<groupId>org.springframework.cloud</groupId>
							<artifactId>spring-cloud-function-context</artifactId>
						</dependency>
						<dependency>
							<groupId>org.springframework.boot</groupId>
							<artifactId>spring-boot-starter-test</artifactId>
							<scope>test</scope>
						</dependency>
					</dependencies>
					<dependencyManagement>
						<dependencies>
							<dependency>
								<groupId>org.springframework.cloud</groupId>
								<artifactId>spring-cloud-dependencies</artifactId>
								<version>${spring-cloud.version}</version>
								<type>pom</type>
								<scope>import</scope>
							</dependency>
						</dependencies>
					</dependencyManagement>
					<build>
						<plugins>
				%s
							<plugin>
								<groupId>org.springframework.boot</groupId>
								<artifactId>spring-boot-maven-plugin</artifactId>
							</plugin>
						</plugins>
					</build>
				</project>
				""".formatted(requiredProperty("e2e.springBootVersion"), requiredProperty("e2e.springCloudVersion"),
				snippets.get("dependencies"), snippets.get("plugin"));
		Files.writeString(this.project.resolve("pom.xml"), pom);
		Files.writeString(this.project.resolve("secret-baker.yml"), snippets.get("manifest"));
		Files.writeString(this.project.resolve("seed.yaml"), snippets.get("seed"));
		writeJavaSource("src/main/java", snippets.get("application"));
		writeJavaSource("src/test/java", snippets.get("test"));
	}

	private void writeJavaSource(String root, String source) throws IOException {
		Matcher packageName = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
		Matcher className = Pattern.compile("^(?:public )?class (\\w+)", Pattern.MULTILINE).matcher(source);
		assertThat(packageName.find()).as("a package declaration in:\n%s", source).isTrue();
		assertThat(className.find()).as("a top-level class in:\n%s", source).isTrue();
		Path file = this.project.resolve(root)
			.resolve(packageName.group(1).replace('.', '/'))
			.resolve(className.group(1) + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
	}

	/**
	 * Start the standalone jar with the README's arguments, and return the endpoint it
	 * prints first.
	 */
	private String startServer(String snippet) throws IOException {
		List<String> words = List.of(snippet.strip().split("\\s+"));
		assertThat(words.subList(0, 2)).as("step 4 starts the server with java -jar").containsExactly("java", "-jar");
		Path jar = Path.of(requiredProperty("e2e.standaloneJar"));
		assertThat(jar).as("the standalone jar: build secret-baker-test first").isRegularFile();
		assertThat(words.get(2)).isEqualTo(jar.getFileName().toString());
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
		command.addAll(words.subList(3, words.size()));
		this.server = new ProcessBuilder(command).directory(this.project.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.server.getInputStream(), StandardCharsets.UTF_8));
		String endpoint = output.readLine();
		assertThat(endpoint).as("the endpoint the server prints first").isNotNull().startsWith("http://127.0.0.1:");
		return endpoint;
	}

	/**
	 * Return the variables the README's bake step exports, its example endpoint replaced
	 * by the one the server printed.
	 */
	private static Map<String, String> exports(String snippet, String endpoint) {
		String line = snippet.lines()
			.filter((candidate) -> candidate.startsWith("export "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("step 4 exports the endpoint, region and credentials"));
		Map<String, String> environment = new LinkedHashMap<>();
		for (String assignment : line.substring("export ".length()).strip().split("\\s+")) {
			int equals = assignment.indexOf('=');
			environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
		}
		assertThat(environment.get("AWS_ENDPOINT_URL")).as("the example endpoint of step 4")
			.matches("http://127\\.0\\.0\\.1:\\d+");
		environment.put("AWS_ENDPOINT_URL", endpoint);
		return environment;
	}

	private static List<String> command(String snippet) {
		String line = snippet.lines()
			.filter((candidate) -> candidate.startsWith("./mvnw "))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("a ./mvnw command in:\n" + snippet));
		return List.of(line.substring("./mvnw ".length()).strip().split("\\s+"));
	}

	private static String seededValue(String seed) {
		return seededParameter(seed).get("value").asString();
	}

	private static String seededName(String seed) {
		return seededParameter(seed).get("name").asString();
	}

	private static JsonNode seededParameter(String seed) {
		JsonNode parameters = YAMLMapper.builder().build().readTree(seed).get("parameters");
		assertThat(parameters.size()).as("one parameter in the seed of step 4").isEqualTo(1);
		return parameters.get(0);
	}

	private static String payload(String test) {
		Matcher matcher = Pattern.compile("byte\\[\\] event = \"\\\\\"(.*?)\\\\\"\"").matcher(test);
		assertThat(matcher.find()).as("the event the test of step 5 sends").isTrue();
		return matcher.group(1);
	}

	private static String hmac(String key, String payload) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
	}

	private ProcessResult maven(List<String> arguments, Map<String, String> exported) {
		String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
		List<String> command = new ArrayList<>(
				List.of(Path.of(requiredProperty("e2e.mavenHome"), "bin", executable).toString(), "-B", "-ntp", "-o",
						"-Dmaven.repo.local=" + requiredProperty("e2e.localRepository"),
						"-Dmaven.repo.local.tail=" + requiredProperty("e2e.localRepositoryTail")));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet()
			.removeIf(
					(name) -> name.startsWith("AWS_") || name.startsWith("SECRET_BAKER_") || name.startsWith("MAVEN_"));
		environment.putAll(exported);
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("MAVEN_OPTS", "-Xmx512m");
		String description = "./mvnw " + String.join(" ", arguments);
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
			ProcessResult result = new ProcessResult(description, process.exitValue(),
					new String(output, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
			this.outputs.add(result.output());
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + description, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + description, ex);
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
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

}
