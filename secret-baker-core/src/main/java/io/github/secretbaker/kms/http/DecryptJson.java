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

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import io.github.secretbaker.kms.KmsDecryptRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The AWS JSON 1.1 bodies of {@code TrentService.Decrypt}, written and read with
 * Jackson's streaming API. The plaintext is decoded from base64 straight into bytes,
 * never into a {@code String}.
 */
final class DecryptJson {

	// Parser buffers are not pooled so that no decoded plaintext is handed on to a later
	// parse.
	private static final JsonFactory JSON = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.nonRecyclingPool())
		.build();

	private DecryptJson() {
	}

	/**
	 * Write the body of a {@code Decrypt} request.
	 * @param request the request
	 * @return the UTF-8 JSON body
	 */
	static byte[] request(KmsDecryptRequest request) {
		ClearableBuffer out = new ClearableBuffer(64 + request.ciphertextBlob().length * 4 / 3);
		try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
			generator.writeStartObject();
			generator.writeName("CiphertextBlob");
			generator.writeBinary(request.ciphertextBlob());
			generator.writeName("EncryptionContext");
			generator.writeStartObject();
			for (Map.Entry<String, String> entry : request.encryptionContext().entrySet()) {
				generator.writeStringProperty(entry.getKey(), entry.getValue());
			}
			generator.writeEndObject();
			if (request.keyId() != null) {
				generator.writeStringProperty("KeyId", request.keyId());
			}
			generator.writeEndObject();
		}
		return out.drain();
	}

	/**
	 * Read the plaintext of a {@code Decrypt} answer.
	 * @param body the answer's body
	 * @param length how many bytes of {@code body} hold the answer
	 * @return the plaintext, or {@code null} if the answer is a JSON object without a
	 * {@code Plaintext}
	 * @throws JacksonException if the answer is not a JSON object or its
	 * {@code Plaintext} is not base64
	 */
	static byte @Nullable [] plaintext(byte[] body, int length) {
		byte[] plaintext = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, length)) {
			expectObject(parser);
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("Plaintext".equals(name) && value == JsonToken.VALUE_STRING && plaintext == null) {
					ClearableBuffer decoded = new ClearableBuffer(length);
					parser.readBinaryValue(decoded);
					plaintext = decoded.drain();
				}
				else {
					parser.skipChildren();
				}
			}
			expectEnd(parser);
			return plaintext;
		}
		catch (RuntimeException ex) {
			if (plaintext != null) {
				Arrays.fill(plaintext, (byte) 0);
			}
			throw ex;
		}
	}

	/**
	 * Read the AWS error code of an error answer: its {@code __type} without the
	 * namespace, else its {@code code}.
	 * @param body the answer's body
	 * @param length how many bytes of {@code body} hold the answer
	 * @return the error code, or {@code null} when the answer is a JSON object without
	 * one
	 * @throws JacksonException if the answer is not a JSON object
	 */
	static @Nullable String errorCode(byte[] body, int length) {
		String type = null;
		String code = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, length)) {
			expectObject(parser);
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING && "__type".equals(name)) {
					type = parser.getString();
				}
				else if (value == JsonToken.VALUE_STRING && "code".equalsIgnoreCase(name)) {
					code = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
			expectEnd(parser);
		}
		return errorCode((type != null) ? type : code);
	}

	/**
	 * Return an AWS error code without the namespace before {@code #} and what follows a
	 * {@code :} or {@code ;} in the {@code X-Amzn-ErrorType} and
	 * {@code x-amzn-query-error} headers.
	 * @param value the raw code, or {@code null}
	 * @return the code, or {@code null} if there is none or it does not look like one
	 */
	static @Nullable String errorCode(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String code = value.substring(value.lastIndexOf('#') + 1);
		int end = indexOfEnd(code);
		code = code.substring(0, end).strip();
		return isErrorCode(code) ? code : null;
	}

	private static int indexOfEnd(String code) {
		for (int i = 0; i < code.length(); i++) {
			if (code.charAt(i) == ':' || code.charAt(i) == ';') {
				return i;
			}
		}
		return code.length();
	}

	// Only a code-like word reaches a message: whatever answers could put anything there.
	private static boolean isErrorCode(String code) {
		if (code.isEmpty() || code.length() > 128) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '.') {
				return false;
			}
		}
		return true;
	}

	private static void expectObject(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new StreamReadException(parser, "not a single JSON object");
		}
	}

	private static void expectEnd(JsonParser parser) {
		if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
			throw new StreamReadException(parser, "not a single JSON object");
		}
	}

	/**
	 * A byte buffer whose content is cleared when it is taken out.
	 */
	private static final class ClearableBuffer extends ByteArrayOutputStream {

		ClearableBuffer(int size) {
			super(size);
		}

		byte[] drain() {
			byte[] bytes = Arrays.copyOf(this.buf, this.count);
			Arrays.fill(this.buf, (byte) 0);
			this.count = 0;
			return bytes;
		}

	}

}
