package io.github.secretbaker.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.ConfigurableConversionService;

/**
 * When the environment has baked secrets: wraps the bean factory's conversion service in a
 * {@link BakedSecretsConversionService} and registers a {@link BakedSecretsBindHandlerAdvisor},
 * so no conversion or binding failure carries a secret value, and waits for their decryption
 * before any bean is created ({@link BakedSecretsStartupJoin}).
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
		beanFactory.registerSingleton(BakedSecretsBindHandlerAdvisor.class.getName(),
				new BakedSecretsBindHandlerAdvisor(secrets));
		context.addBeanFactoryPostProcessor(new BakedSecretsStartupJoin(secrets.getPropertySource()));
	}

}
