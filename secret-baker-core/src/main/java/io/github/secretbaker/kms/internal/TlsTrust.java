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
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

/**
 * The TLS trust of {@link HttpTransport}: the Amazon Trust Services roots first, the
 * JVM's own trust store only when they do not validate a server's chain. KMS's
 * certificates chain to those roots, so a cold start validates them without loading the
 * JVM's store of some 140 certificates, which on a fraction of a CPU costs about a tenth
 * of a second.
 * <p>
 * Validation is the JDK's own (PKIX, its algorithm constraints and distrust policies, and
 * the host name check), and never less strict than the JVM's default: the roots are the
 * ones every JDK's {@code cacerts} carries, and a chain they refuse is judged by the
 * JVM's trust store alone. A JVM given a trust store of its own through
 * {@value #TRUST_STORE_PROPERTY} uses that store and nothing else. The system property
 * {@value #TRUST_ANCHORS_PROPERTY} names a file of further certificates (PEM or DER) to
 * try before the JVM's store, such as a private certificate authority in front of a KMS
 * endpoint.
 */
final class TlsTrust {

	/**
	 * The system property that names a file of certificates to trust before the JVM's
	 * trust store, beside the Amazon Trust Services roots.
	 */
	static final String TRUST_ANCHORS_PROPERTY = "secret-baker.tls.trust-anchors";

	static final String TRUST_STORE_PROPERTY = "javax.net.ssl.trustStore";

	/**
	 * The bundled Amazon Trust Services roots, beside this class; a native image includes
	 * them through core's {@code META-INF/native-image} resource configuration.
	 */
	static final String AMAZON_ROOTS = "amazon-trust-services-roots.pem";

	private static final Object LOCK = new Object();

	private static volatile @Nullable SSLContext context;

	private static volatile @Nullable X509ExtendedTrustManager jvmTrust;

	private TlsTrust() {
	}

	/**
	 * Return the socket factory of the shared context, making the context on first use.
	 * @return the socket factory
	 * @throws IOException if the certificates to trust cannot be read or the JVM's TLS is
	 * not available
	 */
	static SSLSocketFactory socketFactory() throws IOException {
		SSLContext shared = context;
		if (shared == null) {
			synchronized (LOCK) {
				shared = context;
				if (shared == null) {
					shared = context(System::getProperty);
					context = shared;
				}
			}
		}
		return shared.getSocketFactory();
	}

	/**
	 * Make a context as {@link #socketFactory()} does, with the given system properties.
	 * @param properties the system properties
	 * @return the context
	 * @throws IOException if the certificates to trust cannot be read or the JVM's TLS is
	 * not available
	 */
	static SSLContext context(Function<String, @Nullable String> properties) throws IOException {
		try {
			if (properties.apply(TRUST_STORE_PROPERTY) != null) {
				return SSLContext.getDefault();
			}
			List<X509Certificate> anchors = new ArrayList<>(amazonRoots());
			String more = properties.apply(TRUST_ANCHORS_PROPERTY);
			if (more != null) {
				anchors.addAll(certificates(more));
			}
			SSLContext created = SSLContext.getInstance("TLS");
			created.init(null, new TrustManager[] { new AnchorsFirst(trustManager(anchors), TlsTrust::jvmTrust) },
					null);
			return created;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("the JVM's TLS is not available", ex);
		}
	}

	/**
	 * Return the Amazon Trust Services roots that {@link #socketFactory()} tries first.
	 * @return the certificates
	 * @throws IOException if the bundled file cannot be read
	 */
	static List<X509Certificate> amazonRoots() throws IOException {
		try (InputStream in = TlsTrust.class.getResourceAsStream(AMAZON_ROOTS)) {
			if (in == null) {
				throw new IOException(AMAZON_ROOTS + " is missing from secret-baker-core's jar");
			}
			return x509(CertificateFactory.getInstance("X.509").generateCertificates(in));
		}
		catch (CertificateException ex) {
			throw new IOException(AMAZON_ROOTS + " in secret-baker-core's jar is damaged", ex);
		}
	}

