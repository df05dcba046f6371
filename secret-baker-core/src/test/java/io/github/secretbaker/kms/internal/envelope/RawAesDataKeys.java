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

package io.github.secretbaker.kms.internal.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for KMS in the tests of messages that other implementations wrote with a raw
 * AES keyring (or the Java SDK's {@code JceMasterKey}): unwraps the data key with the
 * JDK's AES-GCM, as the raw AES keyring specification lays it out (provider information =
 * key name, tag length in bits, IV length, IV; encrypted key = ciphertext and tag; AAD =
 * the serialized encryption context).
 */
final class RawAesDataKeys {

	private final String keyNamespace;

	private final String keyName;

	private final byte[] wrappingKey;

	RawAesDataKeys(String keyNamespace, String keyName, byte[] wrappingKey) {
		this.keyNamespace = keyNamespace;
		this.keyName = keyName;
		this.wrappingKey = wrappingKey;
	}

	byte[] unwrap(EncryptionSdkMessage message) throws GeneralSecurityException {
		byte[] name = this.keyName.getBytes(StandardCharsets.UTF_8);
		for (EncryptedDataKey key : message.encryptedDataKeys()) {
			byte[] information = key.providerInformation();
			if (!this.keyNamespace.equals(key.providerId()) || information.length != name.length + 8 + 12
					|| !Arrays.equals(Arrays.copyOf(information, name.length), name)) {
				continue;
			}
			ByteBuffer lengths = ByteBuffer.wrap(information, name.length, 8);
			if (lengths.getInt() != 128 || lengths.getInt() != 12) {
				continue;
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(this.wrappingKey, "AES"),
					new GCMParameterSpec(128, information, name.length + 8, 12));
			cipher.updateAAD(serialize(message.encryptionContext()));
			return cipher.doFinal(key.ciphertext());
		}
		throw new IllegalStateException("The message holds no data key of " + this.keyNamespace + "/" + this.keyName);
	}

	/**
	 * Serialize an encryption context as the message format does: the pair count, then
	 * each key and value, sorted by key, with their lengths; nothing for an empty
	 * context.
	 */
	static byte[] serialize(Map<String, String> context) {
		if (context.isEmpty()) {
			return new byte[0];
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeShort(out, context.size());
		context.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing((String key) -> key.getBytes(StandardCharsets.UTF_8),
					Arrays::compareUnsigned)))
			.forEach((entry) -> {
				writeString(out, entry.getKey());
				writeString(out, entry.getValue());
			});
		return out.toByteArray();
	}

	private static void writeString(ByteArrayOutputStream out, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		writeShort(out, bytes.length);
		out.writeBytes(bytes);
	}

	private static void writeShort(ByteArrayOutputStream out, int value) {
		out.write(value >>> 8);
		out.write(value);
	}

}
