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

import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for secret-baker in an AOT-processed application: the
 * baked secrets file as a resource, and reflection on {@link SecretBakerProperties},
 * which {@code BakedSecretsEnvironmentPostProcessor} binds with a {@code Binder} before
 * any bean exists. The post-processor, initializer and failure analyzers are listed in
 * {@code spring.factories}, for which Spring registers hints itself; secret-baker creates
 * no proxies.
 */
final class SecretBakerRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(BakedSecretsFile.DEFAULT_FILE_NAME);
		BindableRuntimeHintsRegistrar.forTypes(SecretBakerProperties.class).registerHints(hints, classLoader);
	}

}
