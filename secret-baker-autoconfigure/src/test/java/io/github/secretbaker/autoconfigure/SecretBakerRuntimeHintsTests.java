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

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretBakerRuntimeHints}.
 */
class SecretBakerRuntimeHintsTests {

	@Test
	void isRegisteredInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(SecretBakerRuntimeHints.class);
	}

	@Test
	void registersTheBakedSecretsFileAsAResource() {
		RuntimeHints hints = registeredHints();
		assertThat(RuntimeHintsPredicates.resource().forResource("secret-baker-secrets.json")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("application.yml")).rejects(hints);
	}

	@Test
	void registersReflectionForBindingThePropertiesBeforeAnyBeanExists() {
		RuntimeHints hints = registeredHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(SecretBakerProperties.class)).accepts(hints);
		// Read from the hints themselves: the invocation predicates differ between Spring
		// Framework 6 and 7.
		TypeHint type = hints.reflection().getTypeHint(SecretBakerProperties.class);
		assertThat(type).isNotNull();
		assertThat(type.constructors()).anySatisfy((constructor) -> {
			assertThat(constructor.getParameterTypes()).isEmpty();
			assertThat(constructor.getMode()).isEqualTo(ExecutableMode.INVOKE);
		});
		assertThat(type.methods()).anySatisfy((method) -> {
			assertThat(method.getName()).isEqualTo("setTimeout");
			assertThat(method.getMode()).isEqualTo(ExecutableMode.INVOKE);
		});
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new SecretBakerRuntimeHints().registerHints(hints, SecretBakerRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
