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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers AWS JSON 1.1 requests for KMS ({@code TrentService.*}) and SSM
 * ({@code AmazonSSM.*}), and AWS Query requests for STS ({@code AssumeRole}): checks that
 * a SigV4 {@code Authorization} header is present, verifies its signature when it is made
 * with credentials the server knows, takes the region from its credential scope, applies
 * faults and counts calls.
 */
final class AwsJsonHandler implements HttpHandler {

	static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	private static final System.Logger logger = System.getLogger(AwsJsonHandler.class.getName());

	private static final Pattern CREDENTIAL = Pattern
		.compile("Credential=([^/,\\s]+)/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");

	private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * The largest request body read, well above what KMS and SSM accept (a 6144-byte
	 * ciphertext, base64-encoded, or ten 8 KiB parameter values).
	 */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final KmsService kms;

	private final SsmService ssm;

	private final Faults faults;

	private final StsService sts;

	private final CallStatistics statistics;

	private final String accountId;

	private final SignatureVerifier signatures;

	AwsJsonHandler(KmsService kms, SsmService ssm, StsService sts, Faults faults, CallStatistics statistics,
			String accountId, SignatureVerifier signatures) {
		this.kms = kms;
		this.ssm = ssm;
		this.sts = sts;
		this.faults = faults;
		this.statistics = statistics;
		this.accountId = accountId;
		this.signatures = signatures;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (isQueryProtocol(exchange)) {
				handleQuery(exchange);
				return;
			}
			ObjectNode response;
			try {
				response = answer(exchange);
			}
			catch (AwsException ex) {
				sendError(exchange, ex);
				return;
			}
			catch (RuntimeException ex) {
				logger.log(Level.WARNING, "Request failed with " + ex.getClass().getName());
				sendError(exchange, new AwsException(500, "InternalFailure", "The local server failed unexpectedly"));
				return;
			}
			if (response != null) {
				send(exchange, 200, response);
			}
		}
	}

	private @Nullable ObjectNode answer(HttpExchange exchange) throws IOException {
		// AWS JSON 1.1 is POST only; AWS's front end answers other methods as an unknown
		// operation
		if (!exchange.getRequestMethod().equals("POST")) {
			exchange.getResponseHeaders().set("Allow", "POST");
			throw new AwsException(405, "UnknownOperationException",
					"The local server answers AWS JSON 1.1 requests, sent with POST, not "
							+ exchange.getRequestMethod());
		}
		checkLength(exchange);
		Matcher credential = credential(exchange);
		String region = credential.group(2);
		String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
		String service;
		String operation;
		if (target != null && target.startsWith("TrentService.") && Operations.KMS.contains(target.substring(13))) {
			service = "kms";
			operation = target.substring(13);
		}
		else if (target != null && target.startsWith("AmazonSSM.") && Operations.SSM.contains(target.substring(10))) {
			service = "ssm";
			operation = target.substring(10);
		}
		else {
			throw AwsException.badRequest("UnknownOperationException",
					"The local server does not support the operation " + target);
		}
		checkService(credential, service);
		Caller caller = caller(exchange, credential);
		JsonRequest request = parse(readSignedBody(exchange));
		this.statistics.begin(operation);
		try {
			if (applyFaults(this.faults, operation) || drip(exchange, this.faults, operation)) {
				return null;
			}
			return this.faults.as(caller, () -> service.equals("kms") ? this.kms.handle(operation, region, request)
					: this.ssm.handle(operation, region, request));
		}
		finally {
			this.statistics.end(operation);
		}
	}

	private static Matcher credential(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || authorization.isBlank()) {
			throw AwsException.badRequest("MissingAuthenticationTokenException", "Missing Authentication Token");
		}
		Matcher credential = CREDENTIAL.matcher(authorization);
		if (!authorization.startsWith("AWS4-HMAC-SHA256 ") || !credential.find()) {
			throw AwsException.badRequest("IncompleteSignatureException",
					"Authorization header requires a SigV4 'Credential' parameter "
							+ "(AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request).");
		}
		return credential;
	}

	private static void checkService(Matcher credential, String service) {
		if (!credential.group(3).equals(service)) {
			throw AwsException.badRequest("InvalidSignatureException",
					"Credential should be scoped to correct service: '" + service + "'.");
		}
	}

	private Caller caller(HttpExchange exchange, Matcher credential) {
		return this.sts.callerOf(credential.group(1), exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"),
				this.accountId);
	}

	private static boolean isQueryProtocol(HttpExchange exchange) {
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		return exchange.getRequestMethod().equals("POST") && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE);
	}

	// STS speaks the AWS Query protocol: a form-encoded POST answered in XML
	private void handleQuery(HttpExchange exchange) throws IOException {
		String operation = "AssumeRole";
		try {
			checkLength(exchange);
			Matcher credential = credential(exchange);
			checkService(credential, "sts");
			Caller caller = caller(exchange, credential);
			Map<String, String> form = readForm(readSignedBody(exchange));
			this.statistics.begin(operation);
			try {
				if (applyFaults(this.faults, operation)) {
					return;
				}
				String answer = this.faults.as(caller, () -> this.sts.handle(form));
				sendXml(exchange, 200, answer);
			}
			finally {
				this.statistics.end(operation);
			}
		}
		catch (AwsException ex) {
			String type = (ex.status() >= 500) ? "Receiver" : "Sender";
			sendXml(exchange, ex.status(),
					"<ErrorResponse xmlns=\"" + StsService.NAMESPACE + "\"><Error><Type>" + type + "</Type><Code>"
							+ ex.code() + "</Code><Message>"
							+ StsService.xml((ex.getMessage() != null) ? ex.getMessage() : "")
							+ "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
		}
		catch (RuntimeException ex) {
			logger.log(Level.WARNING, "Request failed with " + ex.getClass().getName());
			sendXml(exchange, 500, "<ErrorResponse xmlns=\"" + StsService.NAMESPACE
					+ "\"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>The local server failed "
					+ "unexpectedly</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
		}
	}

	private byte[] readSignedBody(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			// A chunked body has no declared length: read one byte more than the limit at
			// most
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		this.signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
		return body;
	}

	private static Map<String, String> readForm(byte[] body) {
		Map<String, String> form = new LinkedHashMap<>();
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isEmpty()) {
			return form;
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			try {
				String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair,
						StandardCharsets.UTF_8);
				String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)
						: "";
				form.put(name, value);
			}
			catch (IllegalArgumentException ex) {
				throw new AwsException(400, "MalformedQueryString", "The request body is not a valid form encoding");
			}
		}
		return form;
	}

	private static void sendXml(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml");
		exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Apply the faults of an operation, except a drip: wait for latency, hang, or throw
	 * an error to send.
	 * @param faults the faults
	 * @param operation the operation
	 * @return whether the call hung and gets no answer
	 */
	static boolean applyFaults(Faults faults, String operation) {
		try {
			Duration latency = faults.latency(operation);
			if (!latency.isZero()) {
				Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
			}
			if (faults.shouldHang(operation)) {
				faults.awaitRelease();
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
		if (faults.shouldFail(operation)) {
			throw new AwsException(500, "InternalFailure",
					"The request processing has failed because of an unknown error, exception or failure.");
		}
		if (faults.shouldThrottle(operation)) {
			throw AwsException.badRequest("ThrottlingException", "Rate exceeded");
		}
		return false;
	}

	/**
	 * Answer slowly if a drip fault applies: headers at once, then one byte of a body
	 * that never ends per interval, until the client leaves or the faults are cleared.
	 * @param exchange the exchange
	 * @param faults the faults
	 * @param operation the operation
	 * @return whether the call was answered this way
	 */
	static boolean drip(HttpExchange exchange, Faults faults, String operation) throws IOException {
		Duration interval = faults.drip(operation);
		if (interval == null) {
			return false;
		}
		long generation = faults.hangGeneration();
		exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		long end = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		try {
			out.write('{');
			out.flush();
			while (faults.hangGeneration() == generation && System.nanoTime() < end) {
				Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
				out.write(' ');
				out.flush();
			}
		}
		catch (IOException ex) {
			// The client gave up, which is what the fault waits for.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return true;
	}

	private static void checkLength(HttpExchange exchange) {
		String length = exchange.getRequestHeaders().getFirst("Content-Length");
		if (length != null) {
			long declared;
			try {
				declared = Long.parseLong(length.strip());
			}
			catch (NumberFormatException ex) {
				throw AwsException.badRequest("SerializationException", "The Content-Length header is not a number");
			}
			if (declared > MAX_BODY_BYTES) {
				throw tooLarge();
			}
		}
	}

	private static JsonRequest parse(byte[] body) {
		if (body.length == 0) {
			return JsonRequest.empty();
		}
		JsonNode node;
		try {
			node = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw AwsException.badRequest("SerializationException", "The request body is not valid JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw AwsException.badRequest("SerializationException", "The request body must be a JSON object");
		}
		return new JsonRequest(object);
	}

	private static AwsException tooLarge() {
		return new AwsException(413, "RequestEntityTooLargeException",
				"The request body is larger than the local server's limit of " + MAX_BODY_BYTES + " bytes");
	}

	static void sendError(HttpExchange exchange, AwsException ex) throws IOException {
		ObjectNode body = JsonRequest.object();
		body.put("__type", ex.code());
		if (ex.getMessage() != null) {
			body.put("message", ex.getMessage());
		}
		exchange.getResponseHeaders().set("x-amzn-ErrorType", ex.code());
		send(exchange, ex.status(), body);
	}

	static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
		byte[] bytes = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
		exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
		if (exchange.getRequestMethod().equals("HEAD")) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
