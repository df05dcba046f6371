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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A small application that reads secrets through {@code @Value} and
 * {@code @ConfigurationProperties}, as a user's function would.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(SecretBakerAutoConfiguration.class)
@EnableConfigurationProperties(SecretsApplication.DatabaseProperties.class)
class SecretsApplication {

	@Bean
	Secrets secrets(@Value("${DB_PASSWORD}") String password, @Value("${PLAIN:unset}") String plain) {
		return new Secrets(password, plain);
	}

	/**
	 * The values the application received.
	 *
	 * @param password the value of {@code DB_PASSWORD}
	 * @param plain the value of {@code PLAIN}
	 */
	record Secrets(String password, String plain) {

		@Override
		public String toString() {
			return "Secrets";
		}

	}

	/**
	 * Binds {@code db.password}, which resolves to the {@code DB_PASSWORD} secret.
	 */
	@ConfigurationProperties("db")
	public static class DatabaseProperties {

		private String password;

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

}
