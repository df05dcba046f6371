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

import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsWarmUp}.
 */
class TlsWarmUpTests {

	@Test
	void handsShakeOnTheLoopbackCheckingTheCertificateAndHostNameLeavingNoSessionInTheDefaultContext()
			throws Exception {
		// handshake() throws unless the client accepted the peer's certificate for
		// 127.0.0.1
		// and read the peer's answer.
		List<byte[]> before = Collections.list(SSLContext.getDefault().getClientSessionContext().getIds());
		TlsWarmUp.handshake();
		TlsWarmUp.handshake();
		assertThat(Collections.list(SSLContext.getDefault().getClientSessionContext().getIds())).hasSameSizeAs(before);
	}

}
