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
import java.util.Base64;
import java.util.List;

import io.github.secretbaker.autoconfigure.SecretsApplication.DatabaseProperties;
import io.github.secretbaker.autoconfigure.SecretsApplication.Secrets;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.EncryptionSdkFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of Advanced-tier secrets, from {@code PutParameter} to
 * {@code @Value}: a real {@link org.springframework.boot.SpringApplication} decrypts AWS
 * Encryption SDK messages made by the local server as Parameter Store makes them.
 */
@LocalAwsTest
@ExtendWith(OutputCaptureExtension.class)
class AdvancedTierApplicationTests {

	private static final String OTHER_ACCOUNT = "111122223333";

	private final LocalAwsServer server;

	@TempDir
	Path directory;

	AdvancedTierApplicationTests(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void injectsASixKilobyteAdvancedTierValueAndASharedParameter(CapturedOutput output) {
		String keyArn = this.server.createKey("alias/app");
		String password = EncryptionSdkFixtures.randomValue(6 * 1024);
		this.server.ssmClient()
			.putParameter((request) -> request.name("/app/db/password")
				.type(ParameterType.SECURE_STRING)
				.keyId("alias/app")
				.tier(ParameterTier.ADVANCED)
				.value(password));
		String sharedKeyArn = this.server.createKeyInAccount(OTHER_ACCOUNT);
		String token = EncryptionSdkFixtures.randomValue(300);
		String sharedArn = this.server.putSharedSecureString(OTHER_ACCOUNT, "/shared/token", token, sharedKeyArn);
		BakedSecret passwordEntry = bake("DB_PASSWORD", "/app/db/password", keyArn);
		BakedSecret tokenEntry = bake("API_KEY", sharedArn, sharedKeyArn);
		Path file = this.directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile.write(BakedSecrets.of(List.of(passwordEntry, tokenEntry)), file);
		this.server.resetCounters();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--secret-baker.location=file:" + file, "--secret-baker.region=" + this.server.region(),
					"--secret-baker.endpoint=" + this.server.endpoint(), "--logging.level.io.github.secretbaker=DEBUG",
					"--logging.level.com.amazonaws=DEBUG")) {
			assertThat(context.getBean(Secrets.class).password()).hasSize(6 * 1024).isEqualTo(password);
			assertThat(context.getBean(DatabaseProperties.class).getPassword()).isEqualTo(password);
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo(token);
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
		assertThat(this.server.callCount("GetParameter") + this.server.callCount("GetParameters")).isZero();
		assertThat(output).contains("Decrypted 2 baked secrets in")
			.doesNotContain(password)
			.doesNotContain(password.substring(0, 64))
			.doesNotContain(token)
			.doesNotContain(passwordEntry.ciphertext().substring(0, 64))
			.doesNotContain(tokenEntry.ciphertext().substring(0, 64));
	}

	private BakedSecret bake(String name, String reference, String keyArn) {
		Parameter parameter = this.server.ssmClient()
			.getParameter((request) -> request.name(reference).withDecryption(false))
			.parameter();
		assertThat(Base64.getDecoder().decode(parameter.value())).startsWith(0x01, 0x80);
		return new BakedSecret(name, parameter.value(), parameter.arn(), parameter.version(), keyArn,
				BakedSecret.ADVANCED_TIER);
	}

}
