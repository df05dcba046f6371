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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.secretbaker.test.lambda.runtime.Invocation.Status;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaFunctionProcess}: a real function process under AWS's runtime
 * interface client, against its {@link LocalRuntimeApi}.
 */
class LambdaFunctionProcessTests {

	private static final String HANDLER = TestFunctionHandler.class.getName() + "::handleRequest";

	private static final String CLASS_ENTRY = TestFunctionHandler.class.getName().replace('.', '/') + ".class";

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void answersEventsThroughTheRuntimeInterfaceClientLoadingTheFunctionFromLib() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.functionName("orders")
			.memorySize(1024)
			.timeout(Duration.ofSeconds(20))
			.start()) {
			Init init = function.awaitInit();
			assertThat(init.status()).as(function.output()).isEqualTo(Init.Status.READY);
			assertThat(init.duration()).isPositive().isLessThan(LambdaFunctionProcess.DEFAULT_INIT_TIMEOUT);
			Invocation first = function.invoke("{\"id\":1}");
			Invocation second = function.invoke("{\"id\":2}");
			assertThat(first.status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
			JsonNode response = this.json.readTree(first.responseText());
			assertThat(response.get("requestId").asString()).isEqualTo(first.requestId());
			assertThat(response.get("functionArn").asString())
				.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
			assertThat(response.get("functionName").asString()).isEqualTo("orders");
			assertThat(response.get("memoryLimit").asInt()).isEqualTo(1024);
			assertThat(response.get("remainingTime").asInt()).isBetween(1, 20_000);
			assertThat(response.get("taskRoot").asString()).isEqualTo(taskRoot.toAbsolutePath().toString());
			assertThat(response.get("classLoader").asString())
				.isEqualTo("com.amazonaws.services.lambda.runtime.api.client.CustomerClassLoader");
			assertThat(response.get("event").get("id").asInt()).isEqualTo(1);
			assertThat(this.json.readTree(second.responseText()).get("event").get("id").asInt()).isEqualTo(2);
			assertThat(function.output()).contains("TestFunctionHandler initialized in " + taskRoot.toAbsolutePath());
			assertThat(function.report(first)).startsWith("REPORT RequestId: " + first.requestId() + "\tDuration: ")
				.contains("\tMemory Size: 1024 MB")
				.contains("\tInit Duration: ");
			assertThat(function.report(second)).doesNotContain("Init Duration");
			assertThat(function.runtimeApi().invocations()).extracting(Invocation::requestId)
				.containsExactly(first.requestId(), second.requestId());
		}
	}

	@Test
	void loadsTheFunctionFromTheJvmsClassPathWhenItIsPutAheadOfTheRuntimes() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		Path jar = taskRoot.resolve("lib/function.jar");
		writeJar(jar);
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.functionClassPath(List.of(jar))
			.start()) {
			assertThat(function.awaitInit().status()).as(function.output()).isEqualTo(Init.Status.READY);
			Invocation invocation = function.invoke("{\"id\":1}");
			assertThat(invocation.status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
			assertThat(this.json.readTree(invocation.responseText()).get("classLoader").asString())
				.isEqualTo("jdk.internal.loader.ClassLoaders$AppClassLoader");
		}
	}

	@Test
	void emulatesASnapStartRestoreTimingTheRestoreHooks() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.environment("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
			.environment("RESTORE_MILLIS", "300")
			.start()) {
			assertThat(function.awaitInit().status()).as(function.output()).isEqualTo(Init.Status.READY);
			Invocation invocation = function.invoke("{}");
			assertThat(invocation.status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
			assertThat(function.restoreDuration()).as(function.output())
				.hasValueSatisfying((duration) -> assertThat(duration).isBetween(Duration.ofMillis(300),
						LambdaFunctionProcess.DEFAULT_INIT_TIMEOUT));
			assertThat(function.restoreError()).isEmpty();
			assertThat(function.output()).containsSubsequence("TestFunctionHandler before checkpoint",
					"TestFunctionHandler after restore of 300 ms");
		}
	}

	@Test
	void hasNoRestoreOnAnOnDemandStart() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.environment("RESTORE_MILLIS", "300")
			.start()) {
			assertThat(function.invoke("{}").status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
			assertThat(function.restoreDuration()).isEmpty();
			assertThat(function.output()).doesNotContain("TestFunctionHandler after restore");
		}
	}

	@Test
	void extractsAZipIntoTheTaskRoot() throws IOException {
		Path zip = this.temp.resolve("function.zip");
		writeJar(zip);
		Path taskRoot = this.temp.resolve("extracted");
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(zip, HANDLER).extractTo(taskRoot).start()) {
			Invocation invocation = function.invoke("{}");
			assertThat(invocation.status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
			assertThat(taskRoot.resolve(CLASS_ENTRY)).isRegularFile();
			assertThat(this.json.readTree(invocation.responseText()).get("taskRoot").asString())
				.isEqualTo(taskRoot.toAbsolutePath().toString());
		}
	}

	@Test
	void reportsAFailedInitThroughInitErrorAndExitsAsTheRuntimeClientDoes() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.environment("FAIL_INIT", "The configuration is incomplete")
			.start()) {
			Init init = function.awaitInit();
			assertThat(init.status()).as(function.output()).isEqualTo(Init.Status.FAILED);
			assertThat(init.exitCode()).isEqualTo(1);
			assertThat(init.error()).isNotNull();
			assertThat(init.error().runtimeErrorType()).isEqualTo("Runtime.BadFunctionCode");
			assertThat(init.error().errorType()).isEqualTo("java.lang.IllegalStateException");
			assertThat(init.error().errorMessage()).isEqualTo("The configuration is incomplete");
			assertThat(function.runtimeApi().initError()).contains(init.error());
			assertThat(function.output()).contains("The configuration is incomplete: java.lang.IllegalStateException");
			Invocation invocation = function.invoke("{}");
			assertThat(invocation.status()).isEqualTo(Status.INIT_FAILED);
			assertThat(invocation.error()).isEqualTo(init.error());
		}
	}

	@Test
	void reportsAHandlerExceptionAsAnInvocationErrorAndKeepsServing() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER).start()) {
			Invocation failed = function.invoke("\"fail\"");
			assertThat(failed.status()).as(function.output()).isEqualTo(Status.FAILED);
			assertThat(failed.error()).isNotNull();
			assertThat(failed.error().runtimeErrorType()).isEqualTo("Runtime.UserException");
			assertThat(failed.error().errorType()).isEqualTo("java.lang.IllegalArgumentException");
			assertThat(failed.error().errorMessage()).isEqualTo("Cannot handle \"fail\"");
			assertThat(failed.error().stackTrace()).anyMatch((frame) -> frame.contains("TestFunctionHandler"));
			assertThat(function.invoke("{}").status()).isEqualTo(Status.SUCCEEDED);
		}
	}

	@Test
	void stopsAFunctionThatOutlastsItsDeadline() throws IOException {
		Path taskRoot = this.temp.resolve("task");
		writeJar(taskRoot.resolve("lib/function.jar"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.timeout(Duration.ofSeconds(1))
			.start()) {
			Invocation invocation = function.invoke("\"sleep\"");
			assertThat(invocation.status()).isEqualTo(Status.TIMED_OUT);
			assertThat(invocation.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			assertThat(function.waitForExit(Duration.ofSeconds(5))).isPresent();
		}
	}

	@Test
	void startsTheJvmThroughALauncherThatExecsJavaInItsOwnProcess() throws IOException {
		Path taskRoot = this.temp.resolve("launched");
		writeJar(taskRoot.resolve("lib/function.jar"));
		Path pidFile = this.temp.resolve("launcher.pid");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path launcher = Files.writeString(this.temp.resolve("launcher.sh"),
				"#!/bin/sh\necho $$ > '" + pidFile + "' && exec '" + java + "' \"$@\"\n");
		assertThat(launcher.toFile().setExecutable(true)).isTrue();
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.javaExecutable(launcher)
			.initTimeout(Duration.ofSeconds(60))
			.start()) {
			Init init = function.awaitInit();
			assertThat(init.status()).as(function.output()).isEqualTo(Init.Status.READY);
			assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(function.pid()));
			assertThat(function.invoke("{\"id\":7}").status()).as(function.output()).isEqualTo(Status.SUCCEEDED);
		}
	}

	@Test
	void reportsAProcessThatExitsDuringInit() throws IOException {
		Path taskRoot = Files.createDirectories(this.temp.resolve("empty"));
		try (LambdaFunctionProcess function = LambdaFunctionProcess.builder(taskRoot, HANDLER)
			.jvmOptions(java.util.List.of("-XX:+UnknownOptionOfNoJvm"))
			.start()) {
			Init init = function.awaitInit();
			assertThat(init.status()).isEqualTo(Init.Status.RUNTIME_EXITED);
			assertThat(init.exitCode()).isEqualTo(1);
			assertThat(function.output()).contains("UnknownOptionOfNoJvm");
		}
	}

	private static void writeJar(Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			for (Class<?> type : List.of(TestFunctionHandler.class, TestFunctionHandler.SlowRestore.class)) {
				String entry = type.getName().replace('.', '/') + ".class";
				try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
					out.putNextEntry(new ZipEntry(entry));
					in.transferTo(out);
					out.closeEntry();
				}
			}
		}
	}

}
