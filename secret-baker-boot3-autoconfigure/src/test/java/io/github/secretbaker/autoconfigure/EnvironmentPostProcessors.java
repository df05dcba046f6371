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

import java.util.List;

import io.github.secretbaker.kms.KmsDecrypter;

import org.springframework.boot.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * Creates {@link BakedSecretsEnvironmentPostProcessor Spring Boot 3's post-processor} for
 * the tests, which each Spring Boot line's test sources provide alike.
 */
final class EnvironmentPostProcessors {

	private EnvironmentPostProcessors() {
	}

	static BakedSecretsEnvironmentPostProcessor create(DeferredLogFactory logFactory) {
		return new BakedSecretsEnvironmentPostProcessor(logFactory, new DefaultBootstrapContext());
	}

	static BakedSecretsEnvironmentPostProcessor withRegisteredClient(DeferredLogFactory logFactory,
			KmsDecrypter client) {
		DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
		bootstrap.register(KmsDecrypter.class, InstanceSupplier.of(client));
		return new BakedSecretsEnvironmentPostProcessor(logFactory, bootstrap);
	}

	static List<?> loadRegistered(DeferredLogFactory logFactory) {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			.load(EnvironmentPostProcessor.class, ArgumentResolver.of(DeferredLogFactory.class, logFactory));
	}

}
