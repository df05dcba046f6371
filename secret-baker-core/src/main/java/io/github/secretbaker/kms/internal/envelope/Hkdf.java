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

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) on one of the JDK's HMACs: extract with a salt, then expand with an
 * info string to the requested length.
 */
final class Hkdf {

	private Hkdf() {
	}

	/**
	 * Derive key material.
	 * @param macAlgorithm the JDK's HMAC name, such as {@code HmacSHA384}
	 * @param salt the salt, or an empty array for none (a string of zeros of the hash
	 * length)
	 * @param inputKey the input key material
	 * @param info the context and application specific information
	 * @param length the number of bytes to return, at most 255 hash lengths
	 * @return the output key material
	 * @throws GeneralSecurityException if the JDK lacks the HMAC
	 */
	static byte[] derive(String macAlgorithm, byte[] salt, byte[] inputKey, byte[] info, int length)
			throws GeneralSecurityException {
		Mac mac = Mac.getInstance(macAlgorithm);
		int hashLength = mac.getMacLength();
		// RFC 5869 2.2: an absent salt is a string of HashLen zeros.
		mac.init(new SecretKeySpec((salt.length != 0) ? salt : new byte[hashLength], macAlgorithm));
		byte[] pseudoRandomKey = mac.doFinal(inputKey);
		try {
			mac.init(new SecretKeySpec(pseudoRandomKey, macAlgorithm));
			byte[] output = new byte[length];
			byte[] block = new byte[0];
			int written = 0;
			for (int counter = 1; written < length; counter++) {
				mac.update(block);
				mac.update(info);
				mac.update((byte) counter);
				Arrays.fill(block, (byte) 0);
				block = mac.doFinal();
				int count = Math.min(block.length, length - written);
				System.arraycopy(block, 0, output, written, count);
				written += count;
			}
			Arrays.fill(block, (byte) 0);
			return output;
		}
		finally {
			Arrays.fill(pseudoRandomKey, (byte) 0);
		}
	}

}
