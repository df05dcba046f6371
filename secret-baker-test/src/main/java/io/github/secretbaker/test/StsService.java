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

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The STS {@code AssumeRole} operation over the AWS Query protocol: it issues temporary
 * credentials whose requests the server answers as the assumed role, so that deny rules
 * can target a role ({@link Faults#denyTo(String, String, String)}).
 */
final class StsService {

	static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

	private static final Pattern ROLE_ARN = Pattern
		.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");

	private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

	private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

	private static final int DEFAULT_DURATION_SECONDS = 3600;

	private final SecureRandom random = new SecureRandom();

	private final Faults faults;

	private final Map<String, Issued> issued = new ConcurrentHashMap<>();

	StsService(Faults faults) {
		this.faults = faults;
	}

	void reset() {
		this.issued.clear();
	}

	/**
	 * Return who sends requests signed with an access key id: the assumed role's session
	 * for credentials this service issued, the server's own user for any other.
	 * @param accessKeyId the access key id of the request's credential scope
	 * @param sessionToken the request's {@code X-Amz-Security-Token}, or {@code null}
	 * @param accountId the server's account id
	 * @return the caller
	 * @throws AwsException if the credentials were issued here and the session token is
	 * missing or wrong, or they have expired
	 */
	Caller callerOf(String accessKeyId, @Nullable String sessionToken, String accountId) {
		Issued credentials = this.issued.get(accessKeyId);
		if (credentials == null) {
			return Caller.user(accountId);
		}
		if (sessionToken == null || !credentials.sessionToken().equals(sessionToken)) {
			throw new AwsException(403, "UnrecognizedClientException",
					"The security token included in the request is invalid.");
		}
		if (Instant.now().isAfter(credentials.expiration())) {
			throw new AwsException(400, "ExpiredTokenException",
					"The security token included in the request is expired");
		}
		return credentials.caller();
	}

	/**
	 * Answer a Query protocol request.
	 * @param form the decoded form parameters
	 * @return the XML answer
	 */
	String handle(Map<String, String> form) {
		String action = form.get("Action");
		if (!"AssumeRole".equals(action)) {
			throw new AwsException(400, "InvalidAction",
					"Could not find operation " + ((action != null) ? action : "") + " for version 2011-06-15");
		}
		return assumeRole(form);
	}

	private String assumeRole(Map<String, String> form) {
		String roleArn = required(form, "RoleArn");
		String sessionName = required(form, "RoleSessionName");
		var role = ROLE_ARN.matcher(roleArn);
		if (!role.matches()) {
			throw validation("1 validation error detected: Value at 'roleArn' failed to satisfy constraint: "
					+ "Member must be the ARN of an IAM role, arn:aws:iam::<account>:role/<name>");
		}
		if (!SESSION_NAME.matcher(sessionName).matches()) {
			throw validation("1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: "
					+ "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
		}
		String externalId = form.get("ExternalId");
		if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
			throw validation("1 validation error detected: Value at 'externalId' failed to satisfy constraint: "
					+ "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]* and have length between 2 and 1224");
		}
		int duration = duration(form.get("DurationSeconds"));
		Caller caller = this.faults.caller();
		if (this.faults.isDenied("AssumeRole", (resource) -> KmsService.glob(resource).matcher(roleArn).matches())) {
			throw new AwsException(403, "AccessDenied",
					"User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
		}
		String roleName = role.group(3);
		String roleId = "AROA" + randomId(16);
		String accessKeyId = "ASIA" + randomId(16);
		String secretAccessKey = randomToken(30);
		String sessionToken = randomToken(96);
		Instant expiration = Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
		String sessionArn = "arn:aws:sts::" + role.group(1) + ":assumed-role/" + roleName + "/" + sessionName;
		this.issued.put(accessKeyId, new Issued(sessionToken, new Caller(sessionArn, roleArn), expiration));
		return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">" + "<AssumeRoleResult>" + "<Credentials>"
				+ "<AccessKeyId>" + accessKeyId + "</AccessKeyId>" + "<SecretAccessKey>" + secretAccessKey
				+ "</SecretAccessKey>" + "<SessionToken>" + sessionToken + "</SessionToken>" + "<Expiration>"
				+ expiration + "</Expiration>" + "</Credentials>" + "<AssumedRoleUser>" + "<AssumedRoleId>" + roleId
				+ ":" + xml(sessionName) + "</AssumedRoleId>" + "<Arn>" + xml(sessionArn) + "</Arn>"
				+ "</AssumedRoleUser>" + "</AssumeRoleResult>" + "<ResponseMetadata><RequestId>" + UUID.randomUUID()
				+ "</RequestId></ResponseMetadata>" + "</AssumeRoleResponse>";
	}

	private static int duration(@Nullable String value) {
		if (value == null) {
			return DEFAULT_DURATION_SECONDS;
		}
		try {
			int seconds = Integer.parseInt(value);
			if (seconds >= 900 && seconds <= 43200) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as STS answers any value out of range
		}
		throw validation("1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: "
				+ "Member must have value between 900 and 43200");
	}

	private static String required(Map<String, String> form, String name) {
		String value = form.get(name);
		if (value == null || value.isEmpty()) {
			throw validation("1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0))
					+ name.substring(1) + "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	private static AwsException validation(String message) {
		return new AwsException(400, "ValidationError", message);
	}

	private String randomId(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		StringBuilder id = new StringBuilder(length);
		for (byte b : bytes) {
			id.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt((b & 0xff) % 32));
		}
		return id.toString();
	}

	private String randomToken(int bytes) {
		byte[] token = new byte[bytes];
		this.random.nextBytes(token);
		return HexFormat.of().formatHex(token).toUpperCase(Locale.ROOT);
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private record Issued(String sessionToken, Caller caller, Instant expiration) {

		@Override
		public String toString() {
			return "Issued[caller=" + this.caller + ", expiration=" + this.expiration + "]";
		}

	}

}
