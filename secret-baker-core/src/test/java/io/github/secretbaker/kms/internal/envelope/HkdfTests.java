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

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Hkdf}, with the test vectors of RFC 5869, appendix A.
 */
class HkdfTests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void derivesTheOutputOfRfc5869TestCaseOne() throws Exception {
		byte[] output = Hkdf.derive("HmacSHA256", HEX.parseHex("000102030405060708090a0b0c"),
				HEX.parseHex("0b".repeat(22)), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
		assertThat(HEX.formatHex(output))
			.isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

	@Test
	void derivesTheOutputOfRfc5869TestCaseTwoOverSeveralBlocks() throws Exception {
		byte[] output = Hkdf.derive("HmacSHA256", range(0x60, 80), range(0x00, 80), range(0xb0, 80), 82);
		assertThat(HEX.formatHex(output)).isEqualTo("b11e398dc80327a1c8e7f78c596a4934"
				+ "4f012eda2d4efad8a050cc4c19afa97c" + "59045a99cac7827271cb41c65e590e09"
				+ "da3275600c2f09b8367793a9aca3db71" + "cc30c58179ec3e87c14c01d5c1f3434f" + "1d87");
	}

	@Test
	void derivesTheOutputOfRfc5869TestCaseThreeWithoutSalt() throws Exception {
		byte[] output = Hkdf.derive("HmacSHA256", new byte[0], HEX.parseHex("0b".repeat(22)), new byte[0], 42);
		assertThat(HEX.formatHex(output))
			.isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
	}

	private static byte[] range(int start, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (start + i);
		}
		return bytes;
	}

}
