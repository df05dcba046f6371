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

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.github.secretbaker.aws.internal.SigV4Signer;
import io.github.secretbaker.kms.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * A small, strict HTTP/1.1 client over the JDK's sockets, for the few AWS calls
 * secret-baker makes. It logs nothing (unlike the JDK's {@code HttpURLConnection}, which
 * writes every request's headers, credentials included, to its logger at debug level),
 * keeps up to a given number of connections per origin alive for reuse, verifies the
 * server's certificate and host name as the JDK does, trusting the Amazon Trust Services
 * roots before the JVM's trust store, and ends every exchange, from connecting to the
 * last byte of the answer, at its {@link Deadline}.
 *
 * @since 0.1.0
 */
public final class HttpTransport implements AutoCloseable {

	private static final int MAX_STATUS_LINE = 1024;

	private static final int MAX_HEADER_BYTES = 16 * 1024;

	private static final int MAX_HEADERS = 100;

	private static final byte[] CRLF = { '\r', '\n' };

	private static final Object WATCHDOG_LOCK = new Object();

	private static volatile @Nullable ScheduledExecutorService watchdog;

	private final int maxIdleConnections;

	private final int maxAnswerBytes;

	private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();

	private boolean closed;

	/**
	 * Create a transport.
	 * @param maxIdleConnections the most connections kept open per origin for reuse
	 * @param maxAnswerBytes the largest answer body read; a larger one is refused
	 */
	public HttpTransport(int maxIdleConnections, int maxAnswerBytes) {
		if (maxIdleConnections < 0 || maxAnswerBytes < 0) {
			throw new IllegalArgumentException("Limits must be zero or positive");
		}
		this.maxIdleConnections = maxIdleConnections;
		this.maxAnswerBytes = maxAnswerBytes;
	}

	/**
	 * Send a request and read its whole answer before the deadline. A connection that was
	 * kept open and turns out to be closed by the server before it answered is replaced
	 * once.
	 * @param request the request
	 * @param deadline when the exchange must be over
	 * @param abort where to register the connection, so that another thread can close it
	 * @return the answer; the caller clears its body once read
	 * @throws IOException if the exchange fails: a {@link SocketTimeoutException} when
	 * the deadline passed, a {@link ProtocolException} for an answer that is not strict
	 * HTTP/1.1 within the limits
	 */
	public Response exchange(Request request, Deadline deadline, @Nullable Abort abort) throws IOException {
		Objects.requireNonNull(request, "'request' must not be null");
		Objects.requireNonNull(deadline, "'deadline' must not be null");
		byte[] head = head(request);
		Connection reused = takeIdle(request.origin());
		if (reused != null) {
			try {
				return exchange(reused, request, head, deadline, abort);
			}
			catch (StaleConnectionException ex) {
				// The server closed a kept-alive connection before reading the request:
				// it was never processed, so it is sent once more on a new connection.
			}
		}
		if (deadline.hasPassed()) {
			throw new DeadlineExceededException();
		}
		return exchange(null, request, head, deadline, abort);
	}

	/**
	 * Close every connection kept for reuse.
	 */
	@Override
	public void close() {
		List<Connection> toClose = new ArrayList<>();
		synchronized (this.idle) {
			this.closed = true;
			this.idle.values().forEach(toClose::addAll);
			this.idle.clear();
		}
		toClose.forEach(Connection::close);
	}

	/**
	 * Load and run the request path without the network: write a request head, create the
	 * socket factory and, for an HTTPS endpoint, run one TLS handshake between two
	 * sockets of this JVM on the loopback address ({@link TlsWarmUp}), which leaves no
	 * connection and no session behind.
	 * @param uri an endpoint the transport will call
	 */
	public void prime(URI uri) {
		head(new Request("POST", uri, List.of(), new byte[0]));
		if ("https".equals(uri.getScheme())) {
			try {
				TlsTrust.socketFactory();
				TlsWarmUp.handshake();
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				// Priming is best effort: the first real call reports what is wrong.
			}
		}
	}

	private Response exchange(@Nullable Connection reused, Request request, byte[] head, Deadline deadline,
			@Nullable Abort abort) throws IOException {
		Connection connection = reused;
		ScheduledFuture<?> alarm = null;
		boolean keep = false;
		try {
			if (connection == null) {
				connection = new Connection(request.origin());
				if (abort != null) {
					abort.register(connection);
				}
				alarm = schedule(connection, deadline);
				connection.open(request.uri(), deadline);
			}
			else {
				if (abort != null) {
					abort.register(connection);
				}
				alarm = schedule(connection, deadline);
			}
			try {
				connection.send(head, request.body(), deadline);
			}
			catch (IOException ex) {
				if (reused != null && !connection.timedOut) {
					throw new StaleConnectionException();
				}
				throw ex;
			}
			Response response = read(connection, request, deadline, reused != null);
			keep = response.reusable();
			return response;
		}
		catch (IOException ex) {
			// Every read and connect waits no longer than the time left, so a socket
			// timeout means the deadline passed as surely as the watchdog closing the
			// socket does.
			if ((connection != null && connection.timedOut) || ex instanceof SocketTimeoutException) {
				throw new DeadlineExceededException();
			}
			throw ex;
		}
		finally {
			if (alarm != null) {
				alarm.cancel(false);
			}
			if (connection != null) {
				if (keep && !connection.timedOut && !connection.aborted) {
					putIdle(connection);
				}
				else {
					connection.close();
				}
			}
		}
	}

	private Response read(Connection connection, Request request, Deadline deadline, boolean reused)
			throws IOException {
		String statusLine = connection.readLine(MAX_STATUS_LINE, deadline, reused);
		int status = status(statusLine);
		boolean http10 = statusLine.startsWith("HTTP/1.0 ");
		Map<String, List<String>> headers = new HashMap<>();
		connection.readHeaders(headers, deadline);
		boolean close = http10 ? !hasToken(headers, "connection", "keep-alive")
				: hasToken(headers, "connection", "close");
		List<String> encodings = headers.getOrDefault("transfer-encoding", List.of());
		List<String> lengths = headers.getOrDefault("content-length", List.of());
		if (status == 204 || status == 304 || request.method().equals("HEAD")) {
			return new Response(status, headers, new byte[0], 0, !close);
		}
		if (!encodings.isEmpty()) {
			if (!lengths.isEmpty() || encodings.size() != 1 || !encodings.get(0).equalsIgnoreCase("chunked")) {
				throw new ProtocolException("answer with a transfer encoding other than chunked");
			}
			Body body = connection.readChunked(this.maxAnswerBytes, status, deadline);
			connection.readHeaders(new HashMap<>(), deadline);
			return new Response(status, headers, body.bytes, body.length, !close);
		}
		if (!lengths.isEmpty()) {
			long length = contentLength(lengths);
			if (length > this.maxAnswerBytes) {
				throw new AnswerTooLargeException(this.maxAnswerBytes, status);
			}
			byte[] bytes = new byte[(int) length];
			connection.readFully(bytes, 0, bytes.length, deadline);
			return new Response(status, headers, bytes, bytes.length, !close);
		}
		Body body = connection.readToEnd(this.maxAnswerBytes, status, deadline);
		return new Response(status, headers, body.bytes, body.length, false);
	}

	private @Nullable Connection takeIdle(String origin) {
		synchronized (this.idle) {
			ArrayDeque<Connection> connections = this.idle.get(origin);
			return (connections != null) ? connections.pollLast() : null;
		}
	}

	private void putIdle(Connection connection) {
		synchronized (this.idle) {
			ArrayDeque<Connection> connections = this.idle.computeIfAbsent(connection.origin,
					(key) -> new ArrayDeque<>());
			if (!this.closed && connections.size() < this.maxIdleConnections) {
				connections.addLast(connection);
				return;
			}
		}
		connection.close();
	}

	private static byte[] head(Request request) {
		URI uri = request.uri();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		StringBuilder head = new StringBuilder(256).append(request.method())
			.append(' ')
			.append(path)
			.append((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
			.append(" HTTP/1.1\r\nHost: ")
			.append(hostHeader(uri))
			.append("\r\n");
		for (Map.Entry<String, String> header : request.headers()) {
			String name = header.getKey();
			if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
					|| name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Connection")
					|| name.equalsIgnoreCase("Expect")) {
				continue;
			}
			checkHeader(name, header.getValue());
			head.append(name).append(": ").append(header.getValue()).append("\r\n");
		}
		boolean hasBody = request.body().length > 0 || !request.method().equals("GET");
		if (hasBody) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		head.append("\r\n");
		return head.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void checkHeader(String name, String value) {
		if (name.isEmpty()) {
			throw new IllegalArgumentException("A header name must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c >= 127 || c == ':') {
				throw new IllegalArgumentException("A header name may hold visible ASCII characters only");
			}
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < ' ' && c != '\t') || c >= 127) {
				// Never quote the value: it may be a credential.
				throw new IllegalArgumentException("The value of header " + name + " holds a control character");
			}
		}
	}

	// The Host header sent must be the one signed: the signer owns that rule.
	static String hostHeader(URI uri) {
		return SigV4Signer.hostHeader(uri);
	}

	private static int status(String line) throws ProtocolException {
		if (!(line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 ")) || line.length() < 12
				|| (line.length() > 12 && line.charAt(12) != ' ')) {
			throw new ProtocolException("answer that does not start with an HTTP/1.1 status line");
		}
		int status = 0;
		for (int i = 9; i < 12; i++) {
			char c = line.charAt(i);
			if (c < '0' || c > '9') {
				throw new ProtocolException("answer with an invalid HTTP status");
			}
			status = status * 10 + (c - '0');
		}
		if (status < 200 || status > 599) {
			throw new ProtocolException("answer with HTTP status " + status + ", which this client does not handle");
		}
		return status;
	}

	private static long contentLength(List<String> values) throws ProtocolException {
		long length = -1;
		for (String value : values) {
			for (String part : value.split(",", -1)) {
				String digits = part.strip();
				if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
					throw new ProtocolException("answer with an invalid Content-Length");
				}
				long parsed = Long.parseLong(digits);
				if (length != -1 && parsed != length) {
					throw new ProtocolException("answer with contradicting Content-Length headers");
				}
				length = parsed;
			}
		}
		return length;
	}

	private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
		for (String value : headers.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				if (part.strip().equalsIgnoreCase(token)) {
					return true;
				}
			}
		}
		return false;
	}

	private static ScheduledFuture<?> schedule(Connection connection, Deadline deadline) {
		return watchdog().schedule(connection::expire, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
	}

	private static ScheduledExecutorService watchdog() {
		ScheduledExecutorService executor = watchdog;
		if (executor == null) {
			synchronized (WATCHDOG_LOCK) {
				executor = watchdog;
				if (executor == null) {
					ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, (runnable) -> {
						Thread thread = new Thread(runnable, "secret-baker-http-deadline");
						thread.setDaemon(true);
						return thread;
					});
					created.setRemoveOnCancelPolicy(true);
					executor = created;
					watchdog = executor;
				}
			}
		}
		return executor;
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equals(uri.getScheme()) ? 443 : 80;
	}

	private static boolean isIpLiteral(String host) {
		return host.indexOf(':') >= 0 || host.chars().allMatch((c) -> (c >= '0' && c <= '9') || c == '.');
	}

	/**
	 * A request: method, URI, headers and body. The transport sets {@code Host} and
	 * {@code Content-Length} itself.
	 *
	 * @param method the method, such as {@code POST}
	 * @param uri the absolute {@code http} or {@code https} URI
	 * @param headers the headers, in order
	 * @param body the body, possibly empty
	 * @since 0.1.0
	 */
	public record Request(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {

		/**
		 * Create a request.
		 * @param method the method, such as {@code POST}
		 * @param uri the absolute {@code http} or {@code https} URI
		 * @param headers the headers, in order
		 * @param body the body, possibly empty
		 */
		public Request {
			Objects.requireNonNull(method, "'method' must not be null");
			Objects.requireNonNull(uri, "'uri' must not be null");
			Objects.requireNonNull(headers, "'headers' must not be null");
			Objects.requireNonNull(body, "'body' must not be null");
			String scheme = uri.getScheme();
			if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
				throw new IllegalArgumentException("Only absolute http and https URIs with a host can be called");
			}
		}

		String origin() {
			return this.uri.getScheme() + "://" + this.uri.getHost() + ":" + port(this.uri);
		}

		@Override
		public String toString() {
			return "Request[" + this.method + " " + this.uri.getHost() + "]";
		}

	}

	/**
	 * An answer. Header names are in lower case.
	 *
	 * @param status the HTTP status
	 * @param headers the headers by lower-case name
	 * @param body the buffer holding the body
	 * @param length the length of the body in the buffer
	 * @param reusable whether the connection may carry another request
	 * @since 0.1.0
	 */
	public record Response(int status, Map<String, List<String>> headers, byte[] body, int length, boolean reusable) {

		/**
		 * Return the first value of a header.
		 * @param name the name, in any case
		 * @return the value or {@code null}
		 */
		public @Nullable String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		/**
		 * Overwrite the body with zeros.
		 */
		public void clear() {
			Arrays.fill(this.body, (byte) 0);
		}

		@Override
		public String toString() {
			return "Response[status=" + this.status + ", length=" + this.length + "]";
		}

	}

	/**
	 * Lets another thread close the connection of an exchange in progress.
	 *
	 * @since 0.1.0
	 */
	public static final class Abort {

		private @Nullable Connection connection;

		private boolean aborted;

		synchronized void register(Connection connection) {
			this.connection = connection;
			if (this.aborted) {
				connection.abort();
			}
		}

		/**
		 * Close the connection of the exchange, which then fails.
		 */
		public synchronized void abort() {
			this.aborted = true;
			if (this.connection != null) {
				this.connection.abort();
			}
		}

	}

	/**
	 * The deadline of an exchange passed before it was over.
	 */
	public static final class DeadlineExceededException extends SocketTimeoutException {

		DeadlineExceededException() {
			super("the deadline passed");
		}

	}

	/**
	 * The answer body is larger than the transport reads.
	 */
	public static final class AnswerTooLargeException extends ProtocolException {

		private final int limit;

		private final int status;

		AnswerTooLargeException(int limit, int status) {
			super("answer larger than " + limit + " bytes");
			this.limit = limit;
			this.status = status;
		}

		/**
		 * Return the largest answer body read.
		 * @return the limit in bytes
		 */
		public int limit() {
			return this.limit;
		}

		/**
		 * Return the status of the answer that was too large.
		 * @return the HTTP status
		 */
		public int status() {
			return this.status;
		}

	}

	/**
	 * A kept-alive connection was closed by the server before any answer.
	 */
	private static final class StaleConnectionException extends IOException {

	}

	/**
	 * A body read into a buffer.
	 */
	private record Body(byte[] bytes, int length) {
	}

	/**
	 * One connection, its buffered streams and its deadline state.
	 */
	static final class Connection {

		private final String origin;

		private @Nullable Socket socket;

		private @Nullable InputStream in;

		private @Nullable OutputStream out;

		private volatile boolean timedOut;

		private volatile boolean aborted;

		Connection(String origin) {
			this.origin = origin;
		}

		void open(URI uri, Deadline deadline) throws IOException {
			String host = uri.getHost();
			String address = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
			int port = port(uri);
			Socket plain = new Socket();
			this.socket = plain;
			plain.setTcpNoDelay(true);
			plain.connect(new InetSocketAddress(InetAddress.getByName(address), port), timeoutMillis(deadline));
			if ("https".equals(uri.getScheme())) {
				SSLSocket tls = (SSLSocket) TlsTrust.socketFactory().createSocket(plain, address, port, true);
				this.socket = tls;
				SSLParameters parameters = tls.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				if (!isIpLiteral(address)) {
					parameters.setServerNames(List.of(new SNIHostName(address)));
				}
				tls.setSSLParameters(parameters);
				tls.setSoTimeout(timeoutMillis(deadline));
				tls.startHandshake();
			}
			this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
			this.out = new BufferedOutputStream(this.socket.getOutputStream(), 8192);
		}

		void send(byte[] head, byte[] body, Deadline deadline) throws IOException {
			OutputStream out = Objects.requireNonNull(this.out);
			Objects.requireNonNull(this.socket).setSoTimeout(timeoutMillis(deadline));
			out.write(head);
			out.write(body);
			out.flush();
		}

		String readLine(int max, Deadline deadline, boolean first) throws IOException {
			StringBuilder line = new StringBuilder(64);
			while (true) {
				int b = read(deadline);
				if (b == -1) {
					if (first && line.length() == 0) {
						throw new StaleConnectionException();
					}
					throw new EOFException("connection closed in the middle of an answer");
				}
				if (b == '\r') {
					if (read(deadline) != '\n') {
						throw new ProtocolException("answer with a line not ended by CRLF");
					}
					return line.toString();
				}
				if (b == '\n') {
					throw new ProtocolException("answer with a line not ended by CRLF");
				}
				if (line.length() >= max) {
					throw new ProtocolException("answer with a line longer than " + max + " bytes");
				}
				line.append((char) b);
			}
		}

		void readHeaders(Map<String, List<String>> headers, Deadline deadline) throws IOException {
			int total = 0;
			int count = 0;
			while (true) {
				String line = readLine(MAX_HEADER_BYTES, deadline, false);
				if (line.isEmpty()) {
					return;
				}
				total += line.length() + 2;
				count++;
				if (total > MAX_HEADER_BYTES || count > MAX_HEADERS) {
					throw new ProtocolException("answer with more than " + MAX_HEADERS + " headers or "
							+ (MAX_HEADER_BYTES / 1024) + " KiB of headers");
				}
				int colon = line.indexOf(':');
				if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
						|| line.substring(0, colon).chars().anyMatch((c) -> c <= ' ' || c >= 127)) {
					throw new ProtocolException("answer with a malformed header line");
				}
				String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
				headers.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(line.substring(colon + 1).strip());
			}
		}

		Body readChunked(int max, int status, Deadline deadline) throws IOException {
			byte[] buffer = new byte[1024];
			int length = 0;
			while (true) {
				String sizeLine = readLine(MAX_STATUS_LINE, deadline, false);
				int semicolon = sizeLine.indexOf(';');
				String hex = ((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).strip();
				if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
					Arrays.fill(buffer, (byte) 0);
					throw new ProtocolException("answer with an invalid chunk size");
				}
				long size = Long.parseLong(hex, 16);
				if (size == 0) {
					return new Body(buffer, length);
				}
				if (length + size > max) {
					Arrays.fill(buffer, (byte) 0);
					throw new AnswerTooLargeException(max, status);
				}
				if (length + size > buffer.length) {
					byte[] larger = Arrays.copyOf(buffer,
							(int) Math.min(max, Math.max(buffer.length * 2L, length + size)));
					Arrays.fill(buffer, (byte) 0);
					buffer = larger;
				}
				try {
					readFully(buffer, length, (int) size, deadline);
					length += (int) size;
					if (read(deadline) != '\r' || read(deadline) != '\n') {
						throw new ProtocolException("answer with a chunk not ended by CRLF");
					}
				}
				catch (IOException ex) {
					Arrays.fill(buffer, (byte) 0);
					throw ex;
				}
			}
		}

		Body readToEnd(int max, int status, Deadline deadline) throws IOException {
			byte[] buffer = new byte[1024];
			int length = 0;
			InputStream in = Objects.requireNonNull(this.in);
			try {
				while (true) {
					if (length == buffer.length) {
						if (length >= max + 1) {
							throw new AnswerTooLargeException(max, status);
						}
						byte[] larger = Arrays.copyOf(buffer, Math.min(max + 1, buffer.length * 2));
						Arrays.fill(buffer, (byte) 0);
						buffer = larger;
					}
					prepareRead(deadline);
					int read = in.read(buffer, length, buffer.length - length);
					if (read < 0) {
						if (length > max) {
							throw new AnswerTooLargeException(max, status);
						}
						return new Body(buffer, length);
					}
					length += read;
				}
			}
			catch (IOException ex) {
				Arrays.fill(buffer, (byte) 0);
				throw ex;
			}
		}

		void readFully(byte[] buffer, int offset, int length, Deadline deadline) throws IOException {
			InputStream in = Objects.requireNonNull(this.in);
			int done = 0;
			while (done < length) {
				prepareRead(deadline);
				int read = in.read(buffer, offset + done, length - done);
				if (read < 0) {
					throw new EOFException("connection closed in the middle of an answer");
				}
				done += read;
			}
		}

		private int read(Deadline deadline) throws IOException {
			prepareRead(deadline);
			return Objects.requireNonNull(this.in).read();
		}

		private void prepareRead(Deadline deadline) throws IOException {
			if (this.timedOut || deadline.hasPassed()) {
				this.timedOut = true;
				throw new DeadlineExceededException();
			}
			if (Objects.requireNonNull(this.in).available() == 0) {
				Objects.requireNonNull(this.socket).setSoTimeout(timeoutMillis(deadline));
			}
		}

		void expire() {
			this.timedOut = true;
			close();
		}

		void abort() {
			this.aborted = true;
			close();
		}

		void close() {
			Socket socket = this.socket;
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Closing is best effort; the connection is dropped either way.
				}
			}
		}

		private static int timeoutMillis(Deadline deadline) {
			long millis = TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos() + 999_999);
			return (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
		}

	}

}
