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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.test.LocalAwsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link TlsTrust}.
 */
class TlsTrustTests {

	private static LocalAwsServer server;

	private static X509Certificate serverCertificate;

	private final AtomicInteger fallbacksMade = new AtomicInteger();

	@BeforeAll
	static void startServer() throws Exception {
		server = LocalAwsServer.builder().https(true).start();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(server.trustStore())) {
			store.load(in, server.trustStorePassword().toCharArray());
		}
		serverCertificate = (X509Certificate) store.getCertificate(store.aliases().nextElement());
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void bundlesTheAmazonTrustServicesRootsThatTheJdksOwnTrustStoreHolds() throws Exception {
		List<X509Certificate> roots = TlsTrust.amazonRoots();
		assertThat(roots).extracting((root) -> root.getSubjectX500Principal().getName())
			.containsExactly("CN=Amazon Root CA 1,O=Amazon,C=US", "CN=Amazon Root CA 2,O=Amazon,C=US",
					"CN=Amazon Root CA 3,O=Amazon,C=US", "CN=Amazon Root CA 4,O=Amazon,C=US",
					"CN=Starfield Services Root Certificate Authority - G2,O=Starfield Technologies\\, Inc.,"
							+ "L=Scottsdale,ST=Arizona,C=US");
		TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		jdk.init((KeyStore) null);
		Set<String> jdkAnchors = Arrays
			.stream(((X509ExtendedTrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers())
			.map(TlsTrustTests::fingerprint)
			.collect(Collectors.toSet());
		// Trusting these first can never accept what the JVM's own store would refuse.
		assertThat(roots).extracting(TlsTrustTests::fingerprint).allMatch(jdkAnchors::contains);
		assertThat(roots).allSatisfy((root) -> root.checkValidity());
	}

	@Test
	void includesTheBundledRootsInANativeImage() throws Exception {
		String configuration;
		try (InputStream in = TlsTrust.class.getResourceAsStream(
				"/META-INF/native-image/io.github.secretbaker/secret-baker-core/resource-config.json")) {
			assertThat(in).isNotNull();
			configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String resource = TlsTrust.class.getPackageName().replace('.', '/') + "/" + TlsTrust.AMAZON_ROOTS;
		String pattern = "\\\\Q" + resource + "\\\\E";
		assertThat(configuration).contains("\"pattern\": \"" + pattern + "\"");
		assertThat(TlsTrust.class.getClassLoader().getResource(resource)).isNotNull();
	}

	@Test
	void acceptsAServerUnderTheFirstAnchorsWithoutMakingTheFallback() throws Exception {
		handshake(new TlsTrust.AnchorsFirst(TlsTrust.trustManager(List.of(serverCertificate)),
				countingFallback(TlsTrust.amazonRoots())), "127.0.0.1");
		assertThat(this.fallbacksMade).hasValue(0);
	}

	@Test
	void asksTheFallbackForAChainTheFirstAnchorsRefuse() throws Exception {
		handshake(new TlsTrust.AnchorsFirst(TlsTrust.trustManager(TlsTrust.amazonRoots()),
				countingFallback(List.of(serverCertificate))), "127.0.0.1");
		assertThat(this.fallbacksMade).hasValue(1);
	}

	@Test
	void refusesAChainThatNeitherTrusts() throws Exception {
		TlsTrust.AnchorsFirst trust = new TlsTrust.AnchorsFirst(TlsTrust.trustManager(TlsTrust.amazonRoots()),
				countingFallback(TlsTrust.amazonRoots()));
		assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> handshake(trust, "127.0.0.1"));
		assertThat(this.fallbacksMade).hasValue(1);
	}

	@Test
	void checksTheHostNameOfAServerUnderTheFirstAnchors() throws Exception {
		TlsTrust.AnchorsFirst trust = new TlsTrust.AnchorsFirst(TlsTrust.trustManager(List.of(serverCertificate)),
				countingFallback(List.of(serverCertificate)));
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> handshake(trust, "kms.us-east-1.amazonaws.com"));
	}

	@Test
	void triesTheCertificatesOfTheTrustAnchorsPropertyBeforeTheJvmsTrustStore() throws Exception {
		Path pem = server.certificatePem();
		SSLContext context = TlsTrust.context(Map.of(TlsTrust.TRUST_ANCHORS_PROPERTY, pem.toString())::get);
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(server.endpoint().getHost(), server.endpoint().getPort())) {
			checkHostName(socket);
			socket.startHandshake();
			assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(serverCertificate);
		}
	}

