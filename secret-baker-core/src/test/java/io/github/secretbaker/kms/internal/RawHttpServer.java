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

package io.github.secretbaker.kms.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on {@code 127.0.0.1} that writes raw bytes, to see how {@link HttpTransport}
 * reacts to answers no HTTP server library would send: dripping headers, malformed lines,
 * huge header blocks. Each request is answered by a script, connection after connection.
 */
public final class RawHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Script script;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private RawHttpServer(Script script) {
		this.script = script;
		try {
			this.serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "raw-http-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static RawHttpServer start(Script script) {
		return new RawHttpServer(script);
	}

	public static RawHttpServer answering(String answer) {
		return start((out) -> out.write(answer.getBytes(StandardCharsets.ISO_8859_1)));
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/");
	}

	public int connections() {
		return this.connections.get();
	}

	public int requests() {
		return this.requests.get();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				this.connections.incrementAndGet();
				Thread handler = new Thread(() -> serve(socket), "raw-http");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (readRequest(in)) {
				this.requests.incrementAndGet();
				this.script.answer(out);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client left.
		}
	}

	private static boolean readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				return false;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		for (String line : text.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				in.readNBytes(Integer.parseInt(line.substring(15).strip()));
			}
		}
		return true;
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// Best effort in a test.
		}
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Best effort in a test.
			}
		}
	}

	/**
	 * Writes the answer to one request.
	 */
	@FunctionalInterface
	public interface Script {

		void answer(OutputStream out) throws IOException, InterruptedException;

	}

}
