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

package io.github.secretbaker.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.autoconfigure.SecretsApplication.DatabaseProperties;
import io.github.secretbaker.autoconfigure.SecretsApplication.Secrets;
import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.backend.AwsBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests that start a real {@link org.springframework.boot.SpringApplication}
 * against an {@link AwsBackend}: the local server here, LocalStack where Docker is.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class BakedSecretsApplicationContractTests {

	@TempDir
	Path directory;

	/**
	 * Values by secret name, every one generated for the test.
	 */
	protected final Map<String, String> values = new LinkedHashMap<>();

	/**
	 * The secrets written to the file by the test.
	 */
	protected final List<BakedSecret> baked = new ArrayList<>();

	protected abstract AwsBackend backend();

	@Test
	void injectsSecretsIntoValueAndConfigurationProperties(CapturedOutput output) {
		String keyArn = createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		try (ConfigurableApplicationContext context = run("--secret-baker.property-prefix=secrets",
				"--logging.level.io.github.secretbaker=DEBUG")) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getBean(DatabaseProperties.class).getPassword())
				.isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getEnvironment().getProperty("secrets.API_KEY")).isEqualTo(this.values.get("API_KEY"));
			assertThat(context.getEnvironment().getProperty("api-key")).isEqualTo(this.values.get("API_KEY"));
		}
		assertThat(output).contains("Decrypted 2 baked secrets in").contains("API_KEY, DB_PASSWORD");
		assertNoSecretIn(output);
	}

	@Test
	void decryptsFilesWrittenByTheNodePlugin(CapturedOutput output) {
		String keyArn = createKey();
		writeFile(BakedSecretFixtures.asNodePluginEntry(bake("DB_PASSWORD", keyArn)));
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
		}
		assertNoSecretIn(output);
	}

	@Test
	void decryptsEachSecretOnFirstReadInLazyMode(CapturedOutput output) {
		String keyArn = createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		try (ConfigurableApplicationContext context = run("--secret-baker.mode=lazy",
				"--logging.level.io.github.secretbaker=DEBUG")) {
			BakedSecretsPropertySource source = (BakedSecretsPropertySource) context.getEnvironment()
				.getPropertySources()
				.get(BakedSecretsPropertySource.NAME);
			assertThat(source.isDecrypted("DB_PASSWORD")).isTrue();
			assertThat(source.isDecrypted("API_KEY")).isFalse();
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo(this.values.get("API_KEY"));
			assertThat(source.isDecrypted("API_KEY")).isTrue();
		}
		assertThat(output).contains("Found 2 baked secrets in").contains("each to be decrypted on its first read");
		assertNoSecretIn(output);
	}

	@Test
	void failsStartupNamingEverySecretThatCannotBeDecrypted(CapturedOutput output) {
		String keyArn = createKey();
		String otherKeyArn = createKey();
		String disabledKeyArn = createKey();
		BakedSecret tampered = tamper(bake("TAMPERED", keyArn));
		BakedSecret first = bake("FIRST", keyArn);
		BakedSecret second = bake("SECOND", keyArn);
		BakedSecret wrongKey = withKeyId(bake("WRONG_KEY", keyArn), otherKeyArn);
		BakedSecret disabled = bake("DISABLED", disabledKeyArn);
		disableKey(disabledKeyArn);
		writeFile(bake("DB_PASSWORD", keyArn), tampered, withArn(first, second.arn()), withArn(second, first.arn()),
				wrongKey, disabled);
		DecryptionFailures.assertDecryptionFails(() -> run("--logging.level.io.github.secretbaker=DEBUG"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to decrypt 5 of 6 baked secrets with KMS")
			.contains("TAMPERED", "FIRST", "SECOND", "WRONG_KEY", "DISABLED")
			.contains(tampered.arn(), first.arn(), second.arn(), wrongKey.arn(), disabled.arn())
			.contains("InvalidCiphertextException", "IncorrectKeyException", "DisabledException")
			.contains(otherKeyArn, disabledKeyArn)
			.contains("aws kms enable-key --key-id " + disabledKeyArn);
		assertNoSecretIn(output);
	}

	protected ConfigurableApplicationContext run(String... args) {
		List<String> arguments = new ArrayList<>(List.of("--secret-baker.location=file:" + file(),
				"--secret-baker.region=" + backend().region(), "--secret-baker.endpoint=" + backend().endpoint()));
		arguments.addAll(Arrays.asList(args));
		return new SpringApplicationBuilder(SecretsApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(arguments.toArray(String[]::new));
	}

	protected Path file() {
		return this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
	}

	protected BakedSecret bake(String name, String keyArn) {
		String value = BakedSecretFixtures.randomValue();
		this.values.put(name, value);
		BakedSecret secret = bake(name, value, keyArn);
		this.baked.add(secret);
		return secret;
	}

	protected String createKey() {
		LocalAwsServer server = backend().localServer();
		if (server != null) {
			return server.createKey();
		}
		return backend().kms().createKey((request) -> request.description("secret-baker test")).keyMetadata().arn();
	}

	private void disableKey(String keyArn) {
		LocalAwsServer server = backend().localServer();
		KmsClient kms = (server != null) ? server.kmsClient() : backend().kms();
		kms.disableKey((request) -> request.keyId(keyArn));
	}

	/**
	 * Bake a secret as the bake step does: through Parameter Store on the local server;
	 * LocalStack's SSM returns no SecureString ciphertexts, so there with KMS
	 * {@code Encrypt} and the {@code PARAMETER_ARN} context, as Parameter Store encrypts
	 * the standard tier.
	 */
	private BakedSecret bake(String name, String value, String keyArn) {
		LocalAwsServer server = backend().localServer();
		if (server != null) {
			return BakedSecretFixtures.bake(server, name, value, keyArn);
		}
		String arn = backend().parameterArn("/app/" + name.toLowerCase(Locale.ROOT));
		byte[] ciphertext = backend().kms()
			.encrypt((request) -> request.keyId(keyArn)
				.plaintext(SdkBytes.fromUtf8String(value))
				.encryptionContext(Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, arn)))
			.ciphertextBlob()
			.asByteArray();
		return new BakedSecret(name, Base64.getEncoder().encodeToString(ciphertext), arn, 1L, keyArn,
				BakedSecret.STANDARD_TIER);
	}

	protected void writeFile(BakedSecret... secrets) {
		this.baked.addAll(List.of(secrets));
		BakedSecretsFile.write(BakedSecrets.of(List.of(secrets)), file());
	}

	protected void assertNoSecretIn(CharSequence output) {
		String text = output.toString();
		this.values.values().forEach((value) -> assertThat(text).doesNotContain(value));
		this.baked.forEach((secret) -> assertThat(text).doesNotContain(secret.ciphertext()));
	}

	protected static BakedSecret tamper(BakedSecret secret) {
		byte[] blob = secret.ciphertextBlob();
		blob[blob.length - 1] ^= 0x01;
		return new BakedSecret(secret.name(), Base64.getEncoder().encodeToString(blob), secret.arn(), secret.version(),
				secret.keyId(), secret.tier());
	}

	protected static BakedSecret withArn(BakedSecret secret, String arn) {
		return new BakedSecret(secret.name(), secret.ciphertext(), arn, secret.version(), secret.keyId(),
				secret.tier());
	}

	protected static BakedSecret withKeyId(BakedSecret secret, String keyId) {
		return new BakedSecret(secret.name(), secret.ciphertext(), secret.arn(), secret.version(), keyId,
				secret.tier());
	}

}
