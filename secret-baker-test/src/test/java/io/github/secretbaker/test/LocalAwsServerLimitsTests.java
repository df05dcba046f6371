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

package io.github.secretbaker.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limits of {@link LocalAwsServer}: methods, body size, stalled clients and
 * the bounded worker pool. They talk to {@code 127.0.0.1} only, and bound every loop.
 */
class LocalAwsServerLimitsTests {

	private static final long HUNDRED_MB = 100L * 1024 * 1024;

	private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kms/"
			+ "aws4_request, SignedHeaders=host, Signature=0000";

	private LocalAwsServer server;

	@BeforeEach
	void startServer() {
		this.server = LocalAwsServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void answersMethodsOtherThanPostWithAnAwsErrorAndServesNothing() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.endpoint() + "/"))
				.header("X-Amz-Target", "TrentService.ListKeys")
				.header("Authorization", AUTHORIZATION)
				.method(method, HttpRequest.BodyPublishers.ofString("{}"))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).as(method).hasValue("POST");
			assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(method)
				.hasValue("UnknownOperationException");
			assertThat(response.body()).as(method).contains("\"__type\":\"UnknownOperationException\"");
		}
		HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(this.server.endpoint() + "/"))
			.header("X-Amz-Target", "TrentService.ListKeys")
			.header("Authorization", AUTHORIZATION)
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(405);
		assertThat(this.server.callCounts()).isEmpty();
	}

	@Test
	void refusesThreeConcurrentHundredMegabyteBodiesWithoutReadingThem() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(3);
		try {
			List<Callable<Upload>> uploads = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				uploads.add(this::uploadWithContentLength);
			}
			for (Future<Upload> future : executor.invokeAll(uploads, 60, TimeUnit.SECONDS)) {
				Upload upload = future.get();
				assertThat(upload.statusLine()).startsWith("HTTP/1.1 413");
				assertThat(upload.bytesSent()).isLessThan(HUNDRED_MB / 10);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.kmsClient().listKeys().keys()).isNotEmpty();
	}

	@Test
	void stopsReadingAChunkedBodyAtTheLimit() throws Exception {
		long sent;
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			sent = 0;
			try {
				while (sent < HUNDRED_MB) {
					out.write(chunk);
					sent += chunk.length;
				}
			}
			catch (IOException ex) {
				// the server closed the connection once it had answered
			}
		}
		assertThat(sent).isGreaterThan(AwsJsonHandler.MAX_BODY_BYTES).isLessThan(HUNDRED_MB / 10);
	}

	@Test
	void closesStalledClientsWithoutAThreadEachAndKeepsAnswering() throws Exception {
		int port = this.server.endpoint().getPort();
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 1500; i++) {
				Socket socket = connect();
				socket.getOutputStream()
					.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: TrentService.ListKeys\r\n"
						.getBytes(StandardCharsets.US_ASCII));
				stalled.add(socket);
			}
			long started = System.nanoTime();
			try (KmsClient kms = this.server.kmsClientBuilder()
				.overrideConfiguration((configuration) -> configuration.apiCallTimeout(Duration.ofSeconds(30)))
				.build()) {
				assertThat(kms.listKeys().keys()).isNotEmpty();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.isLessThan(Duration.ofSeconds(LocalAwsServer.REQUEST_TIMEOUT_SECONDS * 4L));
			assertThat(workerThreads(port)).isLessThanOrEqualTo(LocalAwsServer.MAX_WORKERS);
			for (Socket socket : stalled) {
				assertThat(readsEndOfStream(socket)).isTrue();
			}
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
	}

	private Upload uploadWithContentLength() throws IOException {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(headers("Content-Length: " + HUNDRED_MB).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String statusLine = in.readLine();
			byte[] block = new byte[64 * 1024];
			long sent = 0;
			try {
				while (sent < HUNDRED_MB) {
					out.write(block);
					sent += block.length;
				}
			}
			catch (IOException ex) {
				// the server closed the connection after answering
			}
			return new Upload(statusLine, sent);
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.server.endpoint().getPort()), 5000);
		socket.setSoTimeout(30_000);
		return socket;
	}

	private static String headers(String lengthHeader) {
		return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + AwsJsonHandler.CONTENT_TYPE
				+ "\r\nX-Amz-Target: TrentService.ListKeys\r\nAuthorization: " + AUTHORIZATION + "\r\n" + lengthHeader
				+ "\r\n\r\n";
	}

	private static boolean readsEndOfStream(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			while (true) {
				if (in.read() == -1) {
					return true;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// a reset also means the server closed the connection
			return true;
		}
	}

	private static long workerThreads(int port) {
		String prefix = LocalAwsServer.threadNamePrefix(port);
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix))
			.count();
	}

	private record Upload(String statusLine, long bytesSent) {
	}

}
