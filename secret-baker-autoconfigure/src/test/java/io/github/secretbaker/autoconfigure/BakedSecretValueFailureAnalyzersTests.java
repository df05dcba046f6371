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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the analyzers of a baked secret's value, such as
 * {@link BakedSecretBindFailureAnalyzer}: real applications that fail to start because of
 * a baked secret's value, against the local KMS and SSM server.
 */
@LocalAwsTest
@ExtendWith(OutputCaptureExtension.class)
class BakedSecretValueFailureAnalyzersTests {

	private final LocalAwsServer server;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<BakedSecret> baked = new ArrayList<>();

	@TempDir
	Path directory;

	BakedSecretValueFailureAnalyzersTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void bakeSecrets() throws Exception {
		String keyArn = this.server.createKey();
		for (String name : List.of("PAYMENT_RETRIES", "PSP_TIMEOUT", "PSP_API_TOKEN", "PAYMENT_PORT",
				"PSP_EXPRESSION")) {
			String value = name.equals("PSP_EXPRESSION") ? SecretLeakAssertions.expressionValue()
					: SecretLeakAssertions.awkwardValue();
			this.values.put(name, value);
			this.baked.add(BakedSecretFixtures.bake(this.server, name, value, keyArn));
		}
		BakedSecretsFile.write(BakedSecrets.of(this.baked), this.directory.resolve("secrets.json"));
		Files.writeString(this.directory.resolve("application.yml"), """
				payment:
				  timeout: ${PSP_TIMEOUT}
				  api-token: ${PSP_API_TOKEN}
				""", StandardCharsets.UTF_8);
	}

	@Test
	void reportsASecretThatDoesNotConvertToANumberWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(RetriesApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind baked secret PAYMENT_RETRIES to int")
			.contains("Property: payment.retries")
			.contains("Value: <the value of baked secret PAYMENT_RETRIES, not shown>")
			.contains("Origin: SSM parameter '" + this.baked.get(0).arn() + "'")
			.contains("Action:")
			.contains("Make the SSM parameter of PAYMENT_RETRIES hold a value that converts to int");
		assertNoSecretIn(output);
	}

	@Test
	void reportsASecretBoundThroughAPlaceholderThatDoesNotConvertToADurationWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(TimeoutApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind baked secret PSP_TIMEOUT to java.time.Duration")
			.contains("Property: payment.timeout")
			.contains("Value: <the value of baked secret PSP_TIMEOUT, not shown>")
			.contains("application.yml")
			.contains("Action:");
		assertNoSecretIn(output);
	}

	@Test
	void reportsASecretThatFailsValidationWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(ValidatedApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Baked secret PSP_API_TOKEN failed validation")
			.contains("Property: payment.api-token")
			.contains("Value: <the value of baked secret PSP_API_TOKEN, not shown>")
			.contains("Reason: size must be between 0 and 8")
			.contains("Action:");
		assertNoSecretIn(output);
	}

	@Test
	void reportsASecretThatDoesNotConvertForValueInjectionWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(PortApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to convert baked secret PAYMENT_PORT to int")
			.contains("Bean: port")
			.contains("Value: <the value of baked secret PAYMENT_PORT, not shown>")
			.contains("Action:")
			.contains("or inject it as a String");
		assertNoSecretIn(output);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DEBUG", "TRACE" })
	void keepsEveryPartOfAValueOutOfTheWarningTheFailureLoggedAtDebugAndTraceLevelAndTheThrownException(String level,
			CapturedOutput output) {
		Throwable portFailure = catchThrowable(() -> run(PortApplication.class, "--logging.level.root=" + level));
		Throwable retriesFailure = catchThrowable(() -> run(RetriesApplication.class, "--logging.level.root=" + level));
		assertThat(output).contains("Exception encountered during context initialization")
			.contains("Application failed to start due to an exception")
			.contains("Failed to convert baked secret PAYMENT_PORT to int")
			.contains("Failed to bind baked secret PAYMENT_RETRIES to int");
		assertNoSecretIn(output);
		// What SpringApplication throws is what Lambda reports for a failed init.
		assertNoSecretIn(stackTrace(portFailure));
		assertNoSecretIn(stackTrace(retriesFailure));
	}

	@ParameterizedTest
	@ValueSource(strings = { "INFO", "DEBUG", "TRACE" })
	void keepsEveryPartOfASecretOutOfTheFailureOfAnExpressionThatReadsIt(String level, CapturedOutput output) {
		Throwable failure = catchThrowable(() -> run(ExpressionApplication.class, "--logging.level.root=" + level));
		assertThat(output).contains("Exception encountered during context initialization")
			.contains("APPLICATION FAILED TO START")
			.contains("Expression parsing failed for the value of baked secret PSP_EXPRESSION");
		assertNoSecretIn(output);
		assertNoSecretIn(stackTrace(failure));
	}

	@Test
	void reportsAnInvalidValueOfAPropertyThatResolvesToASecretWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(InvalidTokenApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value for configuration property 'psp.api-token', which resolves to baked secret "
					+ "PSP_API_TOKEN")
			.contains("PSP_API_TOKEN: SSM parameter " + this.baked.get(2).arn())
			.contains("Value: <the value of baked secret PSP_API_TOKEN, not shown>")
			.contains("Reason: the token was revoked")
			.contains("Make the SSM parameter of PSP_API_TOKEN hold a valid value for 'psp.api-token'")
			.doesNotContain("Invalid value '");
		assertNoSecretIn(output);
	}

