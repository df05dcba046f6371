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

package io.github.secretbaker.format;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Quoting}.
 */
class QuotingTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Test
	void quotesNamesPathsAndArnsOfUsualLength() {
		assertThat(Quoting.quote("DB_PASSWORD")).isEqualTo("'DB_PASSWORD'");
		assertThat(Quoting.quote("/app/db/password")).isEqualTo("'/app/db/password'");
		assertThat(Quoting.quote("MYSECRETPASSWORD")).isEqualTo("'MYSECRETPASSWORD'");
		assertThat(Quoting.isQuotable("arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password")).isTrue();
		assertThat(Quoting.isQuotable("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
			.isTrue();
	}

	@RepeatedTest(20)
	void neverQuotesAnyPartOfACiphertext() {
		byte[] blob = new byte[150 + RANDOM.nextInt(100)];
		RANDOM.nextBytes(blob);
		String ciphertext = Base64.getEncoder().encodeToString(blob);
		assertThat(Quoting.quote(ciphertext))
			.isEqualTo("(a value of " + ciphertext.length() + " characters, not shown)");
		assertThat(Quoting.isQuotable("arn:" + ciphertext.substring(0, 100))).isFalse();
	}

	@Test
	void neverQuotesLongOrUnprintableValues() {
		assertThat(Quoting.isQuotable("a".repeat(Quoting.MAX_QUOTED_LENGTH))).isTrue();
		assertThat(Quoting.isQuotable("a".repeat(Quoting.MAX_QUOTED_LENGTH + 1))).isFalse();
		assertThat(Quoting.isQuotable("A\u001b[2J")).isFalse();
	}

}
