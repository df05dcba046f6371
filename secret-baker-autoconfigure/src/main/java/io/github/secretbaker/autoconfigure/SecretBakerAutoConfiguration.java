package io.github.secretbaker.autoconfigure;

import io.github.secretbaker.autoconfigure.actuate.BakedSecretsSanitizingFunction;
import io.github.secretbaker.autoconfigure.actuate.SecretBakerEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for baked secrets: their properties and, with Spring Boot Actuator,
 * the masking of their values and the {@code secretbaker} endpoint. The secrets
 * themselves are added to the environment before the context exists, by an
 * {@code EnvironmentPostProcessor}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = SecretBakerProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecretBakerProperties.class)
public final class SecretBakerAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SanitizingFunction.class, ConditionalOnAvailableEndpoint.class })
	static class ActuatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BakedSecretsSanitizingFunction bakedSecretsSanitizingFunction(ConfigurableEnvironment environment) {
			return new BakedSecretsSanitizingFunction(environment);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		SecretBakerEndpoint secretBakerEndpoint(ConfigurableEnvironment environment) {
			return new SecretBakerEndpoint(environment);
		}

	}

}
