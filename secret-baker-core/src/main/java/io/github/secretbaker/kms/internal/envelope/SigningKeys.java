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
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;

import org.jspecify.annotations.Nullable;

/**
 * The ECDSA public key of a signed message, from the compressed point (SEC 1, 2.3.3) that
 * the message's encryption context holds: the point is decompressed on the suite's curve
 * and checked to lie on it before the JDK's key factory sees it.
 */
final class SigningKeys {

	private SigningKeys() {
	}

	/**
	 * Return the public key of a compressed point.
	 * @param curveName the JDK's name of a prime curve whose field prime is 3 modulo 4
	 * ({@code secp256r1} or {@code secp384r1})
	 * @param compressed the compressed point: {@code 02} or {@code 03}, then the x
	 * coordinate
	 * @return the key, or {@code null} if the bytes are no point of the curve
	 * @throws GeneralSecurityException if the JDK lacks the curve
	 */
	static @Nullable PublicKey fromCompressedPoint(String curveName, byte[] compressed)
			throws GeneralSecurityException {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec(curveName));
		ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
		EllipticCurve curve = spec.getCurve();
		BigInteger p = ((ECFieldFp) curve.getField()).getP();
		int length = (p.bitLength() + 7) / 8;
		if (compressed.length != length + 1 || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
			return null;
		}
		BigInteger x = new BigInteger(1, compressed, 1, length);
		if (x.compareTo(p) >= 0) {
			return null;
		}
		BigInteger rightSide = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
		// p = 3 (mod 4) on both curves, so a square root of r is r^((p + 1) / 4) when r
		// has one.
		BigInteger y = rightSide.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
		boolean odd = compressed[0] == 0x03;
		if (y.testBit(0) != odd) {
			y = p.subtract(y).mod(p);
		}
		// The point is on the curve only if y^2 = x^3 + ax + b: x may have no square
		// root.
		if (y.testBit(0) != odd || !y.multiply(y).mod(p).equals(rightSide)) {
			return null;
		}
		return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
	}

}
