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
 * Proves with the JVM's class-load log ({@code -Xlog:class+load}) that a function whose file
 * holds only standard-tier entries loads no class of the AWS Encryption SDK or of Bouncy
 * Castle, even with both on its class path, and that a file with an Advanced-tier entry does;
 * and that the light client signs its requests without loading the SDK's signer;
 * each cold start runs in a JVM of its own, as a function's does.
 */
@LocalAwsTest
class EncryptionSdkClassLoadingTests {

	private static final List<String> ENVELOPE_PACKAGES = List.of("com.amazonaws.encryptionsdk.",
			"org.bouncycastle.", "io.github.secretbaker.kms.envelope.", "io.github.secretbaker.kms.EncryptionSdkOpener$");

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
	void loadsNoEncryptionSdkClassForAFileOfStandardEntries() throws Exception {
		String first = BakedSecretFixtures.randomValue();
		String second = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "FIRST", first, this.keyArn),
				BakedSecretFixtures.bake(this.server, "SECOND", second, this.keyArn));
		Run run = run(file, testClassPath(), null);
		assertThat(run.output()).contains("decrypted 2").doesNotContain(first).doesNotContain(second);
		assertThat(run.loaded()).contains("io.github.secretbaker.kms.DirectKmsOpener");
		assertThat(envelopeClasses(run)).isEmpty();
		assertThat(testClassPath()).anyMatch((entry) -> entry.contains("aws-encryption-sdk-java"))
			.anyMatch((entry) -> entry.contains("bcprov"));
	}

	@Test
	void signsWithoutLoadingTheSdksSignerWithOrWithoutASessionToken() throws Exception {
		String first = BakedSecretFixtures.randomValue();
		String second = BakedSecretFixtures.randomValue();
		Path file = write(BakedSecretFixtures.bake(this.server, "FIRST", first, this.keyArn),
				BakedSecretFixtures.bake(this.server, "SECOND", second, this.keyArn));
		for (String sessionToken : new String[] { null, "session, \"token\"/+= with spaces" }) {
			Run run = run(file, testClassPath(), sessionToken);
			assertThat(run.output()).contains("decrypted 2").doesNotContain(first).doesNotContain(second);
			assertThat(run.loaded()).contains("io.github.secretbaker.aws.SigV4Signer");
			assertThat(run.loaded()).noneMatch((name) -> name.startsWith("software.amazon.awssdk.http.auth."));
		}
		assertThat(testClassPath()).anyMatch((entry) -> entry.contains("http-auth-aws"));
	}

	@Test
	void loadsTheEncryptionSdkForAFileWithAnAdvancedEntry() throws Exception {
		String advanced = EncryptionSdkFixtures.randomValue(5000);
		String standard = BakedSecretFixtures.randomValue();
		Path file = write(EncryptionSdkFixtures.bake(this.server, "ADVANCED", advanced, this.keyArn),
				BakedSecretFixtures.bake(this.server, "STANDARD", standard, this.keyArn));
		Run run = run(file, testClassPath(), null);
		assertThat(run.output()).contains("decrypted 2").doesNotContain(advanced).doesNotContain(standard);
		assertThat(run.loaded()).contains("com.amazonaws.encryptionsdk.AwsCrypto",
				"io.github.secretbaker.kms.envelope.EncryptionSdkMessages");
	}

	@Test
	void failsAnAdvancedEntryNamingTheDependencyWhenTheSdkIsAbsent() throws Exception {
		String advanced = EncryptionSdkFixtures.randomValue(100);
		BakedSecret secret = EncryptionSdkFixtures.bake(this.server, "ADVANCED", advanced, this.keyArn);
		Path file = write(secret);
		List<String> withoutSdk = testClassPath().stream()
			.filter((entry) -> !entry.contains("aws-encryption-sdk-java"))
			.toList();
		Run run = run(file, withoutSdk, null);
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.output()).contains("ADVANCED")
			.contains("UNSUPPORTED_TIER")
			.contains("add " + BakedSecretsDecryptor.ENCRYPTION_SDK_DEPENDENCY)
			.doesNotContain(advanced)
			.doesNotContain(secret.ciphertext().substring(0, 16));
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	private Path write(BakedSecret... secrets) {
		Path file = this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile.write(BakedSecrets.of(List.of(secrets)), file);
		return file;
	}

	private Run run(Path file, List<String> classPath, @Nullable String sessionToken)
			throws IOException, InterruptedException {
		Path log = this.directory.resolve("class-load.log");
		Path output = this.directory.resolve("output.txt");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", String.join(File.pathSeparator, classPath),
				ClassLoadProbe.class.getName(), file.toString(), this.server.region(),
				this.server.endpoint().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
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

	private static List<String> envelopeClasses(Run run) {
		return run.loaded().stream().filter((name) -> ENVELOPE_PACKAGES.stream().anyMatch(name::startsWith)).toList();
	}

	private static String className(String line) {
		// [0.012s][info][class,load] java.lang.Object source: shared objects file
		int start = line.indexOf("] ", line.indexOf("class,load")) + 2;
		int end = line.indexOf(' ', start);
		return (start > 1 && end > start) ? line.substring(start, end) : "";
	}

	// Surefire may start the tests from a manifest-only jar; it names the real class path here.
	// Logback, there for the tests that capture logs, is left out: a function without Spring
	// logs through SLF4J's no-op default, and Logback's start would eat into the deadline.
	private static List<String> testClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator)).filter((entry) -> !entry.contains("logback")).toList();
	}

	private record Run(int exitCode, String output, java.util.Set<String> loaded) {
	}

}