	@Test
	void refusesAServerThatOnlyTheTrustAnchorsPropertyWouldTrustWhenItIsNotSet() throws Exception {
		SSLContext context = TlsTrust.context(Map.<String, String>of()::get);
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(server.endpoint().getHost(), server.endpoint().getPort())) {
			checkHostName(socket);
			assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(socket::startHandshake);
		}
	}

	@Test
	void usesOnlyTheJvmsContextWhenTheJvmIsGivenATrustStore() throws Exception {
		Map<String, String> properties = new HashMap<>();
		properties.put(TlsTrust.TRUST_STORE_PROPERTY, "/etc/pki/custom.jks");
		properties.put(TlsTrust.TRUST_ANCHORS_PROPERTY, "/does/not/matter.pem");
		assertThat(TlsTrust.context(properties::get)).isSameAs(SSLContext.getDefault());
	}

	@Test
	void namesThePropertyAndFileWhenTheTrustAnchorsCannotBeRead(@TempDir Path directory) throws IOException {
		Path missing = directory.resolve("missing.pem");
		assertThatIOException()
			.isThrownBy(() -> TlsTrust.context(Map.of(TlsTrust.TRUST_ANCHORS_PROPERTY, missing.toString())::get))
			.withMessage("the certificates named by system property secret-baker.tls.trust-anchors (" + missing
					+ ") could not be read (NoSuchFileException); check the path and its permissions, or unset the "
					+ "property");
		Path garbage = directory.resolve("garbage.pem");
		String body = "-----BEGIN CERTIFICATE-----\nnot, a \"certificate\"\n-----END CERTIFICATE-----\n";
		Files.writeString(garbage, body, StandardCharsets.US_ASCII);
		assertThatIOException()
			.isThrownBy(() -> TlsTrust.context(Map.of(TlsTrust.TRUST_ANCHORS_PROPERTY, garbage.toString())::get))
			.withMessageContaining("(" + garbage + ") could not be read: the file is not PEM or DER certificates")
			.withMessageNotContaining("certificate\"")
			.withNoCause();
		Path empty = directory.resolve("empty.pem");
		Files.writeString(empty, "", StandardCharsets.US_ASCII);
		assertThatIOException()
			.isThrownBy(() -> TlsTrust.context(Map.of(TlsTrust.TRUST_ANCHORS_PROPERTY, empty.toString())::get))
			.withMessageContaining("are missing: the file holds no certificate");
	}

	@Test
	void transportCallsAnHttpsEndpointThroughTheSharedContext() throws Exception {
		// The JVM running these tests has no trust store property and does not trust the
		// local server, so the shared context must refuse it after asking the JVM's
		// store.
		try (HttpTransport transport = new HttpTransport(1, 1024)) {
			assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> transport.exchange(
					new HttpTransport.Request("POST", server.endpoint(), List.of(), new byte[0]),
					Deadline.in(Duration.ofSeconds(5)), null));
		}
	}

	private TlsTrust.TrustSupplier countingFallback(List<X509Certificate> anchors) {
		return () -> {
			this.fallbacksMade.incrementAndGet();
			try {
				return TlsTrust.trustManager(anchors);
			}
			catch (GeneralSecurityException ex) {
				throw new CertificateException(ex);
			}
		};
	}

	private static void handshake(X509ExtendedTrustManager trust, String hostName) throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { trust }, null);
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress(server.endpoint().getHost(), server.endpoint().getPort()), 5000);
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(plain, hostName, server.endpoint().getPort(), true)) {
			checkHostName(socket);
			socket.startHandshake();
		}
	}

	private static void checkHostName(SSLSocket socket) throws IOException {
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.setSoTimeout(5000);
	}

	private static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
