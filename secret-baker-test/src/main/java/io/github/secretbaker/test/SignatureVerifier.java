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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the SigV4 signature of a request whose access key id the server knows, as AWS
 * does: it rebuilds the canonical request from the headers the client says it signed, and
 * compares the signature. A request signed with an access key id the server does not know
 * is accepted unverified, so that tests may use any fake credentials.
 */
final class SignatureVerifier {

	private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/"
			+ "([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

	private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private static final HexFormat HEX = HexFormat.of();

	private final Map<String, String> secretAccessKeys;

	/**
	 * Create a verifier of the signatures made with the given credentials.
	 * @param secretAccessKeys the secret access key of each known access key id
	 */
	SignatureVerifier(Map<String, String> secretAccessKeys) {
		this.secretAccessKeys = Map.copyOf(secretAccessKeys);
	}

	/**
	 * Verify the signature of a request.
	 * @param method the request method
	 * @param rawPath the percent-encoded path
	 * @param rawQuery the percent-encoded query string, or {@code null}
	 * @param headers the request headers
	 * @param body the request body
	 * @throws AwsException if the request is signed with a known access key id and the
	 * signature does not match, or the signed headers are incomplete
	 */
	void verify(String method, String rawPath, @Nullable String rawQuery, Headers headers, byte[] body) {
		String authorization = headers.getFirst("Authorization");
		Matcher matcher = (authorization != null) ? AUTHORIZATION.matcher(authorization.strip()) : null;
		if (matcher == null || !matcher.matches()) {
			if (authorization != null && authorization.contains("Credential=")
					&& this.secretAccessKeys.containsKey(accessKeyId(authorization))) {
				throw AwsException.badRequest("IncompleteSignatureException",
						"Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
			}
			return;
		}
		String secretAccessKey = this.secretAccessKeys.get(matcher.group(1));
		if (secretAccessKey == null) {
			return;
		}
		String date = matcher.group(2);
		List<String> signedHeaders = List.of(matcher.group(5).split(";"));
		String amzDate = headers.getFirst("X-Amz-Date");
		if (amzDate == null || !amzDate.startsWith(date) || !signedHeaders.contains("host")
				|| !signedHeaders.contains("x-amz-date")) {
			throw AwsException.badRequest("IncompleteSignatureException",
					"The request must sign the host and x-amz-date headers, and X-Amz-Date must be of the date "
							+ "of the credential scope.");
		}
		String payloadHash = payloadHash(headers.getFirst("x-amz-content-sha256"), body);
		StringBuilder canonical = new StringBuilder().append(method)
			.append('\n')
			.append(canonicalPath(rawPath))
			.append('\n')
			.append(canonicalQuery(rawQuery))
			.append('\n');
		for (String name : signedHeaders) {
			List<String> values = headers.get(name);
			if (values == null) {
				throw invalidSignature();
			}
			canonical.append(name).append(':');
			for (int i = 0; i < values.size(); i++) {
				canonical.append((i > 0) ? "," : "").append(compact(values.get(i)));
			}
			canonical.append('\n');
		}
		canonical.append('\n').append(matcher.group(5)).append('\n').append(payloadHash);
		String scope = date + "/" + matcher.group(3) + "/" + matcher.group(4) + "/aws4_request";
		String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
		for (String part : List.of(date, matcher.group(3), matcher.group(4), "aws4_request")) {
			key = hmac(key, part);
		}
		byte[] expected = hmac(key, stringToSign);
		if (!MessageDigest.isEqual(expected, HEX.parseHex(matcher.group(6)))) {
			throw invalidSignature();
		}
	}

	private static String accessKeyId(String authorization) {
		int start = authorization.indexOf("Credential=") + 11;
		int end = authorization.indexOf('/', start);
		return (end > start) ? authorization.substring(start, end) : "";
	}

	private static String payloadHash(@Nullable String declared, byte[] body) {
		if (UNSIGNED_PAYLOAD.equals(declared)) {
			return UNSIGNED_PAYLOAD;
		}
		String actual = HEX.formatHex(sha256(body));
		if (declared != null && !declared.equals(actual)) {
			throw AwsException.badRequest("XAmzContentSHA256Mismatch",
					"The provided 'x-amz-content-sha256' header does not match what was computed.");
		}
		return actual;
	}

	// Services other than S3 sign the path encoded once more than it is sent.
	private static String canonicalPath(String rawPath) {
		if (rawPath.isEmpty()) {
			return "/";
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
					|| "-_.~/".indexOf(c) >= 0;
			encoded.append(unreserved ? String.valueOf(c) : "%" + HEX.withUpperCase().toHexDigits(b));
		}
		return encoded.toString();
	}

	private static String canonicalQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		String[] parameters = rawQuery.split("&");
		for (int i = 0; i < parameters.length; i++) {
			parameters[i] = parameters[i].contains("=") ? parameters[i] : parameters[i] + "=";
		}
		Arrays.sort(parameters);
		return String.join("&", parameters);
	}

	private static String compact(String value) {
		return value.strip().replaceAll("[ \\t\\n\\x0B\\f\\r]+", " ");
	}

	private static AwsException invalidSignature() {
		return AwsException.badRequest("InvalidSignatureException",
				"The request signature we calculated does not match the signature you provided. Check your AWS "
						+ "Secret Access Key and signing method. Consult the service documentation for details.");
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
