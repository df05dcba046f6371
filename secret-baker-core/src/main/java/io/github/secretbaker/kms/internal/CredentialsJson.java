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

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads the answer of a container credentials endpoint: {@code {"AccessKeyId": ...,
 * "SecretAccessKey": ..., "Token": ..., "Expiration": ...}}.
 */
final class CredentialsJson {

	private static final JsonFactory JSON = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.nonRecyclingPool())
		.build();

	private CredentialsJson() {
	}

	/**
	 * Read credentials from an answer.
	 * @param body the answer's body
	 * @param length how many bytes of {@code body} hold it
	 * @return the credentials, or {@code null} when the answer is not a JSON object with
	 * an access key id and a secret access key, or its expiration is not an ISO-8601
	 * instant
	 */
	static @Nullable AwsCredentials read(byte[] body, int length) {
		String accessKeyId = null;
		String secretAccessKey = null;
		String token = null;
		Instant expiration = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value != JsonToken.VALUE_STRING) {
					parser.skipChildren();
					continue;
				}
				switch (name) {
					case "AccessKeyId" -> accessKeyId = parser.getString();
					case "SecretAccessKey" -> secretAccessKey = parser.getString();
					case "Token" -> token = parser.getString();
					case "Expiration" -> expiration = Instant.parse(parser.getString());
					default -> {
					}
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				return null;
			}
		}
		catch (JacksonException | DateTimeParseException ex) {
			// Neither message is passed on: both may quote the answer.
			return null;
		}
		if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
			return null;
		}
		return new AwsCredentials(accessKeyId, secretAccessKey, (token != null && !token.isBlank()) ? token : null,
				expiration);
	}

}
