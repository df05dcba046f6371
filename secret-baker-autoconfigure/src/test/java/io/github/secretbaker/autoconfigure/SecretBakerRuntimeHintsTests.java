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
