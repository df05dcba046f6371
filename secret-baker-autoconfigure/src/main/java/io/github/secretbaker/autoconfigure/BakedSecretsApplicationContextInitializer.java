package io.github.secretbaker.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.ConfigurableConversionService;

/**
 * Wraps the bean factory's conversion service in a {@link BakedSecretsConversionService}
 * when the environment has baked secrets, so no conversion failure carries a secret value.
 */
class BakedSecretsApplicationContextInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		BakedSecretsRedactor secrets = BakedSecretsRedactor.from(context.getEnvironment());
		if (secrets == null) {
			return;
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory.getConversionService() instanceof ConfigurableConversionService conversion
				&& !(conversion instanceof BakedSecretsConversionService)) {
			beanFactory.setConversionService(new BakedSecretsConversionService(conversion, secrets));
		}
	}

}
