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

package io.github.secretbaker.test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import io.github.secretbaker.test.LocalAwsServerMain.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LocalAwsServer} answering over HTTPS.
 */
class LocalAwsServerHttpsTests {

	private static LocalAwsServer server;

	@BeforeAll
	static void startServer() {
		server = LocalAwsServer.builder().https(true).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void answersTheSdkClientsOverHttps() {
		assertThat(server.endpoint().toString()).matches("https://127\\.0\\.0\\.1:\\d+");
		assertThat(server.isHttps()).isTrue();
		String keyArn = server.kmsClient().createKey().keyMetadata().arn();
		SdkBytes ciphertext = server.kmsClient()
			.encrypt((request) -> request.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("s3cr3t")))
			.ciphertextBlob();
		assertThat(
				server.kmsClient().decrypt((request) -> request.ciphertextBlob(ciphertext)).plaintext().asUtf8String())
			.isEqualTo("s3cr3t");
		server.putSecureString("/app/password", "s3cr3t", keyArn);
		assertThat(server.ssmClient()
			.getParameter((request) -> request.name("/app/password").withDecryption(true))
			.parameter()
			.value()).isEqualTo("s3cr3t");
	}

	@Test
	void writesItsCertificateAsPemThatTheJdkReadsBackAndTrusts() throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(server.certificatePem())) {
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				trusted.setCertificateEntry("local", certificate);
			}
		}
		assertThat(trusted.size()).isOne();
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		assertThat(listKeys(server.endpoint().toURL(), context.getSocketFactory()).getResponseCode()).isEqualTo(200);
	}

	@Test
	void answersHttpsUrlConnectionThatTrustsTheWrittenTrustStore() throws Exception {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(server.trustStore())) {
			trustStore.load(in, LocalAwsServer.TRUST_STORE_PASSWORD.toCharArray());
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		HttpsURLConnection connection = listKeys(server.endpoint().toURL(), context.getSocketFactory());
		assertThat(connection.getResponseCode()).isEqualTo(200);
		try (InputStream in = connection.getInputStream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"Keys\":[");
		}
		HttpsURLConnection byName = listKeys(new URL("https://localhost:" + server.endpoint().getPort() + "/"),
				server.clientSslContext().getSocketFactory());
		assertThat(byName.getResponseCode()).isEqualTo(200);
	}

	@Test
	void failsTheHandshakeOfClientsWithoutTheTrustStore() throws Exception {
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> listKeys(server.endpoint().toURL(), SSLContext.getDefault().getSocketFactory()));
		try (KmsClient untrusting = KmsClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.of(server.region()))
			.credentialsProvider(server.credentialsProvider())
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build()) {
			assertThatExceptionOfType(SdkClientException.class).isThrownBy(untrusting::listKeys)
				.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
		}
	}

	@Test
	void deletesTheTrustStoreWhenClosed() {
		LocalAwsServer other = LocalAwsServer.builder().https(true).start();
		Path trustStore = other.trustStore();
		assertThat(trustStore).isRegularFile();
		other.close();
		assertThat(trustStore).doesNotExist();
	}

	@Test
	void refusesTlsAccessorsOnPlainHttpServer() {
		try (LocalAwsServer plain = LocalAwsServer.start()) {
			assertThat(plain.isHttps()).isFalse();
			assertThat(plain.endpoint().getScheme()).isEqualTo("http");
			assertThatIllegalStateException().isThrownBy(plain::trustStore);
			assertThatIllegalStateException().isThrownBy(plain::clientSslContext);
		}
	}

	@Test
	void parsesHttpsFlag() {
		assertThat(Options.parse("--https").https()).isTrue();
		assertThat(Options.parse().https()).isFalse();
		assertThat(LocalAwsServerMain.usage()).contains("--https");
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static HttpsURLConnection listKeys(URL url, SSLSocketFactory socketFactory) throws Exception {
		HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
		connection.setSSLSocketFactory(socketFactory);
		connection.setConnectTimeout(5000);
		connection.setReadTimeout(10000);
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		for (Map.Entry<String, String> header : Map
			.of("Content-Type", AwsJsonHandler.CONTENT_TYPE, "X-Amz-Target", "TrentService.ListKeys", "Authorization",
					"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kms/aws4_request, SignedHeaders=host, "
							+ "Signature=0000")
			.entrySet()) {
			connection.setRequestProperty(header.getKey(), header.getValue());
		}
		try (OutputStream out = connection.getOutputStream()) {
			out.write("{}".getBytes(StandardCharsets.UTF_8));
		}
		return connection;
	}

}