	@Test
	void reportsAnInvalidValueWithoutDecryptingALazySecretOrShowingIt(CapturedOutput output) {
		this.server.resetCounters();
		assertThatException().isThrownBy(() -> run(InvalidTokenApplication.class, "--secret-baker.mode=lazy"));
		assertThat(output).contains("which resolves to baked secret PSP_API_TOKEN").doesNotContain("Invalid value '");
		assertThat(this.server.callCount("Decrypt")).isZero();
		assertNoSecretIn(output);
	}

	@Test
	void reportsMutuallyExclusiveSecretsByNameAndOriginOnly(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(ExclusiveApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("mutually exclusive")
			.contains("psp-api-token")
			.contains("SSM parameter '" + this.baked.get(2).arn() + "'");
		assertNoSecretIn(output);
	}

	@Test
	void leavesFailuresOfOtherValuesToSpringBoot(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(RetriesApplication.class, "--payment.retries=many"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Value: \"many\"")
			.doesNotContain("Failed to bind baked secret");
	}

	private void run(Class<?> application, String... args) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.config.location=file:" + this.directory.resolve("application.yml"),
				"--secret-baker.location=file:" + this.directory.resolve("secrets.json"),
				"--secret-baker.region=" + this.server.region(), "--secret-baker.endpoint=" + this.server.endpoint()));
		arguments.addAll(Arrays.asList(args));
		new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(arguments.toArray(String[]::new))
			.close();
	}

	private static String stackTrace(Throwable failure) {
		assertThat(failure).isNotNull();
		StringWriter stackTrace = new StringWriter();
		failure.printStackTrace(new PrintWriter(stackTrace));
		return stackTrace.toString();
	}

	private void assertNoSecretIn(CharSequence output) {
		String text = output.toString();
		SecretLeakAssertions.assertNoPartOfAny(text, this.values.values());
		this.baked.forEach((secret) -> assertThat(text).doesNotContain(secret.ciphertext()));
	}

	/**
	 * Binds {@code payment.retries}, which the {@code PAYMENT_RETRIES} secret sets.
	 *
	 * @param retries the number of retries
	 */
	@ConfigurationProperties("payment")
	record RetriesProperties(int retries) {

	}

	/**
	 * Binds {@code payment.timeout}, which {@code application.yml} sets to
	 * {@code ${PSP_TIMEOUT}}.
	 *
	 * @param timeout the timeout
	 */
	@ConfigurationProperties("payment")
	record TimeoutProperties(Duration timeout) {

	}

	/**
	 * Binds {@code payment.api-token}, which {@code application.yml} sets to
	 * {@code ${PSP_API_TOKEN}}, and validates it.
	 *
	 * @param apiToken the API token
	 */
	@Validated
	@ConfigurationProperties("payment")
	record ValidatedProperties(@Size(max = 8) String apiToken) {

		@Override
		public String toString() {
			return "ValidatedProperties";
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	@EnableConfigurationProperties(RetriesProperties.class)
	static class RetriesApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	@EnableConfigurationProperties(TimeoutProperties.class)
	static class TimeoutApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	@EnableConfigurationProperties(ValidatedProperties.class)
	static class ValidatedApplication {

	}

	/**
	 * Refuses the token as an application would, with Spring Boot's exception for an
	 * invalid property value, by its relaxed name and without the value, which Spring
	 * Boot's own analyzer then looks up in every property source to print it.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	static class InvalidTokenApplication {

		@Bean
		String token() {
			throw new InvalidConfigurationPropertyValueException("psp.api-token", null, "the token was revoked");
		}

	}

	/**
	 * Sets two mutually exclusive properties, one of them a baked secret.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	static class ExclusiveApplication {

		@Bean
		String exclusive(Environment environment) {
			MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
				entries.put("psp-api-token", environment.getProperty("psp-api-token"));
				entries.put("payment-port", environment.getProperty("payment-port"));
			});
			return "unreachable";
		}

	}

	/**
	 * Evaluates a baked secret as an expression, which fails to parse.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	static class ExpressionApplication {

		@Bean
		String expression(@Value("#{${PSP_EXPRESSION}}") String expression) {
			return expression;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
	static class PortApplication {

		@Bean
		Integer port(@Value("${PAYMENT_PORT}") int port) {
			return port;
		}

	}

}
