package io.github.secretbaker.autoconfigure;

import org.springframework.boot.ConfigurableBootstrapContext;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * The {@link AbstractBakedSecretsEnvironmentPostProcessor} of the Spring Boot 3 line,
 * registered under Spring Boot 3's {@link EnvironmentPostProcessor} key.
 */
class BakedSecretsEnvironmentPostProcessor extends AbstractBakedSecretsEnvironmentPostProcessor
		implements EnvironmentPostProcessor {

	BakedSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		super(logFactory, (type) -> bootstrapContext.isRegistered(type) ? bootstrapContext.get(type) : null);
	}

}
