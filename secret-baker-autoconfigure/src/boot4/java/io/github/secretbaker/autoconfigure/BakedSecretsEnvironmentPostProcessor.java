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
