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

package io.github.secretbaker.aws.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs an AWS request with Signature Version 4 ({@code AWS4-HMAC-SHA256}, the signature
 * in the {@code Authorization} header) on the JDK's {@code javax.crypto}, for the
 * requests secret-baker sends itself: a path without a query string and a body in hand.
 * It keeps the signing key of the last day, region and service; no credential ever
 * appears in a {@code toString()} or a message.
 *
 * @since 0.1.0
 */
public final class SigV4Signer {

	private static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final String HMAC = "HmacSHA256";

	private static final String TERMINATOR = "aws4_request";

	private static final String CONTENT_SHA256 = "x-amz-content-sha256";

	private static final HexFormat HEX = HexFormat.of();

	private final String region;

	private final String service;

	private volatile @Nullable SigningKey signingKey;

	/**
	 * Create a signer for the given region and service.
	 * @param region the region of the credential scope, such as {@code eu-west-1}
	 * @param service the signing name of the service, such as {@code kms}
	 */
	public SigV4Signer(String region, String service) {
		this.region = requireToken(region, "region");
		this.service = requireToken(service, "service");
	}

	/**
	 * Sign a request.
	 * @param request what is signed
	 * @param credentials the credentials to sign with
	 * @param time the signing time
	 * @return the headers to add to the request
	 * @throws IllegalArgumentException if the request cannot be signed as given (a header
	 * the signer sets itself, a path that is not normalized)
	 */
	public SignedHeaders sign(Request request, Credentials credentials, Instant time) {
		Objects.requireNonNull(request, "'request' must not be null");
		Objects.requireNonNull(credentials, "'credentials' must not be null");
		OffsetDateTime utc = time.atOffset(ZoneOffset.UTC);
		String date = digits(utc.getYear(), 4) + digits(utc.getMonthValue(), 2) + digits(utc.getDayOfMonth(), 2);
		String dateTime = date + "T" + digits(utc.getHour(), 2) + digits(utc.getMinute(), 2)
				+ digits(utc.getSecond(), 2) + "Z";
		String scope = date + "/" + this.region + "/" + this.service + "/" + TERMINATOR;
		String contentSha256 = HEX.formatHex(sha256(request.body()));
		Map<String, String> headers = canonicalHeaders(request, dateTime, contentSha256, credentials.sessionToken());
		String signedHeaders = String.join(";", headers.keySet());
		StringBuilder canonical = new StringBuilder(512).append(request.method())
			.append('\n')
			.append(canonicalPath(request.path()))
			.append("\n\n");
		headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
		canonical.append('\n').append(signedHeaders).append('\n').append(contentSha256);
		String stringToSign = ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
				+ HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		byte[] signature = hmac(signingKey(credentials.secretAccessKey(), date),
				stringToSign.getBytes(StandardCharsets.UTF_8));
		String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders="
				+ signedHeaders + ", Signature=" + HEX.formatHex(signature);
		return new SignedHeaders(dateTime, contentSha256, credentials.sessionToken(), authorization);
	}

