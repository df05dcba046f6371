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

package io.github.secretbaker.benchmarks.lambda;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import io.github.secretbaker.test.LocalAwsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdkTrustStoreTests {

	private static final Path CACERTS = JdkTrustStore.cacerts(Path.of(System.getProperty("java.home")));

	@Test
	void copiesTheJdksCacertsInItsOwnTypeWithTheLocalServersCertificateAdded(@TempDir Path dir) throws Exception {
		KeyStore cacerts = KeyStore.getInstance(CACERTS.toFile(), JdkTrustStore.CACERTS_PASSWORD.toCharArray());
		try (LocalAwsServer server = LocalAwsServer.builder().https(true).start()) {
			Path copy = dir.resolve("cacerts-copy");
			JdkTrustStore.Copy written = JdkTrustStore.writeWith(CACERTS, server.trustStore(),
					server.trustStorePassword(), copy);
			assertThat(written.type()).isEqualTo(cacerts.getType());
			assertThat(written.certificates()).isEqualTo(cacerts.size() + 1);
			KeyStore loaded = loadWithoutPassword(copy, written.type());
			assertThat(loaded.size()).isEqualTo(written.certificates());
			assertThat(status(server, loaded)).isPositive();
		}
	}

	@Test
	void theJdksCacertsAloneDoNotTrustTheLocalServer() throws Exception {
		try (LocalAwsServer server = LocalAwsServer.builder().https(true).start()) {
			KeyStore cacerts = KeyStore.getInstance(CACERTS.toFile(), JdkTrustStore.CACERTS_PASSWORD.toCharArray());
			assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> status(server, cacerts));
		}
	}

	private static KeyStore loadWithoutPassword(Path store, String type) throws Exception {
		// As the JDK loads javax.net.ssl.trustStore when no password is set.
		KeyStore keyStore = KeyStore.getInstance(type);
		try (InputStream in = Files.newInputStream(store)) {
			keyStore.load(in, null);
		}
		return keyStore;
	}

	private static int status(LocalAwsServer server, KeyStore trusted) throws Exception {
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		HttpsURLConnection connection = (HttpsURLConnection) server.endpoint().toURL().openConnection();
		connection.setSSLSocketFactory(context.getSocketFactory());
		try {
			return ((HttpURLConnection) connection).getResponseCode();
		}
		finally {
			connection.disconnect();
		}
	}

}
