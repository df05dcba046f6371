package io.github.secretbaker.kms.http;

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
