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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed access to the members of an AWS JSON 1.1 request body, raising the errors AWS
 * raises for a missing or mistyped member.
 */
final class JsonRequest {

	private final ObjectNode body;

	JsonRequest(ObjectNode body) {
		this.body = body;
	}

	static JsonRequest empty() {
		return new JsonRequest(object());
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static BigDecimal timestamp(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli(), 3);
	}

	ObjectNode body() {
		return this.body;
	}

	@Nullable String string(String member) {
		JsonNode node = member(member);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			throw typeMismatch(member, "a string");
		}
		return node.stringValue();
	}

	String requiredString(String member) {
		String value = string(member);
		if (value == null) {
			throw AwsException.validation("1 validation error detected: Value null at '" + lowerFirst(member)
					+ "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	boolean bool(String member) {
		JsonNode node = member(member);
		if (node == null) {
			return false;
		}
		if (!node.isBoolean()) {
			throw typeMismatch(member, "a boolean");
		}
		return node.booleanValue();
	}

	@Nullable Integer integer(String member) {
		JsonNode node = member(member);
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw typeMismatch(member, "an integer");
		}
		return node.intValue();
	}

	@Nullable Long longValue(String member) {
		JsonNode node = member(member);
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw typeMismatch(member, "an integer");
		}
		return node.longValue();
	}

	byte @Nullable [] blob(String member) {
		String value = string(member);
		if (value == null) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw AwsException.badRequest("SerializationException", "Member '" + member + "' is not valid base64");
		}
	}

	Map<String, String> stringMap(String member) {
		JsonNode node = member(member);
		Map<String, String> map = new LinkedHashMap<>();
		if (node == null) {
			return map;
		}
		if (!node.isObject()) {
			throw typeMismatch(member, "a map");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!entry.getValue().isString()) {
				throw typeMismatch(member + "." + entry.getKey(), "a string");
			}
			map.put(entry.getKey(), entry.getValue().stringValue());
		}
		return map;
	}

	@Nullable List<String> stringList(String member) {
		JsonNode node = member(member);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			throw typeMismatch(member, "a list");
		}
		List<String> values = new ArrayList<>();
		for (JsonNode item : node) {
			if (!item.isString()) {
				throw typeMismatch(member, "a list of strings");
			}
			values.add(item.stringValue());
		}
		return values;
	}

	List<JsonRequest> objectList(String member) {
		JsonNode node = member(member);
		List<JsonRequest> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (!node.isArray()) {
			throw typeMismatch(member, "a list");
		}
		for (JsonNode item : node) {
			if (!item.isObject()) {
				throw typeMismatch(member, "a list of structures");
			}
			values.add(new JsonRequest((ObjectNode) item));
		}
		return values;
	}

	private @Nullable JsonNode member(String member) {
		JsonNode node = this.body.get(member);
		return (node == null || node.isNull()) ? null : node;
	}

	private static AwsException typeMismatch(String member, String expected) {
		return AwsException.badRequest("SerializationException", "Member '" + member + "' must be " + expected);
	}

	private static String lowerFirst(String member) {
		return Character.toLowerCase(member.charAt(0)) + member.substring(1);
	}

}
