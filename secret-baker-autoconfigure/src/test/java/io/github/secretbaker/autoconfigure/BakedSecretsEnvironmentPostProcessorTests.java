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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.crac.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BakedSecretsEnvironmentPostProcessor}.
 */
@LocalAwsTest
class BakedSecretsEnvironmentPostProcessorTests {

	private static final String APPLICATION_FILE_SOURCE = "Config resource 'class path resource [application.properties]' "
			+ "via location 'optional:classpath:/'";

	private final DeferredLogFactory logFactory = (destination) -> destination.get();

	private final BakedSecretsEnvironmentPostProcessor postProcessor = EnvironmentPostProcessors
		.create(this.logFactory);

	private final LocalAwsServer server;

	private final Map<String, String> values = new LinkedHashMap<>();

	@TempDir
	Path directory;

	BakedSecretsEnvironmentPostProcessorTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void bakeFile() {
		String keyArn = this.server.createKey();
		List<BakedSecret> secrets = new ArrayList<>();
		for (String name : List.of("DB_PASSWORD", "API_KEY", "TOKEN", "CLI_SECRET")) {
			String value = BakedSecretFixtures.randomValue();
			this.values.put(name, value);
			secrets.add(BakedSecretFixtures.bake(this.server, name, value, keyArn));
		}
		BakedSecretsFile.write(BakedSecrets.of(secrets), this.directory.resolve("secrets.json"));
		this.server.resetCounters();
	}

	@Test
	void runsRightAfterConfigDataProcessing() {
		assertThat(this.postProcessor.getOrder()).isEqualTo(ConfigDataEnvironmentPostProcessor.ORDER + 1);
	}

	@Test
	void isRegisteredAsAnEnvironmentPostProcessor() {
		assertThat(EnvironmentPostProcessors.loadRegistered(this.logFactory))
			.hasAtLeastOneElementOfType(BakedSecretsEnvironmentPostProcessor.class);
	}

	@Test
	void ranksSecretsBelowCommandLineSystemPropertiesAndEnvironmentAndAboveApplicationFiles() {
		StandardEnvironment environment = environment("--CLI_SECRET=from-command-line");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		List<String> names = environment.getPropertySources().stream().map(PropertySource::getName).toList();
		assertThat(names).containsSubsequence("commandLineArgs", "systemProperties", "systemEnvironment", "secretBaker",
				APPLICATION_FILE_SOURCE);
		assertThat(names.indexOf("secretBaker")).isEqualTo(names.indexOf("systemEnvironment") + 1);
		assertThat(environment.getProperty("CLI_SECRET")).isEqualTo("from-command-line");
		assertThat(environment.getProperty("TOKEN")).isEqualTo("from-system-property");
		assertThat(environment.getProperty("API_KEY")).isEqualTo("from-environment");
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(environment.getProperty("PLAIN")).isEqualTo("from-application-file");
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
	}

