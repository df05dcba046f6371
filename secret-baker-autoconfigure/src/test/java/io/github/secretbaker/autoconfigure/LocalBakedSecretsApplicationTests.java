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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.github.secretbaker.autoconfigure.SecretsApplication.Secrets;
import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Integration tests that start a real {@link org.springframework.boot.SpringApplication}
 * against the local KMS and SSM server, whose counters and faults show how KMS is called.
 */
@ExtendWith(AwsBackendExtension.class)
class LocalBakedSecretsApplicationTests extends BakedSecretsApplicationContractTests {

	private final AwsBackend backend;

	private final LocalAwsServer server;

	LocalBakedSecretsApplicationTests(AwsBackend backend) {
		this.backend = backend;
		this.server = backend.assumeLocalServer();
	}

	@Override
	protected AwsBackend backend() {
		return this.backend;
	}

	@Test
	void decryptsEverySecretOnceAtStartup(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn), bake("TOKEN", keyArn));
		this.server.resetCounters();
		try (ConfigurableApplicationContext context = run("--logging.level.io.github.secretbaker=DEBUG")) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getEnvironment().getProperty("TOKEN")).isEqualTo(this.values.get("TOKEN"));
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo(this.values.get("API_KEY"));
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(3);
		assertThat(this.server.callCounts()).containsOnlyKeys("Decrypt");
		assertThat(output).containsOnlyOnce("Decrypted 3 baked secrets in");
		assertNoSecretIn(output);
	}

	@Test
	void keepsValuesAndCiphertextsOutOfEveryLoggerAtDebugLevelAndOutOfAwsSdkTraceLogging(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		String[] logging = { "--logging.level.root=DEBUG", "--logging.level.software.amazon.awssdk=TRACE",
				"--logging.level.org.apache.http.wire=TRACE", "--logging.level.org.apache.hc.client5.http.wire=TRACE" };
		try (ConfigurableApplicationContext context = run(concat(logging, "--secret-baker.client=sdk"))) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
		}
		try (ConfigurableApplicationContext context = run(concat(logging, "--secret-baker.client=http"))) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
		}
		try (ConfigurableApplicationContext context = run(
				concat(logging, "--secret-baker.mode=lazy", "--secret-baker.client=sdk"))) {
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo(this.values.get("API_KEY"));
		}
		assertThat(output).contains("Decrypted 2 baked secrets in")
			.contains("Decrypted baked secret API_KEY on its first read")
			.contains("software.amazon.awssdk.request")
			.contains("Sending Request")
			.contains("Parsing service response JSON");
		assertNoSecretIn(output);
	}

	@Test
	void keepsCredentialsOutOfEveryLoggerAtDebugAndTraceLevelWithEitherClient(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		String unique = UUID.randomUUID().toString().replace("-", "");
		String accessKeyId = "ASIA" + unique.substring(0, 16).toUpperCase(Locale.ROOT);
		String secretAccessKey = "leak/" + unique.substring(0, 12) + "+secret, \"key\" [.*]";
		String sessionToken = "IQoJb3JpZ2luX2Vj/" + unique + "+token==";
		Map<String, String> credentials = Map.of("aws.accessKeyId", accessKeyId, "aws.secretAccessKey", secretAccessKey,
				"aws.sessionToken", sessionToken);
		Map<String, String> previous = new HashMap<>();
		credentials.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
		try {
			for (String level : List.of("DEBUG", "TRACE")) {
				for (String client : List.of("http", "sdk")) {
					try (ConfigurableApplicationContext context = run("--logging.level.root=" + level,
							"--secret-baker.client=" + client)) {
						assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
					}
					try (ConfigurableApplicationContext context = run("--logging.level.root=" + level,
							"--secret-baker.client=" + client, "--secret-baker.mode=lazy")) {
						assertThat(context.getEnvironment().getProperty("API_KEY"))
							.isEqualTo(this.values.get("API_KEY"));
					}
				}
			}
		}
		finally {
			previous.forEach((name, value) -> {
				if (value != null) {
					System.setProperty(name, value);
				}
				else {
					System.clearProperty(name);
				}
			});
		}
		// Neither the JDK's HTTP logger ("X-Amz-Security-Token: ...") nor the AWS SDK's
		// signer (its canonical request's "x-amz-security-token:...") may show the token.
		String text = output.toString();
		assertThat(text).contains("Decrypted 2 baked secrets in");
		for (String credential : List.of(accessKeyId, secretAccessKey, sessionToken)) {
			assertThat(text).doesNotContain(credential);
		}
		assertThat(text).doesNotContain(unique.substring(0, 12), unique.substring(12, 24), unique.substring(20))
			.doesNotContainPattern("Signature=[0-9a-f]{64}")
			.doesNotContain("AWS4-HMAC-SHA256 Credential=");
		assertNoSecretIn(output);
	}

	@Test
	void failsStartupBeforeTheContextStartsWhenNoBeanReadsAFailingSecret(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn));
		this.server.faults().deny("Decrypt", keyArn);
		DecryptionFailures.assertDecryptionFails(
				() -> new SpringApplicationBuilder(NoReaderApplication.class).web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.run("--secret-baker.location=file:" + file(), "--secret-baker.region=" + this.server.region(),
							"--secret-baker.endpoint=" + this.server.endpoint()));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("AccessDeniedException (ACCESS_DENIED)");
		assertThat(NoReaderApplication.started).isFalse();
		assertNoSecretIn(output);
	}

	private static String[] concat(String[] first, String... second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all.toArray(String[]::new);
	}

	@Test
	void decryptsSecretsInParallel() {
		String keyArn = this.server.createKey();
		BakedSecret[] secrets = new BakedSecret[8];
		secrets[0] = bake("DB_PASSWORD", keyArn);
		for (int i = 1; i < secrets.length; i++) {
			secrets[i] = bake("SECRET_" + i, keyArn);
		}
		writeFile(secrets);
		this.server.resetCounters();
		this.server.faults().latency("Decrypt", Duration.ofMillis(200));
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(8);
		assertThat(this.server.maxInFlight("Decrypt")).isGreaterThan(1);
	}

	@Test
	void decryptsOnlyTheSecretsReadInLazyMode() {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn), bake("TOKEN", keyArn));
		this.server.resetCounters();
		try (ConfigurableApplicationContext context = run("--secret-baker.mode=lazy")) {
			assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
			for (int i = 0; i < 3; i++) {
				assertThat(context.getEnvironment().getProperty("TOKEN")).isEqualTo(this.values.get("TOKEN"));
			}
			assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
		}
	}

	@Test
	void decryptsOnlyIncludedSecrets() {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn), bake("TOKEN", keyArn));
		this.server.resetCounters();
		try (ConfigurableApplicationContext context = run("--secret-baker.include=DB_PASSWORD,TOKEN")) {
			assertThat(context.getEnvironment().getProperty("TOKEN")).isEqualTo(this.values.get("TOKEN"));
			assertThat(context.getEnvironment().containsProperty("API_KEY")).isFalse();
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
	}

	@Test
	void recoversFromAThrottlingBurst() {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		this.server.resetCounters();
		this.server.faults().throttleNext("Decrypt", 5);
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2 + 5);
	}

	@Test
	void failsWithinTheDeadlineWhenKmsHangs(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		this.server.faults().hangNext("Decrypt", 2);
		DecryptionFailures.assertDecryptionFails(() -> run("--secret-baker.timeout=1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("DB_PASSWORD", "API_KEY")
			.contains("(TIMEOUT)")
			.contains("Raise secret-baker.timeout");
		assertNoSecretIn(output);
	}

	@Test
	void explainsTheMissingKmsPermissionWhenAccessIsDenied(CapturedOutput output) {
		String keyArn = this.server.createKey();
		BakedSecret secret = bake("DB_PASSWORD", keyArn);
		writeFile(secret);
		this.server.faults().deny("Decrypt", keyArn);
		DecryptionFailures.assertDecryptionFails(this::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("AccessDeniedException (ACCESS_DENIED)")
			.contains(new DecryptPermission(List.of(keyArn), List.of(secret.arn())).toJson(false)
				.strip()
				.replace("\n", "\n    "));
		assertNoSecretIn(output);
	}

	@Test
	void letsCommandLineArgumentsOverrideSecretsAndSecretsOverrideApplicationFiles(CapturedOutput output)
			throws Exception {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		Path applicationFile = this.directory.resolve("application.properties");
		Files.writeString(applicationFile, "DB_PASSWORD=from-application-file\nPLAIN=from-application-file\n"
				+ "secret-baker.location=file:" + file() + "\n", StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--spring.config.location=file:" + applicationFile, "--secret-baker.region=" + this.server.region(),
					"--secret-baker.endpoint=" + this.server.endpoint(), "--API_KEY=from-command-line")) {
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getBean(Secrets.class).plain()).isEqualTo("from-application-file");
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo("from-command-line");
		}
		assertNoSecretIn(output);
	}

	@Test
	void letsSystemPropertiesAndEnvironmentVariablesOverrideSecretsAndSecretsOverrideProfileFiles(CapturedOutput output)
			throws Exception {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn), bake("TOKEN", keyArn),
				bake("PROFILE_SECRET", keyArn));
		Files.writeString(this.directory.resolve("application.yml"), """
				DB_PASSWORD: from-application-yml
				PROFILE_SECRET: from-application-yml
				PLAIN: from-application-yml
				secret-baker:
				  location: file:%s
				  region: %s
				  endpoint: %s
				""".formatted(file(), this.server.region(), this.server.endpoint()), StandardCharsets.UTF_8);
		Files.writeString(this.directory.resolve("application-prod.yml"), """
				PROFILE_SECRET: from-profile-file
				PLAIN: from-profile-file
				""", StandardCharsets.UTF_8);
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
		variables.put("API_KEY", "from-environment-variable");
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		System.setProperty("TOKEN", "from-system-property");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
			.environment(environment)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.profiles("prod")
			.run("--spring.config.location=file:" + this.directory + "/")) {
			assertThat(context.getEnvironment().getProperty("TOKEN")).isEqualTo("from-system-property");
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo("from-environment-variable");
			assertThat(context.getEnvironment().getProperty("api.key")).isEqualTo("from-environment-variable");
			assertThat(context.getBean(Secrets.class).password()).isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getEnvironment().getProperty("PROFILE_SECRET"))
				.isEqualTo(this.values.get("PROFILE_SECRET"));
			assertThat(context.getBean(Secrets.class).plain()).isEqualTo("from-profile-file");
		}
		finally {
			System.clearProperty("TOKEN");
		}
		assertNoSecretIn(output);
	}

	@Test
	void callsKmsInTheRegionOfTheKeysWhenNoRegionIsConfigured(CapturedOutput output) {
		assumeTrue(System.getenv("AWS_REGION") == null, "a region is set in the environment");
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn), bake("API_KEY", keyArn));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--secret-baker.location=file:" + file(), "--secret-baker.endpoint=" + this.server.endpoint())) {
			assertThat(context.getEnvironment().getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
			assertThat(context.getEnvironment().getProperty("API_KEY")).isEqualTo(this.values.get("API_KEY"));
		}
		assertThat(this.server.callCount("Decrypt")).isEqualTo(2);
		assertNoSecretIn(output);
	}

	@Test
	void refusesOnceListingTheRegionsWhenNoRegionIsConfiguredAndTheKeysAreInSeveral(CapturedOutput output) {
		assumeTrue(System.getenv("AWS_REGION") == null, "a region is set in the environment");
		String keyArn = this.server.createKey();
		String otherRegion = this.server.region().equals("eu-west-3") ? "ap-south-2" : "eu-west-3";
		BakedSecret elsewhere = bake("API_KEY", keyArn);
		writeFile(bake("DB_PASSWORD", keyArn), bake("TOKEN", keyArn),
				withKeyId(elsewhere, keyArn.replace(":" + this.server.region() + ":", ":" + otherRegion + ":")));
		this.server.resetCounters();
		DecryptionFailures.assertDecryptionFails(() -> new SpringApplicationBuilder(SecretsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--secret-baker.location=file:" + file(), "--secret-baker.endpoint=" + this.server.endpoint()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to decrypt all 3 baked secrets with KMS, for the same reason:")
			.contains("secrets:   API_KEY, DB_PASSWORD, TOKEN")
			.containsOnlyOnce("no AWS region is configured (secret-baker.region or AWS_REGION) and the baked keys are "
					+ "in 2 regions (")
			.contains(otherRegion + ": API_KEY", this.server.region() + ": DB_PASSWORD, TOKEN")
			.contains("set secret-baker.region");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void startsWithoutSecretsWhenTheFileIsAbsent(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--secret-baker.location=file:" + file(), "--DB_PASSWORD=local-development-value")) {
			assertThat(context.getEnvironment().getPropertySources().contains(BakedSecretsPropertySource.NAME))
				.isFalse();
		}
		assertThat(output).containsOnlyOnce("No baked secrets file at file:" + file());
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void failsWhenARequiredFileIsAbsent(CapturedOutput output) {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> run("--secret-baker.required=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("file:" + file())
			.contains("does not exist but secret-baker.required is true");
	}

	@Test
	void namesTheFileAndTheEntryWhenTheFileIsMalformed(CapturedOutput output) throws Exception {
		String keyArn = this.server.createKey();
		BakedSecret secret = bake("DB_PASSWORD", keyArn);
		this.baked.add(secret);
		Files.writeString(file(), "{\"DB_PASSWORD\": {\"ciphertext\": \"" + secret.ciphertext() + "\"}}",
				StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(this::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("file:" + file())
			.contains("secret 'DB_PASSWORD'")
			.contains("has no 'arn'");
		assertNoSecretIn(output);
	}

	@Test
	void namesAnIncludedSecretThatWasNotBaked(CapturedOutput output) {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn));
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> run("--secret-baker.include=DB_PASSWORD,MISSING"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("secret 'MISSING'").contains("not baked");
	}

	@Test
	void reportsAnInvalidConcurrencyNamingThePropertyAndWhatIsAllowed(CapturedOutput output) {
		writeFile(bake("DB_PASSWORD", this.server.createKey()));
		this.server.resetCounters();
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("--secret-baker.concurrency=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '0' for configuration property 'secret-baker.concurrency'")
			.contains("must be at least 1")
			.doesNotContain("Application run failed");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void reportsANegativeTimeoutNamingThePropertyAndWhatIsAllowed(CapturedOutput output) {
		writeFile(bake("DB_PASSWORD", this.server.createKey()));
		this.server.resetCounters();
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("--secret-baker.timeout=-1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-1s' for configuration property 'secret-baker.timeout'")
			.contains("must be positive and at most 15 minutes, such as 5s")
			.doesNotContain("Application run failed");
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void addsNothingWhenDisabled() {
		String keyArn = this.server.createKey();
		writeFile(bake("DB_PASSWORD", keyArn));
		this.server.resetCounters();
		try (ConfigurableApplicationContext context = run("--secret-baker.enabled=false",
				"--DB_PASSWORD=from-command-line")) {
			assertThat(context.getEnvironment().getPropertySources().contains(BakedSecretsPropertySource.NAME))
				.isFalse();
			assertThat(context.getBeanNamesForType(SecretBakerProperties.class)).isEmpty();
		}
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	/**
	 * An application none of whose beans reads a secret, with a lifecycle bean that
	 * records whether it was started, as a web server would be.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	static class NoReaderApplication {

		static volatile boolean started;

		@Bean
		SmartLifecycle server() {
			return new SmartLifecycle() {

				@Override
				public void start() {
					started = true;
				}

				@Override
				public void stop() {
				}

				@Override
				public boolean isRunning() {
					return started;
				}

			};
		}

	}

}
