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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.secretbaker.test.lambda.runtime.Invocation.Status;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local AWS Lambda Runtime API, the documented {@code 2018-06-01} endpoints a runtime
 * polls in one execution environment: {@code GET /runtime/invocation/next} (long-polled,
 * answering with the {@code Lambda-Runtime-Aws-Request-Id},
 * {@code Lambda-Runtime-Deadline-Ms}, {@code Lambda-Runtime-Invoked-Function-Arn} and
 * {@code Lambda-Runtime-Trace-Id} headers),
 * {@code POST /runtime/invocation/<id>/response},
 * {@code POST /runtime/invocation/<id>/error} and {@code POST /runtime/init/error}. It
 * hands out the events given to {@link #submit} and records every answer, error and when
 * the runtime first asked for work, which is where Lambda's init phase ends.
 * <p>
 * It also emulates a Lambda SnapStart restore for a runtime started with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: {@code GET /runtime/restore/next},
 * which the runtime calls once its checkpoint hooks have run, ends init and is answered
 * at once, as if the snapshot had just been restored in the same process;
 * {@link #restoreDuration()} is then the time from that answer to the runtime's first
 * {@code next}, after its restore hooks ran. {@code POST /runtime/restore/error} records
 * a hook's failure.
 * <p>
 * It listens on {@code 127.0.0.1} only; {@link #address()} is the value of the
 * {@code AWS_LAMBDA_RUNTIME_API} environment variable.
 *
 * @since 0.1.0
 */
public final class LocalRuntimeApi implements AutoCloseable {

	/**
	 * The largest response Lambda accepts from a runtime for a synchronous invocation.
	 */
	public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

	/**
	 * How long a {@code next} call waits for an event before the server gives up on it,
	 * Lambda's longest function timeout.
	 */
	static final Duration MAX_NEXT_WAIT = Duration.ofMinutes(15);

	private static final String BASE = "/2018-06-01/runtime/";

	private static final Pattern INVOCATION_PATH = Pattern
		.compile("^" + Pattern.quote(BASE) + "invocation/([^/]+)/(response|error)$");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final SecureRandom random = new SecureRandom();

	private final String functionName;

	private final Duration timeout;

	private final String region;

	private final String accountId;

	private final HttpServer server;

	private final ExecutorService executor;

	private final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final List<Invocation> invocations = new ArrayList<>();

	private final CountDownLatch initEnded = new CountDownLatch(1);

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile long initEndedAt;

	private volatile boolean initialized;

	private volatile @Nullable FunctionError initError;

	private volatile long restoredAt;

	private volatile long restoreEndedAt;

	private volatile @Nullable FunctionError restoreError;

	private LocalRuntimeApi(Builder builder) {
		this.functionName = builder.functionName;
		this.timeout = builder.timeout;
		this.region = builder.region;
		this.accountId = builder.accountId;
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "local-runtime-api-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + builder.port, ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext(BASE, this::handle);
		this.server.start();
	}

	/**
	 * Start a Runtime API on a free port, for a function named {@code local-function}
	 * with a 30 s timeout in {@code us-east-1}.
	 * @return the running server
	 */
	public static LocalRuntimeApi start() {
		return builder().start();
	}

	/**
	 * Return a builder to configure the function the Runtime API serves.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return {@code 127.0.0.1:<port>}, the value of {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return the address
	 */
	public String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Return the name of the function whose ARN the invocations carry.
	 * @return the function name
	 */
	public String functionName() {
		return this.functionName;
	}

	/**
	 * Return the function timeout, from which each invocation's deadline is computed.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the region of the function, part of its ARN.
	 * @return the region
	 */
	String region() {
		return this.region;
	}

	/**
	 * Return the function's ARN, as the {@code Lambda-Runtime-Invoked-Function-Arn}
	 * header gives it.
	 * @return the ARN
	 */
	String functionArn() {
		return "arn:aws:lambda:" + this.region + ":" + this.accountId + ":function:" + this.functionName;
	}

	/**
	 * Queue an event for the runtime's next {@code next} call.
	 * @param event the event, as JSON
	 * @return the request id and the invocation's outcome, once known
	 */
	public PendingInvocation submit(byte[] event) {
		Pending invocation = new Pending(UUID.randomUUID().toString(), event.clone());
		this.pending.put(invocation.requestId, invocation);
		this.queue.add(invocation);
		return invocation.handle;
	}

	/**
	 * Wait until the runtime either asks for its first event or reports an init error.
	 * @param timeout the longest time to wait
	 * @return {@code true} if init ended within the timeout
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitInitEnd(Duration timeout) throws InterruptedException {
		return this.initEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Return when init ended, on the {@link System#nanoTime()} clock: the runtime's first
	 * {@code next} call, or its {@code init/error} post.
	 * @return the time, empty while init has not ended
	 */
	public OptionalLong initEndedAt() {
		return (this.initEnded.getCount() == 0) ? OptionalLong.of(this.initEndedAt) : OptionalLong.empty();
	}

	/**
	 * Return whether the runtime asked for an event, which ends a successful init.
	 * @return whether the function is initialized
	 */
	boolean initialized() {
		return this.initialized;
	}

	/**
	 * Return how long the runtime took from the emulated restore ({@code restore/next}
	 * answered) to its first {@code next}, after its restore hooks ran.
	 * @return the duration, empty unless a restore was asked for and has ended
	 */
	public Optional<Duration> restoreDuration() {
		long restored = this.restoredAt;
		long ended = this.restoreEndedAt;
		return (restored != 0 && ended != 0) ? Optional.of(Duration.ofNanos(ended - restored)) : Optional.empty();
	}

	/**
	 * Return the error posted to {@code /runtime/restore/error}.
	 * @return the restore error, empty if none was posted
	 */
	public Optional<FunctionError> restoreError() {
		return Optional.ofNullable(this.restoreError);
	}

	/**
	 * Return the error posted to {@code /runtime/init/error}.
	 * @return the init error, empty if none was posted
	 */
	public Optional<FunctionError> initError() {
		return Optional.ofNullable(this.initError);
	}

	/**
	 * Return every finished invocation, in the order they finished.
	 * @return the invocations
	 */
	public List<Invocation> invocations() {
		synchronized (this.invocations) {
			return List.copyOf(this.invocations);
		}
	}

	/**
	 * Stop the server; events not answered yet end with {@link Status#RUNTIME_EXITED}.
	 */
	@Override
	public void close() {
		this.stopped.countDown();
		this.server.stop(0);
		for (Pending invocation : this.pending.values()) {
			finish(invocation, Status.RUNTIME_EXITED, null, null);
		}
		this.executor.shutdownNow();
	}

	/**
	 * End every unanswered invocation with the given status, as Lambda does when it stops
	 * an execution environment.
	 * @param status the status, such as {@link Status#RUNTIME_EXITED}
	 */
	void abandon(Status status) {
		FunctionError error = (status == Status.INIT_FAILED) ? this.initError : null;
		for (Pending invocation : this.pending.values()) {
			finish(invocation, status, null, error);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			Matcher matcher = INVOCATION_PATH.matcher(path);
			if (path.equals(BASE + "invocation/next")) {
				if (hasMethod(exchange, "GET")) {
					next(exchange);
				}
			}
			else if (path.equals(BASE + "init/error")) {
				if (hasMethod(exchange, "POST")) {
					initError(exchange);
				}
			}
			else if (path.equals(BASE + "restore/next")) {
				if (hasMethod(exchange, "GET")) {
					restoreNext(exchange);
				}
			}
			else if (path.equals(BASE + "restore/error")) {
				if (hasMethod(exchange, "POST")) {
					FunctionError error = readError(exchange);
					if (error != null) {
						this.restoreError = error;
						sendAccepted(exchange);
					}
				}
			}
			else if (matcher.matches()) {
				if (hasMethod(exchange, "POST")) {
					answer(exchange, matcher.group(1), matcher.group(2).equals("response"));
				}
			}
			else {
				sendError(exchange, 404, "NotFound",
						"No Runtime API endpoint at " + exchange.getRequestMethod() + " " + path);
			}
		}
		finally {
			exchange.close();
		}
	}

	private boolean hasMethod(HttpExchange exchange, String method) throws IOException {
		if (exchange.getRequestMethod().equals(method)) {
			return true;
		}
		sendError(exchange, 405, "MethodNotAllowed", exchange.getRequestURI().getPath() + " takes " + method);
		return false;
	}

	private void restoreNext(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		synchronized (this) {
			if (this.initialized || this.initError != null || this.restoredAt != 0) {
				sendError(exchange, 403, "InvalidStateTransition",
						"restore/next is accepted only once, at the end of init");
				return;
			}
			endInit();
		}
		this.restoredAt = System.nanoTime();
		exchange.sendResponseHeaders(200, -1);
	}

	private void next(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (this.restoredAt != 0 && this.restoreEndedAt == 0) {
			this.restoreEndedAt = System.nanoTime();
		}
		if (!this.initialized) {
			synchronized (this) {
				if (!this.initialized && this.initError == null) {
					endInit();
				}
			}
		}
		Pending invocation = takeNext();
		if (invocation == null) {
			sendError(exchange, 500, "ServiceException", "No event arrived within " + MAX_NEXT_WAIT);
			return;
		}
		long deadline = System.currentTimeMillis() + this.timeout.toMillis();
		invocation.handedOut(System.nanoTime(), deadline);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
		exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
		exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn());
		exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", traceId());
		exchange.sendResponseHeaders(200, (invocation.event.length > 0) ? invocation.event.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(invocation.event);
		}
	}

	private void endInit() {
		this.initEndedAt = System.nanoTime();
		this.initialized = true;
		this.initEnded.countDown();
	}

	private @Nullable Pending takeNext() {
		long giveUpAt = System.nanoTime() + MAX_NEXT_WAIT.toNanos();
		try {
			while (System.nanoTime() < giveUpAt && this.stopped.getCount() > 0) {
				Pending invocation = this.queue.poll(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
				if (invocation != null && !invocation.handle.outcome().isDone()) {
					return invocation;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private void initError(HttpExchange exchange) throws IOException {
		FunctionError error = readError(exchange);
		if (error == null) {
			return;
		}
		synchronized (this) {
			if (this.initialized || this.initError != null) {
				sendError(exchange, 403, "InvalidStateTransition",
						"init/error is accepted only once, before the first next call");
				return;
			}
			this.initError = error;
			this.initEndedAt = System.nanoTime();
		}
		// Answered before init is declared ended, so that a caller that stops the server
		// then does not cut the runtime's request short.
		try {
			sendAccepted(exchange);
		}
		finally {
			this.initEnded.countDown();
		}
	}

	private void answer(HttpExchange exchange, String requestId, boolean success) throws IOException {
		Pending invocation = this.pending.get(requestId);
		if (invocation == null || invocation.handedOutAt == 0) {
			exchange.getRequestBody().readAllBytes();
			sendError(exchange, 400, "InvalidRequestID", "Invalid request ID: " + requestId);
			return;
		}
		byte[] body = success ? readBody(exchange) : null;
		FunctionError error = success ? null : readError(exchange);
		if (body == null && error == null) {
			return;
		}
		try {
			sendAccepted(exchange);
		}
		finally {
			finish(invocation, success ? Status.SUCCEEDED : Status.FAILED, body, error);
		}
	}

	private byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
			if (body.length > MAX_RESPONSE_BYTES) {
				sendError(exchange, 413, "RequestEntityTooLarge",
						"Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
				return null;
			}
			return body;
		}
	}

	private @Nullable FunctionError readError(HttpExchange exchange) throws IOException {
		byte[] body = readBody(exchange);
		if (body == null) {
			return null;
		}
		String text = new String(body, StandardCharsets.UTF_8);
		String runtimeErrorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			return new FunctionError(runtimeErrorType, null, null, List.of(), text);
		}
		List<String> stackTrace = new ArrayList<>();
		JsonNode frames = node.get("stackTrace");
		if (frames != null && frames.isArray()) {
			frames.forEach((frame) -> stackTrace.add(frame.asString()));
		}
		return new FunctionError(runtimeErrorType, textOf(node, "errorType"), textOf(node, "errorMessage"), stackTrace,
				text);
	}

	private static @Nullable String textOf(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private void finish(Pending invocation, Status status, byte @Nullable [] response, @Nullable FunctionError error) {
		if (this.pending.remove(invocation.requestId) == null) {
			return;
		}
		Duration duration = (invocation.handedOutAt != 0) ? Duration.ofNanos(System.nanoTime() - invocation.handedOutAt)
				: Duration.ZERO;
		Invocation result = new Invocation(invocation.requestId, status, response, error, duration);
		synchronized (this.invocations) {
			this.invocations.add(result);
		}
		invocation.outcome.complete(result);
	}

	/**
	 * End an invocation that passed its deadline, as Lambda does.
	 * @param requestId the request id
	 */
	void timeOut(String requestId) {
		Pending invocation = this.pending.get(requestId);
		if (invocation != null) {
			finish(invocation, Status.TIMED_OUT, null, null);
		}
	}

	private static String traceId() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		String hex = HexFormat.of().formatHex(bytes);
		long epochSeconds = System.currentTimeMillis() / 1000;
		return "Root=1-" + Long.toHexString(epochSeconds) + "-" + hex.substring(0, 24) + ";Parent="
				+ hex.substring(24, 40) + ";Sampled=0";
	}

	private void sendAccepted(HttpExchange exchange) throws IOException {
		send(exchange, 202, Map.of("status", "OK"));
	}

	private void sendError(HttpExchange exchange, int status, String errorType, String message) throws IOException {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("errorMessage", message);
		body.put("errorType", errorType);
		send(exchange, status, body);
	}

	private void send(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * An event given to {@link #submit}, until the runtime answers it.
	 *
	 * @since 0.1.0
	 */
	public static final class PendingInvocation {

		private final String requestId;

		private final CompletableFuture<Invocation> outcome;

		private final Pending pending;

		private PendingInvocation(String requestId, CompletableFuture<Invocation> outcome, Pending pending) {
			this.requestId = requestId;
			this.outcome = outcome;
			this.pending = pending;
		}

		/**
		 * Return the request id the runtime receives.
		 * @return the request id
		 */
		public String requestId() {
			return this.requestId;
		}

		/**
		 * Return the outcome, completed when the runtime answers or the invocation is
		 * abandoned.
		 * @return the outcome
		 */
		public CompletableFuture<Invocation> outcome() {
			return this.outcome;
		}

		/**
		 * Return the deadline the runtime was given, in epoch milliseconds.
		 * @return the deadline, empty while the event waits to be handed out
		 */
		public OptionalLong deadline() {
			long deadline = this.pending.deadline;
			return (deadline != 0) ? OptionalLong.of(deadline) : OptionalLong.empty();
		}

	}

	private static final class Pending {

		final String requestId;

		final byte[] event;

		final CompletableFuture<Invocation> outcome = new CompletableFuture<>();

		final PendingInvocation handle;

		volatile long handedOutAt;

		volatile long deadline;

		Pending(String requestId, byte[] event) {
			this.requestId = requestId;
			this.event = event;
			this.handle = new PendingInvocation(requestId, this.outcome, this);
		}

		void handedOut(long nanoTime, long deadline) {
			this.deadline = deadline;
			this.handedOutAt = nanoTime;
		}

	}

	/**
	 * Configures the function a {@link LocalRuntimeApi} serves.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int port;

		private String functionName = "local-function";

		private Duration timeout = Duration.ofSeconds(30);

		private String region = "us-east-1";

		private String accountId = "123456789012";

		private Builder() {
		}

		/**
		 * Set the port on 127.0.0.1; {@code 0}, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be between 0 and 65535 but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Set the function name, part of the invoked function ARN.
		 * @param functionName the function name
		 * @return this builder
		 */
		public Builder functionName(String functionName) {
			this.functionName = functionName;
			return this;
		}

		/**
		 * Set the function timeout, which gives each invocation its deadline.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("Timeout must be positive but was " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set the region of the function ARN.
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(String region) {
			this.region = region;
			return this;
		}

		/**
		 * Set the account id of the function ARN.
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(String accountId) {
			this.accountId = accountId;
			return this;
		}

		/**
		 * Start the server.
		 * @return the running server
		 */
		public LocalRuntimeApi start() {
			return new LocalRuntimeApi(this);
		}

	}

}
