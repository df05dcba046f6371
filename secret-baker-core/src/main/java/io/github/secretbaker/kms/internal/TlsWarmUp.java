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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Runs one TLS handshake and one record each way between two sockets of this JVM on the
 * loopback address, so that a JVM about to be snapshotted (Lambda SnapStart, CRaC) or
 * recorded into a class data archive has loaded and run the JDK's TLS code before its
 * first real handshake. Nothing of it reaches the network or outlives it: the peer's RSA
 * key and self-signed certificate are made for this handshake alone and trusted only by
 * its own client context, whose sessions are invalidated; the JVM's default TLS context
 * is not used, so no session of it carries over. The handshake checks the peer's
 * certificate and host name as a real call does.
 */
final class TlsWarmUp {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final byte[] SHA256_WITH_RSA = { 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
			0x01, 0x01, 0x0B };

	private static final byte[] COMMON_NAME = { 0x06, 0x03, 0x55, 0x04, 0x03 };

	private static final byte[] SUBJECT_ALT_NAME = { 0x06, 0x03, 0x55, 0x1D, 0x11 };

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private TlsWarmUp() {
	}

	/**
	 * Run the handshake.
	 * @throws IOException if a socket fails
	 * @throws GeneralSecurityException if the JVM's TLS or key providers fail
	 */
	static void handshake() throws IOException, GeneralSecurityException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		// The size of the keys KMS's certificates carry, so that their checks are warmed.
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		X509Certificate certificate = selfSigned(keys, loopback);
		char[] password = "warm-up".toCharArray();
		KeyStore serverKeys = KeyStore.getInstance("PKCS12");
		serverKeys.load(null, null);
		serverKeys.setKeyEntry("warm-up", keys.getPrivate(), password, new Certificate[] { certificate });
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(serverKeys, password);
		SSLContext server = SSLContext.getInstance("TLS");
		server.init(keyManagers.getKeyManagers(), null, null);
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("warm-up", certificate);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, trustManagers.getTrustManagers(), null);
		try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
			.createServerSocket(0, 1, loopback)) {
			listener.setSoTimeout((int) TIMEOUT.toMillis());
			CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> echoOnce(listener));
			try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
				.createSocket(loopback, listener.getLocalPort())) {
				socket.setSoTimeout((int) TIMEOUT.toMillis());
				SSLParameters parameters = socket.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				socket.setSSLParameters(parameters);
				socket.startHandshake();
				socket.getOutputStream().write(1);
				socket.getOutputStream().flush();
				if (socket.getInputStream().read() != 1) {
					throw new IOException("the warm-up peer did not answer");
				}
				socket.getSession().invalidate();
			}
			peer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("the warm-up peer failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted during the TLS warm-up", ex);
		}
	}

	private static void echoOnce(SSLServerSocket listener) {
		try (SSLSocket accepted = (SSLSocket) listener.accept()) {
			accepted.setSoTimeout((int) TIMEOUT.toMillis());
			InputStream in = accepted.getInputStream();
			OutputStream out = accepted.getOutputStream();
			out.write(in.read());
			out.flush();
			accepted.getSession().invalidate();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the warm-up peer failed", ex);
		}
	}

	/**
	 * Return a version 3 certificate for the loopback address, signed by its own key with
	 * SHA-256 and RSA: the DER of RFC 5280's structures, with the JDK's own encoding of
	 * the public key and its own signature.
	 * @param keys the keys
	 * @param address the address
	 * @return a version 3 certificate for the loopback address, signed by its own key
	 * with SHA-256 and RSA: the DER of RFC 5280's structures, with the JDK's own encoding
	 * of the public key and its own signature
	 */
	private static X509Certificate selfSigned(KeyPair keys, InetAddress address) throws GeneralSecurityException {
		byte[] algorithm = der(0x30, SHA256_WITH_RSA, new byte[] { 0x05, 0x00 });
		byte[] name = der(0x30, der(0x31,
				der(0x30, COMMON_NAME, der(0x0C, "secret-baker TLS warm-up".getBytes(StandardCharsets.UTF_8)))));
		Instant now = Instant.now();
		byte[] validity = der(0x30,
				der(0x17, UTC_TIME.format(now.minusSeconds(60)).getBytes(StandardCharsets.US_ASCII)),
				der(0x17, UTC_TIME.format(now.plus(Duration.ofDays(1))).getBytes(StandardCharsets.US_ASCII)));
		byte[] alternativeNames = der(0x30, der(0x82, address.getHostName().getBytes(StandardCharsets.US_ASCII)),
				der(0x87, address.getAddress()));
		byte[] extensions = der(0xA3, der(0x30, der(0x30, SUBJECT_ALT_NAME, der(0x04, alternativeNames))));
		byte[] serial = der(0x02, BigInteger.valueOf(now.toEpochMilli()).toByteArray());
		byte[] toBeSigned = der(0x30, der(0xA0, der(0x02, new byte[] { 2 })), serial, algorithm, name, validity, name,
				keys.getPublic().getEncoded(), extensions);
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update(toBeSigned);
		byte[] signed = signature.sign();
		byte[] bits = new byte[signed.length + 1];
		System.arraycopy(signed, 0, bits, 1, signed.length);
		byte[] encoded = der(0x30, toBeSigned, algorithm, der(0x03, bits));
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(encoded));
	}

	/**
	 * Return a DER element: its tag, its definite length and its contents.
	 * @param tag the tag
	 * @param contents the contents
	 * @return a DER element: its tag, its definite length and its contents
	 */
	private static byte[] der(int tag, byte[]... contents) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] content : contents) {
			body.writeBytes(content);
		}
		int length = body.size();
		ByteArrayOutputStream element = new ByteArrayOutputStream();
		element.write(tag);
		if (length < 0x80) {
			element.write(length);
		}
		else if (length <= 0xFF) {
			element.write(0x81);
			element.write(length);
		}
		else {
			element.write(0x82);
			element.write(length >> 8);
			element.write(length);
		}
		element.writeBytes(body.toByteArray());
		return element.toByteArray();
	}

}