	@Test
	void addsTheSourceOnlyOnce() {
		StandardEnvironment environment = environment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().stream().filter((source) -> "secretBaker".equals(source.getName())))
			.hasSize(1);
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
	}

	@Test
	void readsItsSettingsFromApplicationFiles() {
		StandardEnvironment environment = environment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(APPLICATION_FILE_SOURCE,
				new MapPropertySource(APPLICATION_FILE_SOURCE, Map.of("secret-baker.include", "DB_PASSWORD",
						"secret-baker.property-prefix", "secrets", "DB_PASSWORD", "placeholder")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("secrets.DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(environment.getProperty("secrets.TOKEN")).isNull();
		assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void addsTheSourceFirstWhenNoOverridingSourceExists() {
		StandardEnvironment environment = environment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove("commandLineArgs");
		sources.remove("systemProperties");
		sources.remove("systemEnvironment");
		sources.addLast(new MapPropertySource("settings", settings()));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(sources.iterator().next().getName()).isEqualTo("secretBaker");
	}

	@Test
	void doesNothingWhenDisabled() {
		StandardEnvironment environment = environment("--secret-baker.enabled=false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains("secretBaker")).isFalse();
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void doesNothingWhenTheFileIsAbsentAndNotRequired() {
		StandardEnvironment environment = environment("--secret-baker.location=classpath:absent.json");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains("secretBaker")).isFalse();
	}

	@Test
	void startsDecryptingWithoutWaitingForKmsAndJoinsAtTheFirstRead() {
		this.server.faults().hangNext("Decrypt", 1);
		StandardEnvironment environment = environment("--secret-baker.timeout=1s", "--secret-baker.concurrency=1");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		BakedSecretsPropertySource source = BakedSecretsPropertySource.from(environment);
		assertThat(source).isNotNull();
		assertThat(source.isDecrypted("DB_PASSWORD")).isFalse();
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> environment.getProperty("DB_PASSWORD"))
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(SecretDecryptionFailure::kind)
				.contains(Kind.TIMEOUT));
	}

	@Test
	void decryptsBeforeTheEnvironmentIsReadyWhenNotInTheBackground() {
		StandardEnvironment environment = environment("--secret-baker.background=false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
		assertThat(BakedSecretsPropertySource.from(environment).isDecrypted("DB_PASSWORD")).isTrue();
	}

	@Test
	void makesNoKmsCallInATrainingRunAndNeedsNoCredentials() {
		StandardEnvironment environment = environment("--spring.context.exit=onRefresh",
				"--secret-baker.endpoint=http://127.0.0.1:9");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(BakedSecretsPropertySource.TRAINING_VALUE);
		assertThat(environment.getProperty("db.password")).isEqualTo(BakedSecretsPropertySource.TRAINING_VALUE);
		assertThat(this.server.callCounts()).isEmpty();
	}

	@Test
	void decryptsNothingWhileTheApplicationIsAotProcessed() {
		StandardEnvironment environment = environment("--spring.aot.processing=true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(BakedSecretsPropertySource.TRAINING_VALUE);
		assertThat(this.server.callCounts()).isEmpty();
	}

	@Test
	void usesTheKmsClientRegisteredInTheBootstrapRegistry() {
		List<String> calls = new CopyOnWriteArrayList<>();
		KmsDecrypter client = BakedSecretFixtures.decrypter(this.server, KmsClientType.SDK, Duration.ofSeconds(5));
		KmsDecrypter registered = new KmsDecrypter() {

			@Override
			public byte[] decrypt(KmsDecryptRequest request) {
				calls.add(request.encryptionContext().get("PARAMETER_ARN"));
				return client.decrypt(request);
			}

			@Override
			public String region() {
				return client.region();
			}

		};
		StandardEnvironment environment = environment();
		EnvironmentPostProcessors.withRegisteredClient(this.logFactory, registered)
			.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(calls).hasSize(4);
		client.close();
	}

	@Test
	void decryptsOnlyAfterTheSnapshotIsRestoredWhenAskedTo() throws Exception {
		StandardEnvironment environment = environment("--secret-baker.snapshot=after-restore",
				"--AWS_LAMBDA_INITIALIZATION_TYPE=snap-start");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> environment.getProperty("DB_PASSWORD"))
			.withMessageContaining("read before the JVM snapshot was restored")
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(SecretDecryptionFailure::kind)
				.containsExactly(Kind.NOT_ATTEMPTED));
		Resource resource = registeredCracResource();
		resource.beforeCheckpoint(null);
		assertThat(this.server.callCounts()).isEmpty();
		resource.afterRestore(null);
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
	}

	@Test
	void refusesALazyReadBeforeTheSnapshotIsRestoredAndDecryptsOnFirstReadAfterIt() throws Exception {
		StandardEnvironment environment = environment("--secret-baker.mode=lazy",
				"--secret-baker.snapshot=after-restore", "--AWS_LAMBDA_INITIALIZATION_TYPE=snap-start");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> environment.getProperty("DB_PASSWORD"))
			.withMessageContaining("DB_PASSWORD")
			.withMessageContaining("read before the JVM snapshot was restored")
			.satisfies((ex) -> assertThat(ex.getFailures()).extracting(SecretDecryptionFailure::kind)
				.containsExactly(Kind.NOT_ATTEMPTED));
		assertThat(this.server.callCounts()).isEmpty();
		Resource resource = registeredCracResource();
		resource.beforeCheckpoint(null);
		assertThat(this.server.callCounts()).isEmpty();
		resource.afterRestore(null);
		assertThat(this.server.callCounts()).isEmpty();
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void decryptsBeforeTheCheckpointWhenTheFunctionStartsOnDemand() {
		StandardEnvironment environment = environment("--secret-baker.snapshot=after-restore",
				"--AWS_LAMBDA_INITIALIZATION_TYPE=on-demand");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo(this.values.get("DB_PASSWORD"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(4);
	}

	@Test
	void saysSoWhenTheLocationIsADirectory() {
		StandardEnvironment environment = environment("--secret-baker.location=file:" + this.directory);
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("is a directory");
	}

	@Test
	void reportsAnAbsurdTimeoutAsAnInvalidPropertyValue() {
		StandardEnvironment environment = environment("--secret-baker.timeout=99999999d");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("secret-baker.timeout"));
		assertThat(this.server.callCounts()).isEmpty();
	}

	private static Resource registeredCracResource() {
		Object registered = CheckpointSupport.registeredResource();
		assertThat(registered).isInstanceOf(Resource.class);
		return (Resource) registered;
	}

	private StandardEnvironment environment(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace("systemProperties",
				new MapPropertySource("systemProperties", Map.of("TOKEN", "from-system-property")));
		sources.replace("systemEnvironment",
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of("API_KEY", "from-environment")));
		List<String> arguments = new ArrayList<>();
		settings().forEach((name, value) -> {
			if (Arrays.stream(args).noneMatch((arg) -> arg.startsWith("--" + name + "="))) {
				arguments.add("--" + name + "=" + value);
			}
		});
		arguments.addAll(List.of(args));
		sources.addFirst(new SimpleCommandLinePropertySource(arguments.toArray(String[]::new)));
		sources.addLast(new MapPropertySource(APPLICATION_FILE_SOURCE,
				Map.of("DB_PASSWORD", "from-application-file", "PLAIN", "from-application-file")));
		return environment;
	}

	private Map<String, Object> settings() {
		return Map.of("secret-baker.location", "file:" + this.directory.resolve("secrets.json"), "secret-baker.region",
				this.server.region(), "secret-baker.endpoint", this.server.endpoint().toString());
	}

}
