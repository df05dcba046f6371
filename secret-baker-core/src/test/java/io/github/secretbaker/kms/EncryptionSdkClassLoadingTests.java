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

package io.github.secretbaker.kms;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves with the JVM's class-load log ({@code -Xlog:class+load}) that a function whose
 * file holds only standard-tier entries loads no class that opens AWS Encryption SDK
 * messages, and that a file with an Advanced-tier entry opens without the AWS Encryption
 * SDK or Bouncy Castle on the class path, loading no class beyond the JDK's and core's
 * for it; and that the light client signs its requests without loading the SDK's signer,
 * and decrypts without the SDK's KMS client, its JSON protocol or url-connection-client
 * on the class path, while the SDK client, chosen without them, names the dependency to
 * add; and that the light client validates an HTTPS endpoint by the certificates it
 * trusts first without loading the JVM's trust store. Each cold start runs in a JVM of
 * its own, as a function's does.
 */
@LocalAwsTest
class EncryptionSdkClassLoadingTests {

	private static final List<String> ENVELOPE_PACKAGES = List.of("com.amazonaws.encryptionsdk.", "org.bouncycastle.",
			"io.github.secretbaker.kms.internal.envelope.");

	// org.jcp.xml.dsig.internal: the JDK's XML signature provider, which the JCA looks
	// at.
	private static final List<String> JDK_AND_CORE_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"org.jcp.xml.dsig.internal.", "io.github.secretbaker.");

	// What only secret-baker.client=sdk needs: the jars core declares optional.
	private static final List<String> SDK_KMS_CLIENT_JARS = List.of("kms-", "aws-json-protocol-",
			"url-connection-client-");

	private static final List<String> SDK_KMS_CLIENT_PACKAGES = List.of("software.amazon.awssdk.services.kms.",
			"software.amazon.awssdk.protocols.json.", "software.amazon.awssdk.http.urlconnection.");

	// The JDK's loader of its default trust store (cacerts or javax.net.ssl.trustStore).
	private static final String JDK_TRUST_STORE_LOADER = "sun.security.ssl.TrustStoreManager";

	private final LocalAwsServer server;

	@TempDir
	Path directory;

	private String keyArn;

	EncryptionSdkClassLoadingTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void createKey() {
		this.keyArn = this.server.createKey("alias/app");
	}

	@Test
	void loadsNoEnvelopeClassForAFileOfStandardEntries() throws Exception {
		String first = BakedSecretFixtures.randomValue();
		String second = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "FIRST", first, this.keyArn),
				BakedSecretFixtures.bake(this.server, "SECOND", second, this.keyArn));
		Run run = run(file, testClassPath());
		assertThat(run.output()).contains("decrypted 2").doesNotContain(first).doesNotContain(second);
		assertThat(run.loaded()).contains("io.github.secretbaker.kms.DirectKmsOpener");
		assertThat(envelopeClasses(run)).isEmpty();
	}

	@Test
	void opensAnAdvancedEntryWithoutTheEncryptionSdkOrBouncyCastleLoadingOnlyJdkAndCoreClassesForIt() throws Exception {
		List<String> functionClassPath = testClassPath().stream()
			.filter((entry) -> !entry.contains("aws-encryption-sdk-java") && !entry.contains("bcprov"))
			.toList();
		assertThat(functionClassPath).hasSizeLessThan(testClassPath().size());
		String advanced = EncryptionSdkFixtures.randomValue(5000);
		String standard = BakedSecretFixtures.randomValue();
		BakedSecret advancedEntry = EncryptionSdkFixtures.bake(this.server, "ADVANCED", advanced, this.keyArn);
		BakedSecret standardEntry = BakedSecretFixtures.bake(this.server, "STANDARD", standard, this.keyArn);
		Run standardOnly = run(
				write(standardEntry,
						BakedSecretFixtures.bake(this.server, "OTHER", BakedSecretFixtures.randomValue(), this.keyArn)),
				functionClassPath);
		Run withAdvanced = run(write(advancedEntry, standardEntry), functionClassPath);
		assertThat(withAdvanced.exitCode()).isZero();
		assertThat(withAdvanced.output()).contains("decrypted 2").doesNotContain(advanced).doesNotContain(standard);
		assertThat(withAdvanced.loaded()).contains("io.github.secretbaker.kms.internal.envelope.EncryptionSdkMessages");
		assertThat(withAdvanced.loaded()).noneMatch(
				(name) -> name.startsWith("com.amazonaws.encryptionsdk.") || name.startsWith("org.bouncycastle."));
		Set<String> added = withoutLambdaNames(withAdvanced.loaded());
		added.removeAll(withoutLambdaNames(standardOnly.loaded()));
		assertThat(added).isNotEmpty()
			.allMatch((name) -> JDK_AND_CORE_PACKAGES.stream().anyMatch(name::startsWith), "a JDK or core class");
	}

	@Test
	void signsWithoutLoadingTheSdksSignerWithOrWithoutASessionToken() throws Exception {
		String first = BakedSecretFixtures.randomValue();
		String second = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "FIRST", first, this.keyArn),
				BakedSecretFixtures.bake(this.server, "SECOND", second, this.keyArn));
		for (String sessionToken : new String[] { null, "sEsSiOn, \"tOkEn\"/+= wiTh sPaCeS" }) {
			Run run = run(file, testClassPath(), sessionToken);
			assertThat(run.output()).contains("decrypted 2").doesNotContain(first).doesNotContain(second);
			assertThat(run.loaded()).contains("io.github.secretbaker.aws.internal.SigV4Signer");
			assertThat(run.loaded()).noneMatch((name) -> name.startsWith("software.amazon.awssdk.http.auth."));
		}
		assertThat(testClassPath()).anyMatch((entry) -> entry.contains("http-auth-aws"));
	}

	@Test
	void decryptsWithTheLightClientWithoutTheSdksKmsClientOnTheClassPath() throws Exception {
		List<String> functionClassPath = withoutSdkKmsClient(testClassPath());
		String first = BakedSecretFixtures.randomValue();
		String second = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "FIRST", first, this.keyArn),
				BakedSecretFixtures.bake(this.server, "SECOND", second, this.keyArn));
		Run run = run(file, functionClassPath, null, KmsClientType.HTTP);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("decrypted 2").doesNotContain(first).doesNotContain(second);
		assertThat(run.loaded()).contains("io.github.secretbaker.kms.http.HttpKmsDecrypter")
			.noneMatch((name) -> SDK_KMS_CLIENT_PACKAGES.stream().anyMatch(name::startsWith));
		Run withSdkJars = run(file, testClassPath(), null, KmsClientType.HTTP);
		assertThat(withSdkJars.loaded())
			.noneMatch((name) -> SDK_KMS_CLIENT_PACKAGES.stream().anyMatch(name::startsWith));
	}

	@Test
	void refusesTheSdkClientWithoutTheSdksKmsClientNamingTheDependencyToAdd() throws Exception {
		String value = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "ONLY", value, this.keyArn));
		this.server.resetCounters();
		Run run = run(file, withoutSdkKmsClient(testClassPath()), null, KmsClientType.SDK);
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.output()).startsWith("failed ")
			.contains("ONLY")
			.contains("secret-baker.client=sdk needs the AWS SDK's KMS client")
			.contains("add the dependency software.amazon.awssdk:kms")
			.contains("action: The KMS client cannot call KMS for ONLY as configured: fix what the reason above names")
			.doesNotContain(value)
			.doesNotContain("Exception");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void validatesAnHttpsEndpointByTheCertificatesTrustedFirstWithoutLoadingTheJvmsTrustStore() throws Exception {
		try (LocalAwsServer https = LocalAwsServer.builder().https(true).start()) {
			String value = BakedSecretFixtures.randomValue();
			Path file = write(BakedSecretFixtures.bake(https, "ONLY", value, https.createKey("alias/app")));
			Run run = run(https, List.of("-Dsecret-baker.tls.trust-anchors=" + https.certificatePem()), file,
					testClassPath(), null, KmsClientType.HTTP);
			assertThat(run.exitCode()).isZero();
			assertThat(run.output()).contains("decrypted 1").doesNotContain(value);
			assertThat(run.loaded()).contains("io.github.secretbaker.kms.internal.TlsTrust")
				.doesNotContain(JDK_TRUST_STORE_LOADER);
			Run withJvmTrustStore = run(https,
					List.of("-Djavax.net.ssl.trustStore=" + https.trustStore(),
							"-Djavax.net.ssl.trustStorePassword=" + https.trustStorePassword(),
							"-Dsecret-baker.tls.trust-anchors=" + this.directory.resolve("not-read.pem")),
					file, testClassPath(), null, KmsClientType.HTTP);
			assertThat(withJvmTrustStore.exitCode()).isZero();
			assertThat(withJvmTrustStore.output()).contains("decrypted 1").doesNotContain(value);
			assertThat(withJvmTrustStore.loaded()).contains(JDK_TRUST_STORE_LOADER);
		}
	}

	@Test
	void refusesAnHttpsEndpointThatNeitherTheAmazonRootsNorTheJvmsTrustStoreTrustNamingWhatToDo() throws Exception {
		try (LocalAwsServer https = LocalAwsServer.builder().https(true).start()) {
			String value = BakedSecretFixtures.randomValue();
			Path file = write(BakedSecretFixtures.bake(https, "ONLY", value, https.createKey("alias/app")));
			https.resetCounters();
			Run run = run(https, List.of(), file, testClassPath(), null, KmsClientType.HTTP);
			assertThat(run.exitCode()).isEqualTo(3);
			assertThat(run.output()).contains("does not trust the certificate of the server at the KMS endpoint")
				.contains("secret-baker.tls.trust-anchors")
				.doesNotContain(value)
				.doesNotContain("Exception");
			assertThat(run.loaded()).contains(JDK_TRUST_STORE_LOADER);
			assertThat(https.callCount("Decrypt")).isZero();
		}
	}

	private static List<String> withoutSdkKmsClient(List<String> classPath) {
		List<String> without = classPath.stream()
			.filter((entry) -> SDK_KMS_CLIENT_JARS.stream()
				.noneMatch((jar) -> Path.of(entry).getFileName().toString().startsWith(jar)))
			.toList();
		assertThat(classPath.size() - without.size()).isEqualTo(SDK_KMS_CLIENT_JARS.size());
		return without;
	}

	private Path write(BakedSecret... secrets) {
		Path file = this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile.write(BakedSecrets.of(List.of(secrets)), file);
		return file;
	}

	private Run run(Path file, List<String> classPath) throws IOException, InterruptedException {
		return run(file, classPath, null);
	}

	private Run run(Path file, List<String> classPath, @Nullable String sessionToken)
			throws IOException, InterruptedException {
		return run(file, classPath, sessionToken, KmsClientType.DEFAULT);
	}

	private Run run(Path file, List<String> classPath, @Nullable String sessionToken, KmsClientType clientType)
			throws IOException, InterruptedException {
		return run(this.server, List.of(), file, classPath, sessionToken, clientType);
	}

	private Run run(LocalAwsServer server, List<String> jvmOptions, Path file, List<String> classPath,
			@Nullable String sessionToken, KmsClientType clientType) throws IOException, InterruptedException {
		Path log = this.directory.resolve("class-load.log");
		Path output = this.directory.resolve("output.txt");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
						"-Xlog:class+load=info:file=" + log));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), ClassLoadProbe.class.getName(),
				file.toString(), server.region(), server.endpoint().toString(), clientType.name()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		AwsCredentials credentials = server.credentialsProvider().resolveCredentials();
		Map<String, String> environment = builder.environment();
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		if (sessionToken != null) {
			environment.put("AWS_SESSION_TOKEN", sessionToken);
		}
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
				Files.readAllLines(log, StandardCharsets.UTF_8)
					.stream()
					.map(EncryptionSdkClassLoadingTests::className)
					.collect(Collectors.toSet()));
	}

	// A lambda's class is named after its host class plus a number that differs between
	// runs.
	private static Set<String> withoutLambdaNames(Set<String> classNames) {
		return classNames.stream()
			.map((name) -> name.replaceFirst("\\$\\$Lambda.*$", ""))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<String> envelopeClasses(Run run) {
		return run.loaded().stream().filter((name) -> ENVELOPE_PACKAGES.stream().anyMatch(name::startsWith)).toList();
	}

	private static String className(String line) {
		// [0.012s][info][class,load] java.lang.Object source: shared objects file
		int start = line.indexOf("] ", line.indexOf("class,load")) + 2;
		int end = line.indexOf(' ', start);
		return (start > 1 && end > start) ? line.substring(start, end) : "";
	}

	// Surefire may start the tests from a manifest-only jar; it names the real class path
	// here. Logback, there for the tests that capture logs, is left out: a function
	// without Spring logs through SLF4J's no-op default, and Logback's start would eat
	// into the deadline.
	private static List<String> testClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.contains("logback"))
			.toList();
	}

	private record Run(int exitCode, String output, Set<String> loaded) {
	}

}
