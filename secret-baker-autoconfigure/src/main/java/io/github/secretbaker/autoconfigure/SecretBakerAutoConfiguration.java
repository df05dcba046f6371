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
