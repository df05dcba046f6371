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

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * A copy of the JDK's own {@code cacerts}, in the same store type, with the local
 * server's certificate added: a function then validates the local server against a trust
 * store of the size and kind it loads on Lambda, where KMS is trusted by the JDK's
 * default store.
 *
 * @since 0.1.0
 */
public final class JdkTrustStore {

	/**
	 * The password of the JDK's {@code cacerts}, with which the copy is written; a JVM
	 * loads both without one, as it loads its default store.
	 */
	public static final String CACERTS_PASSWORD = "changeit";

	private JdkTrustStore() {
	}

	/**
	 * Return the JDK's {@code cacerts} of a Java home.
	 * @param javaHome the Java home
	 * @return the {@code lib/security/cacerts} file
	 */
	public static Path cacerts(Path javaHome) {
		return javaHome.resolve("lib").resolve("security").resolve("cacerts");
	}

	/**
	 * Write a copy of a {@code cacerts} file with every certificate of another trust
	 * store added.
	 * @param cacerts the JDK's {@code cacerts}
	 * @param extra the trust store whose certificates are added
	 * @param extraPassword its password
	 * @param target the file to write
	 * @return what the copy holds
	 */
	public static Copy writeWith(Path cacerts, Path extra, String extraPassword, Path target) {
		try {
			KeyStore copy = KeyStore.getInstance(cacerts.toFile(), CACERTS_PASSWORD.toCharArray());
			KeyStore added = KeyStore.getInstance(extra.toFile(), extraPassword.toCharArray());
			for (String alias : Collections.list(added.aliases())) {
				if (added.isCertificateEntry(alias)) {
					copy.setCertificateEntry("secret-baker-benchmarks-" + alias, added.getCertificate(alias));
				}
			}
			Files.createDirectories(target.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(target)) {
				copy.store(out, CACERTS_PASSWORD.toCharArray());
			}
			return new Copy(copy.getType(), copy.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the trust store " + target, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot copy " + cacerts + " with the certificates of " + extra, ex);
		}
	}

	/**
	 * What a written copy holds.
	 *
	 * @param type the store type, that of {@code cacerts}, such as {@code JKS} on Java 17
	 * @param certificates the number of certificates
	 * @since 0.1.0
	 */
	public record Copy(String type, int certificates) {

	}

}
