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

package io.github.secretbaker.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringBootLineCheck} on real class paths: each line's
 * auto-configuration on the other line, and on Spring Boot 2.7, started in a JVM of its
 * own. They live in the Spring Boot 3 line's module, which is built after the Spring Boot
 * 4 line's.
 */
class SpringBootLineCheckApplicationTests {

	@Test
	void failsStartupOfTheSpringBoot4StarterOnSpringBoot3AndNamesTheSpringBoot3Starter() throws Exception {
		Started started = start(dependencies("spring-boot-3.classpath"), property("spring-boot-4.classes"));
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("The application runs Spring Boot 3.5.7, but the secret-baker auto-configuration on its class "
					+ "path (secret-baker-autoconfigure, brought by secret-baker-spring-boot-starter) supports "
					+ "Spring Boot 4.x only.")
			.contains("Replace the dependency io.github.secretbaker:secret-baker-spring-boot-starter with "
					+ "io.github.secretbaker:secret-baker-spring-boot3-starter (same version)");
		assertThat(started.output()).doesNotContain("\tat ");
	}

	@Test
	void failsStartupOfTheSpringBoot3StarterOnSpringBoot4AndNamesTheSpringBoot4Starter() throws Exception {
		Started started = start(dependencies("spring-boot-4.classpath"), property("spring-boot-3.classes"));
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("The application runs Spring Boot 4.1.2, but the secret-baker auto-configuration on its class "
					+ "path (secret-baker-boot3-autoconfigure, brought by secret-baker-spring-boot3-starter) "
					+ "supports Spring Boot 3.5.x only.")
			.contains("Replace the dependency io.github.secretbaker:secret-baker-spring-boot3-starter with "
					+ "io.github.secretbaker:secret-baker-spring-boot-starter (same version)");
		assertThat(started.output()).doesNotContain("\tat ").doesNotContain("NoClassDefFoundError");
	}

	@Test
	void failsStartupOnSpringBoot2AndNamesEverySupportedLine() throws Exception {
		List<String> springBoot2 = new ArrayList<>();
		try (Stream<Path> jars = Files.list(Path.of(property("spring-boot-2.jars")))) {
			jars.map(Path::toString).sorted().forEach(springBoot2::add);
		}
		Started started = start(springBoot2, property("spring-boot-3.classes"));
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("The application runs Spring Boot 2.7.18, but the secret-baker auto-configuration")
			.contains("No secret-baker starter supports Spring Boot 2.7.18.")
			.contains("Spring Boot 3.5.x: io.github.secretbaker:secret-baker-spring-boot3-starter")
			.contains("Spring Boot 4.x: io.github.secretbaker:secret-baker-spring-boot-starter");
		assertThat(started.output()).doesNotContain("\tat ");
	}

	private static Started start(List<String> springBoot, String autoConfiguration) throws Exception {
		List<String> classPath = new ArrayList<>(springBoot);
		classPath.add(autoConfiguration);
		// Logback, as every starter brings it; with SLF4J alone (from the AWS SDK) the
		// report would be dropped.
		classPath.add(location(Logger.class));
		classPath.add(location(Appender.class));
		classPath.add(property("application.classes"));
		Path output = Files.createTempFile("spring-boot-line", ".log");
		try {
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-Daws.disableEc2Metadata=true", "-cp", String.join(File.pathSeparator, classPath),
					SpringBootLineApplication.class.getName(), "--secret-baker.required=true")
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("The application did not end within 3 minutes");
			}
			return new Started(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.delete(output);
		}
	}

	private static String location(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	private static List<String> dependencies(String name) throws IOException {
		String classPath = Files.readString(Path.of(property(name)), StandardCharsets.UTF_8).strip();
		return List.of(classPath.split(File.pathSeparator));
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		assertThat(value).as("system property %s, set by the build", name).isNotBlank();
		return value;
	}

	private record Started(int exitCode, String output) {
	}

}
