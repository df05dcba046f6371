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
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalRuntimeApiMain}, with this test acting as the runtime over HTTP.
 */
class LocalRuntimeApiMainTests {

	private static final String BASE = "/2018-06-01/runtime/";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path temp;

	@Test
	void handsOutTheEventWithLambdasHeadersAndPrintsTheResponse() throws Exception {
		Path event = Files.writeString(this.temp.resolve("event.json"), "{\"orderId\":\"o-1\"}");
		CompletableFuture<Integer> exitCode = run("--function-name", "orders", "--timeout", "7", "--event",
				event.toString());
		String address = awaitAddress();
		long before = System.currentTimeMillis();
		HttpResponse<String> next = get(address, "invocation/next");
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.body()).isEqualTo("{\"orderId\":\"o-1\"}");
		String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
		long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
		assertThat(deadline).isBetween(before + 6_000, System.currentTimeMillis() + 7_000);
		assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
			.contains("arn:aws:lambda:us-east-1:123456789012:function:orders");
		assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
			.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
		assertThat(post(address, "invocation/not-a-request/response", "{}", null).statusCode()).isEqualTo(400);
		HttpResponse<String> accepted = post(address, "invocation/" + requestId + "/response", "{\"ok\":true}", null);
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("{\"ok\":true}");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("INIT_REPORT Init Duration: ")
			.contains("REPORT RequestId: " + requestId + "\tDuration: ");
	}

	@Test
	void reportsAnInitErrorAndExitsWithOne() throws Exception {
		CompletableFuture<Integer> exitCode = run();
		String address = awaitAddress();
		String error = "{\"errorMessage\":\"Cannot load\",\"errorType\":\"java.lang.IllegalStateException\"}";
		HttpResponse<String> accepted = post(address, "init/error", error, "Runtime.BadFunctionCode");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.body()).isEqualTo("{\"status\":\"OK\"}");
		assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("Status: error\tError Type: Runtime.BadFunctionCode")
			.contains(error);
	}

	@Test
	void refusesUnknownOptionsWithExitCodeTwo() {
		assertThat(LocalRuntimeApiMain.run(new String[] { "--bogus", "1" }, new PrintStream(this.out),
				new PrintStream(this.err)))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--bogus'");
	}

	private CompletableFuture<Integer> run(String... args) {
		PrintStream stdout = new PrintStream(this.out, true, StandardCharsets.UTF_8);
		PrintStream stderr = new PrintStream(this.err, true, StandardCharsets.UTF_8);
		return CompletableFuture.supplyAsync(() -> LocalRuntimeApiMain.run(args, stdout, stderr));
	}

	private String awaitAddress() throws InterruptedException {
		long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < giveUpAt) {
			String output = this.out.toString(StandardCharsets.UTF_8);
			int newline = output.indexOf('\n');
			if (newline != -1) {
				assertThat(output).startsWith("AWS_LAMBDA_RUNTIME_API=127.0.0.1:");
				return output.substring("AWS_LAMBDA_RUNTIME_API=".length(), newline).trim();
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The Runtime API printed no address");
	}

	private HttpResponse<String> get(String address, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://" + address + BASE + path)).GET().build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String address, String path, String body, String errorType)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + BASE + path))
			.POST(BodyPublishers.ofString(body));
		if (errorType != null) {
			request.header("Lambda-Runtime-Function-Error-Type", errorType);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
