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

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SigningKeys}: compressed points of keys the JDK generates, and bytes
 * that are no point of the curve.
 */
class SigningKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "secp256r1", "secp384r1" })
	void decompressesThePointsOfGeneratedKeysWithEitherParity(String curve) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(curve));
		boolean[] parities = new boolean[2];
		for (int i = 0; i < 20 || !(parities[0] && parities[1]); i++) {
			ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
			byte[] compressed = compress(key);
			parities[compressed[0] - 2] = true;
			PublicKey decompressed = SigningKeys.fromCompressedPoint(curve, compressed);
			assertThat(decompressed).isInstanceOf(ECPublicKey.class);
			assertThat(((ECPublicKey) decompressed).getW()).isEqualTo(key.getW());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "secp256r1", "secp384r1" })
	void refusesBytesThatAreNoPointOfTheCurve(String curve) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(curve));
		ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
		byte[] compressed = compress(key);
		byte[] uncompressedPrefix = compressed.clone();
		uncompressedPrefix[0] = 0x04;
		assertThat(SigningKeys.fromCompressedPoint(curve, uncompressedPrefix)).isNull();
		assertThat(SigningKeys.fromCompressedPoint(curve, Arrays.copyOf(compressed, compressed.length - 1))).isNull();
		BigInteger p = ((ECFieldFp) key.getParams().getCurve().getField()).getP();
		assertThat(SigningKeys.fromCompressedPoint(curve, withX(compressed, p))).isNull();
		int notOnCurve = 0;
		for (int x = 1; x <= 20; x++) {
			if (SigningKeys.fromCompressedPoint(curve, withX(compressed, BigInteger.valueOf(x))) == null) {
				notOnCurve++;
			}
		}
		// About half of all x have no y on the curve.
		assertThat(notOnCurve).isBetween(1, 19);
	}

	private static byte[] compress(ECPublicKey key) {
		int length = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
		byte[] compressed = withX(new byte[length + 1], key.getW().getAffineX());
		compressed[0] = (byte) (key.getW().getAffineY().testBit(0) ? 0x03 : 0x02);
		return compressed;
	}

	private static byte[] withX(byte[] compressed, BigInteger x) {
		byte[] result = compressed.clone();
		byte[] bytes = x.toByteArray();
		int length = Math.min(bytes.length, result.length - 1);
		Arrays.fill(result, 1, result.length, (byte) 0);
		System.arraycopy(bytes, bytes.length - length, result, result.length - length, length);
		return result;
	}

}