	/**
	 * Return a trust manager of the JDK's default algorithm that trusts the given anchors
	 * and nothing else.
	 * @param anchors the certificates to trust
	 * @return the trust manager
	 * @throws GeneralSecurityException if the JVM's trust managers are not available
	 */
	static X509ExtendedTrustManager trustManager(List<X509Certificate> anchors) throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new GeneralSecurityException("an empty key store could not be made", ex);
		}
		for (int i = 0; i < anchors.size(); i++) {
			store.setCertificateEntry("anchor-" + i, anchors.get(i));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return extended(factory.getTrustManagers());
	}

	private static List<X509Certificate> certificates(String file) throws IOException {
		String problem = "the certificates named by system property " + TRUST_ANCHORS_PROPERTY + " (" + file + ")";
		List<X509Certificate> certificates;
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			certificates = x509(CertificateFactory.getInstance("X.509").generateCertificates(in));
		}
		catch (CertificateException ex) {
			// The parser's own message is not repeated: it may quote the file's bytes.
			throw new IOException(problem + " could not be read: the file is not PEM or DER certificates; give "
					+ "such a file, or unset the property");
		}
		catch (IOException | InvalidPathException ex) {
			throw new IOException(problem + " could not be read (" + ex.getClass().getSimpleName() + "); check "
					+ "the path and its permissions, or unset the property");
		}
		if (certificates.isEmpty()) {
			throw new IOException(problem + " are missing: the file holds no certificate; give a PEM or DER file "
					+ "of certificates, or unset the property");
		}
		return certificates;
	}

	private static List<X509Certificate> x509(Collection<? extends Certificate> certificates)
			throws CertificateException {
		List<X509Certificate> x509 = new ArrayList<>(certificates.size());
		for (Certificate certificate : certificates) {
			if (!(certificate instanceof X509Certificate)) {
				throw new CertificateException("not an X.509 certificate");
			}
			x509.add((X509Certificate) certificate);
		}
		return x509;
	}

	private static X509ExtendedTrustManager jvmTrust() throws CertificateException {
		X509ExtendedTrustManager trust = jvmTrust;
		if (trust == null) {
			synchronized (LOCK) {
				trust = jvmTrust;
				if (trust == null) {
					try {
						TrustManagerFactory factory = TrustManagerFactory
							.getInstance(TrustManagerFactory.getDefaultAlgorithm());
						factory.init((KeyStore) null);
						trust = extended(factory.getTrustManagers());
					}
					catch (GeneralSecurityException ex) {
						throw new CertificateException("the JVM's trust store could not be loaded", ex);
					}
					jvmTrust = trust;
				}
			}
		}
		return trust;
	}

	private static X509ExtendedTrustManager extended(TrustManager[] trustManagers) throws NoSuchAlgorithmException {
		for (TrustManager trustManager : trustManagers) {
			if (trustManager instanceof X509ExtendedTrustManager extended) {
				return extended;
			}
		}
		throw new NoSuchAlgorithmException("the JVM's default trust manager algorithm offers no X.509 trust manager");
	}

	/**
	 * Supplies a trust manager, possibly by loading a trust store.
	 */
	@FunctionalInterface
	interface TrustSupplier {

		X509ExtendedTrustManager get() throws CertificateException;

	}

	/**
	 * A trust manager that asks a first one, then, only for a chain the first refuses, a
	 * fallback made on first need. Each is asked the same question, with the socket or
	 * engine that carries the host name to check, so each applies all of its own checks.
	 */
	static final class AnchorsFirst extends X509ExtendedTrustManager {

		private final X509ExtendedTrustManager first;

		private final TrustSupplier fallback;

		AnchorsFirst(X509ExtendedTrustManager first, TrustSupplier fallback) {
			this.first = Objects.requireNonNull(first, "'first' must not be null");
			this.fallback = Objects.requireNonNull(fallback, "'fallback' must not be null");
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			try {
				this.first.checkServerTrusted(chain, authType, socket);
			}
			catch (CertificateException ex) {
				fallback(ex).checkServerTrusted(chain, authType, socket);
			}
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			try {
				this.first.checkServerTrusted(chain, authType, engine);
			}
			catch (CertificateException ex) {
				fallback(ex).checkServerTrusted(chain, authType, engine);
			}
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			try {
				this.first.checkServerTrusted(chain, authType);
			}
			catch (CertificateException ex) {
				fallback(ex).checkServerTrusted(chain, authType);
			}
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			// Only ever a client: a client certificate is judged by the JVM's trust
			// alone.
			fallback(null).checkClientTrusted(chain, authType, socket);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			fallback(null).checkClientTrusted(chain, authType, engine);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			fallback(null).checkClientTrusted(chain, authType);
		}

		/**
		 * Return the first trust manager's issuers. A client is never asked for them; a
		 * server would name them in a certificate request.
		 * @return the issuers the first trust manager accepts
		 */
		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.first.getAcceptedIssuers();
		}

		private X509ExtendedTrustManager fallback(@Nullable CertificateException refused) throws CertificateException {
			try {
				return this.fallback.get();
			}
			catch (CertificateException | RuntimeException ex) {
				if (refused != null) {
					ex.addSuppressed(refused);
				}
				throw ex;
			}
		}

	}

}
