package io.github.secretbaker.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
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
	void registersReflectionForBindingThePropertiesBeforeAnyBeanExists() throws NoSuchMethodException {
		RuntimeHints hints = registeredHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(SecretBakerProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(SecretBakerProperties.class.getConstructor()))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SecretBakerProperties.class, "setTimeout"))
			.accepts(hints);
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new SecretBakerRuntimeHints().registerHints(hints, SecretBakerRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
