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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.autoconfigure.SecretsApplication.DatabaseProperties;
import io.github.secretbaker.autoconfigure.actuate.BakedSecretsSanitizingFunction;
import io.github.secretbaker.autoconfigure.actuate.SecretBakerEndpoint;
import io.github.secretbaker.autoconfigure.actuate.SecretBakerEndpoint.BakedSecretsDescriptor;
import io.github.secretbaker.autoconfigure.actuate.SecretBakerEndpoint.SecretDescriptor;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.SecretValues;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceEntryDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link SecretBakerAutoConfiguration}.
 */
class SecretBakerAutoConfigurationTests {

	private static final String DB_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db_password";

	private static final String API_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/api_key";

	private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private final String password = BakedSecretFixtures.randomValue();

	private final String apiKey = BakedSecretFixtures.randomValue();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretBakerAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=secretbaker,env,configprops")
		.withInitializer((context) -> {
			BakedSecrets secrets = BakedSecrets
				.of(List.of(new BakedSecret("DB_PASSWORD", "AQIDBA==", DB_ARN, 3L, KEY_ARN, BakedSecret.STANDARD_TIER),
						BakedSecret.of("API_KEY", "BQYHCA==", API_ARN)));
			DecryptedSecrets values = DecryptedSecrets.of(Map.of("DB_PASSWORD", this.password, "API_KEY", this.apiKey));
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new BakedSecretsPropertySource(SecretValues.of(secrets, values),
						"classpath:secret-baker-secrets.json", null));
		});

	@Test
	void providesThePropertiesAndActuatorSupport() {
		this.contextRunner.withPropertyValues("secret-baker.timeout=2s", "secret-baker.mode=lazy").run((context) -> {
			assertThat(context).hasSingleBean(SecretBakerProperties.class);
			assertThat(context).hasSingleBean(BakedSecretsSanitizingFunction.class);
			assertThat(context).hasSingleBean(SecretBakerEndpoint.class);
			SecretBakerProperties properties = context.getBean(SecretBakerProperties.class);
			assertThat(properties.getTimeout()).hasSeconds(2);
			assertThat(properties.getMode()).isEqualTo(SecretBakerProperties.Mode.LAZY);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("secret-baker.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SecretBakerProperties.class);
			assertThat(context).doesNotHaveBean(SanitizingFunction.class);
			assertThat(context).doesNotHaveBean(SecretBakerEndpoint.class);
		});
	}

	@Test
	void backsOffFromActuatorSupportWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).run((context) -> {
			assertThat(context).hasSingleBean(SecretBakerProperties.class);
			assertThat(context).doesNotHaveBean(BakedSecretsSanitizingFunction.class);
			assertThat(context).doesNotHaveBean(SecretBakerEndpoint.class);
		});
	}

	@Test
	void backsOffFromActuatorSupportWithoutActuatorAutoConfiguration() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.autoconfigure"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BakedSecretsSanitizingFunction.class);
				assertThat(context).doesNotHaveBean(SecretBakerEndpoint.class);
			});
	}

	@Test
	void keepsAUserDefinedSanitizingFunction() {
		this.contextRunner
			.withBean("customSanitizer", BakedSecretsSanitizingFunction.class,
					() -> new BakedSecretsSanitizingFunction(new StandardEnvironment()))
			.run((context) -> assertThat(context).hasSingleBean(BakedSecretsSanitizingFunction.class)
				.hasBean("customSanitizer"));
	}

	@Test
	void doesNotCreateTheEndpointWhenItIsNotExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretBakerEndpoint.class)
				.hasSingleBean(BakedSecretsSanitizingFunction.class));
	}

	@Test
	void doesNotCreateTheEndpointWhenItsAccessIsNone() {
		this.contextRunner.withPropertyValues("management.endpoint.secretbaker.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretBakerEndpoint.class));
	}

	@Test
	void describesEverySecretWithoutItsValue() {
		this.contextRunner.run((context) -> {
			BakedSecretsDescriptor descriptor = context.getBean(SecretBakerEndpoint.class).bakedSecrets();
			assertThat(descriptor.location()).isEqualTo("classpath:secret-baker-secrets.json");
			assertThat(descriptor.mode()).isEqualTo("eager");
			assertThat(descriptor.secrets()).containsExactly(
					new SecretDescriptor("API_KEY", API_ARN, null, null, null, true),
					new SecretDescriptor("DB_PASSWORD", DB_ARN, 3L, KEY_ARN, BakedSecret.STANDARD_TIER, true));
		});
	}

	@Test
	void describesNoSecretsWhenNoneWereBaked() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecretBakerAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=secretbaker")
			.run((context) -> {
				BakedSecretsDescriptor descriptor = context.getBean(SecretBakerEndpoint.class).bakedSecrets();
				assertThat(descriptor.location()).isNull();
				assertThat(descriptor.secrets()).isEmpty();
			});
	}

	@Test
	void masksSecretsInTheEnvEndpointEvenWhenShowingValues() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("other", Map.of("PLAIN", "visible", "db.password", "visible-too"))))
			.withPropertyValues("management.endpoint.env.show-values=always")
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				Map<String, Map<String, Object>> values = new LinkedHashMap<>();
				endpoint.environment(null).getPropertySources().forEach((source) -> {
					Map<String, Object> sourceValues = new LinkedHashMap<>();
					source.getProperties().forEach((name, value) -> sourceValues.put(name, value.getValue()));
					values.put(source.getName(), sourceValues);
				});
				assertThat(values.get("secretBaker")).containsOnly(entry("API_KEY", "******"),
						entry("DB_PASSWORD", "******"));
				assertThat(values.get("other")).containsEntry("PLAIN", "visible");
				EnvironmentEntryDescriptor entry = endpoint.environmentEntry("DB_PASSWORD");
				assertThat(entry.getProperty().getValue()).isEqualTo("******");
				assertThat(entry.getProperty().getSource()).isEqualTo("secretBaker");
				PropertySourceEntryDescriptor plain = endpoint.environmentEntry("PLAIN")
					.getPropertySources()
					.stream()
					.filter((source) -> source.getName().equals("other"))
					.findFirst()
					.orElseThrow();
				assertThat(plain.getProperty().getValue()).isEqualTo("visible");
				assertThat(endpoint.environmentEntry("db.password").getProperty().getValue()).isEqualTo("******");
			});
	}

	@Test
	void masksSecretsInTheConfigpropsEndpointEvenWhenShowingValues() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withUserConfiguration(DatabasePropertiesConfiguration.class)
			.withPropertyValues("management.endpoint.configprops.show-values=always")
			.run((context) -> {
				assertThat(context.getBean(DatabaseProperties.class).getPassword()).isEqualTo(this.password);
				ConfigurationPropertiesReportEndpoint endpoint = context
					.getBean(ConfigurationPropertiesReportEndpoint.class);
				Map<String, Object> properties = new LinkedHashMap<>();
				endpoint.configurationProperties()
					.getContexts()
					.values()
					.forEach((descriptor) -> descriptor.getBeans()
						.values()
						.forEach((bean) -> properties.put(bean.getPrefix(), bean.getProperties())));
				assertThat(properties).containsEntry("db", Map.of("password", "******"));
				assertThat(String.valueOf(properties)).doesNotContain(this.password);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DatabaseProperties.class)
	static class DatabasePropertiesConfiguration {

	}

}
