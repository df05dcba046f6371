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

package io.github.secretbaker.kms.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on {@code 127.0.0.1} that answers every request with one canned answer,
 * to see how {@link HttpKmsDecrypter} reacts to bytes on the wire that the local KMS
 * server never sends. It records the requests and the connections they came on.
 */
final class CannedKmsServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "canned-kms");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile Answer answer = new Answer(200, "{}".getBytes(StandardCharsets.UTF_8), Map.of(), false);

	private CannedKmsServer() {
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static CannedKmsServer start() {
		return new CannedKmsServer();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	CannedKmsServer answer(int status, String body, String... headers) {
		Map<String, String> headerMap = new ConcurrentHashMap<>();
		for (int i = 0; i < headers.length; i += 2) {
			headerMap.put(headers[i], headers[i + 1]);
		}
		this.answer = new Answer(status, body.getBytes(StandardCharsets.UTF_8), headerMap, false);
		return this;
	}

	CannedKmsServer hang() {
		this.answer = new Answer(0, new byte[0], Map.of(), true);
		return this;
	}

	List<Request> requests() {
		return this.requests;
	}

	int connections() {
		return this.connections.size();
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.connections.add(exchange.getRemoteAddress());
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.requests.add(new Request(exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8)));
			Answer answer = this.answer;
			if (answer.hang()) {
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	record Request(Headers headers, String body) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	private record Answer(int status, byte[] body, Map<String, String> headers, boolean hang) {

	}

}