	/**
	 * Return the {@code Host} header of a request to the given URI, as HTTP clients send
	 * it and SigV4 signs it: the host, and the port unless it is the default of the
	 * scheme.
	 * @param uri the absolute URI
	 * @return the header value
	 */
	public static String hostHeader(URI uri) {
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
				|| (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
		return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
	}

	/**
	 * Return the region of the credential scope.
	 * @return the region
	 */
	public String region() {
		return this.region;
	}

	/**
	 * Return the signing name of the service.
	 * @return the service
	 */
	public String service() {
		return this.service;
	}

	@Override
	public String toString() {
		return "SigV4Signer[region=" + this.region + ", service=" + this.service + "]";
	}

	private static Map<String, String> canonicalHeaders(Request request, String dateTime, String contentSha256,
			@Nullable String sessionToken) {
		Map<String, String> headers = new TreeMap<>();
		request.headers().forEach((name, value) -> {
			String lowerCase = name.toLowerCase(Locale.ROOT);
			if (lowerCase.equals("host") || lowerCase.equals("x-amz-date") || lowerCase.equals("authorization")
					|| lowerCase.equals("x-amz-security-token") || lowerCase.equals(CONTENT_SHA256)) {
				throw new IllegalArgumentException("the header '" + name + "' is set by the signer");
			}
			if (headers.put(lowerCase, compact(value)) != null) {
				throw new IllegalArgumentException("the header '" + name + "' is given twice");
			}
		});
		headers.put("host", request.host());
		headers.put("x-amz-date", dateTime);
		headers.put(CONTENT_SHA256, contentSha256);
		if (sessionToken != null) {
			headers.put("x-amz-security-token", compact(sessionToken));
		}
		return headers;
	}

	// SigV4 drops the spaces around a header value and folds each run inside it into one
	// (the spaces of HTTP header syntax: space, tab, CR, LF, vertical tab, form feed).
	private static String compact(String value) {
		StringBuilder compacted = new StringBuilder(value.length());
		boolean pendingSpace = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				pendingSpace = compacted.length() > 0;
			}
			else {
				if (pendingSpace) {
					compacted.append(' ');
					pendingSpace = false;
				}
				compacted.append(c);
			}
		}
		return compacted.toString();
	}

	// Services other than S3 sign the path encoded once more (each byte that is not
	// unreserved), so a path already percent-encoded shows '%25' where it had '%'.
	private static String canonicalPath(String path) {
		if (path.isEmpty()) {
			return "/";
		}
		StringBuilder encoded = new StringBuilder(path.length());
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || c == '/') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
			}
		}
		return encoded.toString();
	}

	private byte[] signingKey(String secretAccessKey, String date) {
		SigningKey cached = this.signingKey;
		if (cached != null && cached.date().equals(date) && cached.secretAccessKey().equals(secretAccessKey)) {
			return cached.key();
		}
		byte[] secret = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
		byte[] key = hmac(secret, date.getBytes(StandardCharsets.UTF_8));
		Arrays.fill(secret, (byte) 0);
		key = hmac(key, this.region.getBytes(StandardCharsets.UTF_8));
		key = hmac(key, this.service.getBytes(StandardCharsets.UTF_8));
		key = hmac(key, TERMINATOR.getBytes(StandardCharsets.UTF_8));
		this.signingKey = new SigningKey(secretAccessKey, date, key);
		return key;
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK offers no " + HMAC + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK offers no SHA-256 (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static String digits(int value, int width) {
		String digits = Integer.toString(value);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	private static String requireToken(String value, String name) {
		Objects.requireNonNull(value, () -> "'" + name + "' must not be null");
		if (value.isEmpty() || value.chars().anyMatch((c) -> c == '/' || c <= ' ' || c > '~')) {
			throw new IllegalArgumentException("'" + name + "' must be a non-empty name without '/' or spaces");
		}
		return value;
	}

	/**
	 * A request to sign: its method, its {@code Host} header (with the port unless it is
	 * the scheme's default), its percent-encoded path, the headers to sign besides the
	 * ones the signer sets ({@code Host}, {@code X-Amz-Date},
	 * {@code x-amz-content-sha256}, {@code X-Amz-Security-Token}) and its body.
	 *
	 * @param method the method, such as {@code POST}
	 * @param host the host, such as {@code kms.eu-west-1.amazonaws.com} or
	 * {@code 127.0.0.1:8443}
	 * @param path the percent-encoded path, such as {@code /}
	 * @param headers the other headers to sign, by name
	 * @param body the body, not copied
	 * @since 0.1.0
	 */
	public record Request(String method, String host, String path, Map<String, String> headers, byte[] body) {

		/**
		 * Create a new {@link Request}.
		 * @param body the body
		 * @param headers the headers
		 * @param host the host
		 * @param method the method
		 * @param path the path
		 */
		public Request {
			Objects.requireNonNull(method, "'method' must not be null");
			Objects.requireNonNull(host, "'host' must not be null");
			Objects.requireNonNull(path, "'path' must not be null");
			Objects.requireNonNull(headers, "'headers' must not be null");
			Objects.requireNonNull(body, "'body' must not be null");
			if (!path.isEmpty() && (!path.startsWith("/") || path.contains("//") || path.contains("/./")
					|| path.contains("/../") || path.endsWith("/.") || path.endsWith("/.."))) {
				throw new IllegalArgumentException("the path to sign must be absolute and normalized");
			}
		}

		@Override
		public String toString() {
			return "Request[" + this.method + " " + this.host + this.path + ", headers=" + this.headers.keySet() + "]";
		}

	}

	/**
	 * The credentials to sign with, each trimmed.
	 *
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @param sessionToken the session token of temporary credentials, or {@code null}
	 * @since 0.1.0
	 */
	public record Credentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {

		/**
		 * Create a new {@link Credentials}.
		 * @param accessKeyId the access key id
		 * @param secretAccessKey the secret access key
		 * @param sessionToken the session token
		 */
		public Credentials {
			// As the AWS SDK does: a value read from a file or the environment may end
			// with a newline.
			accessKeyId = Objects.requireNonNull(accessKeyId, "'accessKeyId' must not be null").trim();
			secretAccessKey = Objects.requireNonNull(secretAccessKey, "'secretAccessKey' must not be null").trim();
			sessionToken = (sessionToken != null) ? sessionToken.trim() : null;
		}

		@Override
		public String toString() {
			return "Credentials[" + ((this.sessionToken != null) ? "temporary" : "long-term") + "]";
		}

	}

	/**
	 * The headers a signature adds to a request: {@code X-Amz-Date}, the body's hash in
	 * {@code x-amz-content-sha256} (as the AWS SDK's signer adds it),
	 * {@code X-Amz-Security-Token} for temporary credentials, and {@code Authorization}.
	 *
	 * @param amzDate the value of {@code X-Amz-Date}
	 * @param contentSha256 the value of {@code x-amz-content-sha256}
	 * @param securityToken the value of {@code X-Amz-Security-Token}, or {@code null}
	 * @param authorization the value of {@code Authorization}
	 * @since 0.1.0
	 */
	public record SignedHeaders(String amzDate, String contentSha256, @Nullable String securityToken,
			String authorization) {

		/**
		 * Call the given action with the name and value of each header, in order.
		 * @param action the action
		 */
		public void forEach(BiConsumer<String, String> action) {
			action.accept("X-Amz-Date", this.amzDate);
			action.accept(CONTENT_SHA256, this.contentSha256);
			if (this.securityToken != null) {
				action.accept("X-Amz-Security-Token", this.securityToken);
			}
			action.accept("Authorization", this.authorization);
		}

		@Override
		public String toString() {
			return "SignedHeaders[X-Amz-Date=" + this.amzDate + ", X-Amz-Security-Token="
					+ ((this.securityToken != null) ? "(hidden)" : "(none)") + ", Authorization=(hidden)]";
		}

	}

	private record SigningKey(String secretAccessKey, String date, byte[] key) {

		@Override
		public String toString() {
			return "SigningKey[date=" + this.date + "]";
		}

	}

}
