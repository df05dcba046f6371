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
