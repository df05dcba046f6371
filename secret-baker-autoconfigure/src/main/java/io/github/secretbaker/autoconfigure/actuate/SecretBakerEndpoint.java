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

import java.util.List;

import io.github.secretbaker.autoconfigure.BakedSecretsPropertySource;
import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The {@code secretbaker} endpoint: which secrets were baked, from which parameter and
 * key, and whether each one was decrypted. It never shows a value.
 *
 * @since 0.1.0
 */
@Endpoint(id = "secretbaker")
public class SecretBakerEndpoint {

	private final ConfigurableEnvironment environment;

	/**
	 * Create a new endpoint reading the secrets from the given environment.
	 * @param environment the environment
	 */
	public SecretBakerEndpoint(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Describe the baked secrets.
	 * @return the descriptor
	 */
	@ReadOperation
	public BakedSecretsDescriptor bakedSecrets() {
		PropertySource<?> source = this.environment.getPropertySources().get(BakedSecretsPropertySource.NAME);
		if (!(source instanceof BakedSecretsPropertySource bakedSecrets)) {
			return new BakedSecretsDescriptor(null, null, List.of());
		}
		List<SecretDescriptor> secrets = bakedSecrets.getSource()
			.asList()
			.stream()
			.map((secret) -> describe(secret, bakedSecrets))
			.toList();
		return new BakedSecretsDescriptor(bakedSecrets.getLocation(), bakedSecrets.isLazy() ? "lazy" : "eager",
				secrets);
	}

	private static SecretDescriptor describe(BakedSecret secret, BakedSecretsPropertySource source) {
		return new SecretDescriptor(secret.name(), secret.arn(), secret.version(), secret.keyId(), secret.tier(),
				source.isDecrypted(secret.name()));
	}

	/**
	 * The baked secrets in the environment.
	 *
	 * @param location the file they were read from, or {@code null} if none was
	 * @param mode {@code eager} or {@code lazy}, or {@code null} if no file was read
	 * @param secrets the secrets
	 * @since 0.1.0
	 */
	public record BakedSecretsDescriptor(@Nullable String location, @Nullable String mode,
			List<SecretDescriptor> secrets) implements OperationResponseBody {
	}

	/**
	 * One baked secret, without its value.
	 *
	 * @param name the secret name
	 * @param arn the SSM parameter ARN
	 * @param version the baked parameter version, if recorded
	 * @param keyId the KMS key ARN, if recorded
	 * @param tier the parameter tier, if recorded
	 * @param decrypted whether the secret has been decrypted
	 * @since 0.1.0
	 */
	public record SecretDescriptor(String name, String arn, @Nullable Long version, @Nullable String keyId,
			@Nullable String tier, boolean decrypted) {
	}

}
