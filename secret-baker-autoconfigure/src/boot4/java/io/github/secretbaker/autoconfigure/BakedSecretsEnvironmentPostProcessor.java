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

import java.util.function.Supplier;

import io.github.secretbaker.kms.KmsDecrypter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * The {@link AbstractBakedSecretsEnvironmentPostProcessor} of the Spring Boot 4 line,
 * registered under Spring Boot 4's {@link EnvironmentPostProcessor} key, with that line's
 * bootstrap context.
 */
class BakedSecretsEnvironmentPostProcessor extends AbstractBakedSecretsEnvironmentPostProcessor
		implements EnvironmentPostProcessor {

	private final ConfigurableBootstrapContext bootstrapContext;

	BakedSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		super(logFactory);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	@Nullable Object findRegistered(Class<?> type) {
		return this.bootstrapContext.isRegistered(type) ? this.bootstrapContext.get(type) : null;
	}

	@Override
	KmsDecrypter registerAndPromote(Supplier<KmsDecrypter> factory) {
		this.bootstrapContext.registerIfAbsent(KmsDecrypter.class, (context) -> factory.get());
		this.bootstrapContext.addCloseListener((event) -> BootstrapClients.promote(event.getApplicationContext(),
				event.getBootstrapContext().get(KmsDecrypter.class)));
		return this.bootstrapContext.get(KmsDecrypter.class);
	}

}
