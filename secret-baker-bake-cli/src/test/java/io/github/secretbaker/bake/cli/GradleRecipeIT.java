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

package io.github.secretbaker.bake.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's Gradle recipe as Gradle's {@code JavaExec} task would, since Gradle
 * itself cannot run here: the main class, arguments and class path (the plain jar and its
 * declared dependencies) are read from the README's {@code build.gradle.kts} snippet, so
 * that the snippet cannot drift from what works.
 */
@LocalAwsTest
class GradleRecipeIT {

	private static final Pattern DEPENDENCY = Pattern.compile("secretBakerCli\\(\"([^:\"]+):([^:\"]+):([^:\"]+)\"\\)");

	private static final Pattern MAIN_CLASS = Pattern.compile("mainClass\\.set\\(\"([^\"]+)\"\\)");

	private static final Pattern OUTPUT = Pattern
		.compile("val output = layout\\.buildDirectory\\.file\\(\"([^\"]+)\"\\)");

	private static final Pattern ARGS = Pattern.compile("^\\s*args\\((.*)\\)\\s*$", Pattern.MULTILINE);

	private static final Pattern MANIFEST = Pattern.compile("inputs\\.file\\(\"([^\"]+)\"\\)");

	private final LocalAwsServer server;

	@TempDir
	Path project;

	GradleRecipeIT(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void readmeJavaExecRecipeBakesWithThePlainJarAndItsDependencies() throws Exception {
		String snippet = readmeSnippet();
		Matcher dependency = find(DEPENDENCY, snippet);
		assertThat(dependency.group(1) + ":" + dependency.group(2))
			.isEqualTo("io.github.secretbaker:secret-baker-bake-cli");
		assertThat(dependency.group(3)).isEqualTo(System.getProperty("secret-baker.version"));
		assertThat(snippet).contains("classpath = secretBakerCli");
		String mainClass = find(MAIN_CLASS, snippet).group(1);
		Path output = this.project.resolve("build").resolve(find(OUTPUT, snippet).group(1));
		List<String> arguments = arguments(find(ARGS, snippet).group(1), output);
		String manifest = find(MANIFEST, snippet).group(1);

		String keyArn = this.server.createKey("alias/gradle");
		String arn = this.server.putSecureString("/app/db/password", "gradle, \"secret\" $1 .*\n", keyArn);
		Files.writeString(this.project.resolve(manifest), "secrets:\n  DB_PASSWORD: /app/db/password\n");
		Files.createDirectories(output.getParent());

		List<String> classPath = classPath();
		assertThat(classPath).first()
			.satisfies((jar) -> assertThat(Path.of(jar).getFileName().toString())
				.isEqualTo("secret-baker-bake-cli-" + dependency.group(3) + ".jar"));
		assertThat(classPath).noneMatch((jar) -> jar.endsWith("-exec.jar"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						String.join(File.pathSeparator, classPath), mainClass));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_"));
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_REGION", this.server.region());
		environment.put("AWS_ENDPOINT_URL", this.server.endpoint().toString());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		assertThat(out).doesNotContain("gradle, \"secret\"");
		BakedSecrets baked = BakedSecretsFile.read(output);
		assertThat(baked.get("DB_PASSWORD").arn()).isEqualTo(arn);
		assertThat(baked.get("DB_PASSWORD").keyId()).isEqualTo(keyArn);
	}

	/**
	 * Return the one {@code build.gradle.kts} snippet with a {@code JavaExec} task among
	 * the repository's Markdown files.
	 */
	private static String readmeSnippet() throws IOException {
		Path root = Path.of(System.getProperty("secret-baker.repository-root", ".."));
		Pattern block = Pattern.compile("```kotlin\\n(.*?)```", Pattern.DOTALL);
		List<String> snippets = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : (Iterable<Path>) files.filter((path) -> path.toString().endsWith(".md"))
				.filter((path) -> !path.toString().contains("/target/"))::iterator) {
				Matcher matcher = block.matcher(Files.readString(file));
				while (matcher.find()) {
					if (matcher.group(1).contains("JavaExec")) {
						snippets.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(snippets).as("the README's Gradle JavaExec recipe, in exactly one place").hasSize(1);
		return snippets.get(0);
	}

	private static List<String> arguments(String expression, Path output) {
		List<String> arguments = new ArrayList<>();
		for (String argument : expression.split(",")) {
			String trimmed = argument.strip();
			if (trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
				arguments.add(trimmed.substring(1, trimmed.length() - 1));
			}
			else {
				assertThat(trimmed).as("an argument of the README's args(...)").isEqualTo("output.get().asFile.path");
				arguments.add(output.toString());
			}
		}
		return arguments;
	}

	private static List<String> classPath() throws IOException {
		String jar = System.getProperty("secret-baker.plain-jar");
		String dependencies = Files.readString(Path.of(System.getProperty("secret-baker.runtime-class-path"))).strip();
		List<String> classPath = new ArrayList<>();
		classPath.add(jar);
		if (!dependencies.isEmpty()) {
			classPath.addAll(List.of(dependencies.split(File.pathSeparator)));
		}
		return classPath;
	}

	private static Matcher find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("the README's Gradle recipe has %s", pattern).isTrue();
		return matcher;
	}

}
