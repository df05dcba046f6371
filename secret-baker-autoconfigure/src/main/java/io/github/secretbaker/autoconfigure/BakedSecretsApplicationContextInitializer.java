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
		BakedSecretsPropertySource secrets = BakedSecretsPropertySource.from(context.getEnvironment());
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (secrets != null && beanFactory.getConversionService() instanceof ConfigurableConversionService conversion
				&& !(conversion instanceof BakedSecretsConversionService)) {
			beanFactory.setConversionService(new BakedSecretsConversionService(conversion, secrets));
		}
	}

}
