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

package io.github.secretbaker.autoconfigure.actuate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.github.secretbaker.autoconfigure.SecretBakerAutoConfiguration;
import io.github.secretbaker.autoconfigure.SecretLeakAssertions;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BakedSecretsSanitizingFunction} in a real application whose
 * {@code application.yml} binds secrets through placeholders, against the local KMS and
 * SSM server, and whose environment has AWS credentials.
 */
@LocalAwsTest
@ExtendWith(OutputCaptureExtension.class)
class BakedSecretsSanitizingFunctionTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LocalAwsServer server;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<BakedSecret> baked = new ArrayList<>();

	@TempDir
	Path directory;

	BakedSecretsSanitizingFunctionTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void bakeSecrets() throws Exception {
		String keyArn = this.server.createKey();
		bake("PAYMENT_API_TOKEN", BakedSecretFixtures.randomValue(), keyArn);
		// Leading zeros, so the bound number reads differently from the secret.
		bake("PAYMENT_PIN", "00" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L), keyArn);
		bake("UNREFERENCED", BakedSecretFixtures.randomValue(), keyArn);
		bake("PAYMENT_TOKENS", SecretLeakAssertions.awkwardValue(), keyArn);
		BakedSecretsFile.write(BakedSecrets.of(this.baked), this.directory.resolve("secrets.json"));
		Files.writeString(this.directory.resolve("application.yml"), """
				payment-provider:
				  api-token: ${PAYMENT_API_TOKEN}
				  pin: ${PAYMENT_PIN}
				  authorization: Bearer ${payment.api-token}
				  endpoint: https://payments.example.com
				  tokens: ${PAYMENT_TOKENS}
				  token-array: ${PAYMENT_TOKENS}
				""", StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "eager", "lazy" })
	void masksSecretsBoundThroughPlaceholdersInTheConfigpropsEndpoint(String mode) {
		try (ConfigurableApplicationContext context = run(mode)) {
			PaymentProviderProperties payment = context.getBean(PaymentProviderProperties.class);
			assertThat(payment.apiToken()).isEqualTo(this.values.get("PAYMENT_API_TOKEN"));
			assertThat(payment.pin()).isEqualTo(Long.parseLong(this.values.get("PAYMENT_PIN")));
			String report = json.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			assertThat(report).contains("\"apiToken\":\"******\"", "\"pin\":\"******\"", "\"authorization\":\"******\"",
					"\"endpoint\":\"https://payments.example.com\"");
			assertNoSecretIn(report);
			assertThat(report).doesNotContain(String.valueOf(payment.pin()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "eager", "lazy" })
	void masksSecretsReadThroughPlaceholdersInTheEnvEndpoint(String mode) {
		try (ConfigurableApplicationContext context = run(mode)) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			String environment = json.writeValueAsString(endpoint.environment(null));
			assertThat(environment).contains("payment-provider.api-token", "https://payments.example.com");
			assertNoSecretIn(environment);
			for (String name : List.of("payment-provider.api-token", "payment-provider.pin",
					"payment-provider.authorization")) {
				assertThat(endpoint.environmentEntry(name).getProperty().getValue()).isEqualTo("******");
				assertNoSecretIn(json.writeValueAsString(endpoint.environmentEntry(name)));
			}
			assertThat(endpoint.environmentEntry("payment-provider.endpoint").getProperty().getValue())
				.isEqualTo("https://payments.example.com");
		}
	}

	@ParameterizedTest
	@CsvSource({ "eager, DEBUG", "lazy, TRACE" })
	void masksEveryElementOfAListOrArrayBoundFromASecretInTheConfigpropsEndpoint(String mode, String level,
			CapturedOutput output) {
		String tokens = this.values.get("PAYMENT_TOKENS");
		try (ConfigurableApplicationContext context = run(mode, "--logging.level.root=" + level)) {
			PaymentProviderProperties payment = context.getBean(PaymentProviderProperties.class);
			assertThat(payment.tokens()).containsExactly(tokens.substring(0, tokens.indexOf(',')),
					tokens.substring(tokens.indexOf(',') + 1).strip());
			assertThat(payment.tokenArray()).containsExactlyElementsOf(payment.tokens());
			String report = json.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			assertThat(report).contains("\"tokens\":[\"******\",\"******\"]", "\"tokenArray\":[\"******\",\"******\"]");
			SecretLeakAssertions.assertNoPartOf(report, tokens);
			assertNoSecretIn(report);
		}
		assertThat(output).contains("Decrypted");
		SecretLeakAssertions.assertNoPartOf(output, tokens);
		assertNoSecretIn(output.toString());
	}

	@ParameterizedTest
	@CsvSource({ "secrets.json, DEBUG", "absent.json, TRACE" })
	void masksAwsCredentialsFromTheEnvironmentAndSystemPropertiesInTheEnvEndpoint(String file, String level,
			CapturedOutput output) throws Exception {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
				"AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
			variables.put(name, SecretLeakAssertions.awkwardValue());
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (String name : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken")) {
			properties.put(name, SecretLeakAssertions.awkwardValue());
		}
		Files.writeString(this.directory.resolve("application.yml"), """
				relay:
				  session-token: ${AWS_SESSION_TOKEN}
				""", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> systemEnvironment = new HashMap<>(environment.getSystemEnvironment());
		systemEnvironment.putAll(variables);
		Map<String, Object> systemProperties = new HashMap<>(environment.getSystemProperties());
		systemProperties.putAll(properties);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, systemEnvironment));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
					StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, systemProperties));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvironmentApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.environment(environment)
			.run(arguments("eager", "--secret-baker.location=file:" + this.directory.resolve(file),
					"--logging.level.root=" + level))) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			String all = json.writeValueAsString(endpoint.environment(null));
			assertThat(all).contains("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "aws.sessionToken",
					"relay.session-token", "https://payments.example.com");
			for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "aws.secret-access-key",
					"AWS_SESSION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "aws.accessKeyId", "aws.secretAccessKey",
					"aws.sessionToken", "relay.session-token")) {
				assertThat(endpoint.environmentEntry(name).getProperty().getValue()).as(name).isEqualTo("******");
				all += json.writeValueAsString(endpoint.environmentEntry(name));
			}
			SecretLeakAssertions.assertNoPartOfAny(all, variables.values());
			SecretLeakAssertions.assertNoPartOfAny(all, properties.values());
		}
		SecretLeakAssertions.assertNoPartOfAny(output, variables.values());
		SecretLeakAssertions.assertNoPartOfAny(output, properties.values());
	}

	private ConfigurableApplicationContext run(String mode, String... args) {
		return new SpringApplicationBuilder(PaymentApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(arguments(mode, args));
	}

	private String[] arguments(String mode, String... args) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.config.location=file:" + this.directory.resolve("application.yml"),
				"--secret-baker.location=file:" + this.directory.resolve("secrets.json"),
				"--secret-baker.region=" + this.server.region(), "--secret-baker.endpoint=" + this.server.endpoint(),
				"--secret-baker.mode=" + mode, "--secret-baker.property-prefix=payment",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always",
				"--management.endpoints.web.exposure.include=env,configprops"));
		for (String arg : args) {
			arguments.removeIf((argument) -> argument.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
			arguments.add(arg);
		}
		return arguments.toArray(String[]::new);
	}

	private void bake(String name, String value, String keyArn) {
		this.values.put(name, value);
		this.baked.add(BakedSecretFixtures.bake(this.server, name, value, keyArn));
	}

	private void assertNoSecretIn(String text) {
		this.values.values().forEach((value) -> assertThat(text).doesNotContain(value));
		this.baked.forEach((secret) -> assertThat(text).doesNotContain(secret.ciphertext()));
	}

	/**
	 * Settings of a payment provider, bound from {@code application.yml}.
	 *
	 * @param apiToken the API token
	 * @param pin the PIN
	 * @param authorization the authorization header
	 * @param endpoint the endpoint
	 * @param tokens the tokens, bound as a list
	 * @param tokenArray the tokens, bound as an array
	 */
	@ConfigurationProperties("payment-provider")
	record PaymentProviderProperties(String apiToken, long pin, String authorization, String endpoint,
			List<String> tokens, String[] tokenArray) {

		@Override
		public String toString() {
			return "PaymentProviderProperties";
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretBakerAutoConfiguration.class, EndpointAutoConfiguration.class,
			EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class })
	@EnableConfigurationProperties(PaymentProviderProperties.class)
	static class PaymentApplication {

	}

	/**
	 * An application with the {@code env} endpoint that binds nothing, so that it starts
	 * without baked secrets too.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretBakerAutoConfiguration.class, EndpointAutoConfiguration.class,
			EnvironmentEndpointAutoConfiguration.class })
	static class EnvironmentApplication {

	}

}
