package io.github.secretbaker.autoconfigure.actuate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.github.secretbaker.autoconfigure.SecretBakerAutoConfiguration;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BakedSecretsSanitizingFunction} in a real application whose
 * {@code application.yml} binds secrets through placeholders, against the local KMS and SSM
 * server.
 */
@LocalAwsTest
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
		BakedSecretsFile.write(BakedSecrets.of(this.baked), this.directory.resolve("secrets.json"));
		Files.writeString(this.directory.resolve("application.yml"), """
				payment-provider:
				  api-token: ${PAYMENT_API_TOKEN}
				  pin: ${PAYMENT_PIN}
				  authorization: Bearer ${payment.api-token}
				  endpoint: https://payments.example.com
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
			assertThat(report).contains("\"apiToken\":\"******\"", "\"pin\":\"******\"",
					"\"authorization\":\"******\"", "\"endpoint\":\"https://payments.example.com\"");
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

	private ConfigurableApplicationContext run(String mode) {
		return new SpringApplicationBuilder(PaymentApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run("--spring.config.location=file:" + this.directory.resolve("application.yml"),
					"--secret-baker.location=file:" + this.directory.resolve("secrets.json"),
					"--secret-baker.region=" + this.server.region(),
					"--secret-baker.endpoint=" + this.server.endpoint(), "--secret-baker.mode=" + mode,
					"--secret-baker.property-prefix=payment", "--management.endpoint.env.show-values=always",
					"--management.endpoint.configprops.show-values=always",
					"--management.endpoints.web.exposure.include=env,configprops");
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
	 */
	@ConfigurationProperties("payment-provider")
	record PaymentProviderProperties(String apiToken, long pin, String authorization, String endpoint) {

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

}
