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

import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.ConfigurableConversionService;

/**
 * When the environment has baked secrets: wraps the bean factory's conversion service in
 * a {@link BakedSecretsConversionService}, registers a
 * {@link BakedSecretsBindHandlerAdvisor} and wraps the expression resolver in a
 * {@link BakedSecretsExpressionResolver}, so no conversion, binding or expression failure
 * carries a secret value, and waits for their decryption before any bean is created
 * ({@link BakedSecretsStartupJoin}).
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
		// The context sets its expression resolver when it refreshes, after initializers.
		context.addBeanFactoryPostProcessor((factory) -> {
			BeanExpressionResolver resolver = factory.getBeanExpressionResolver();
			if (resolver != null && !(resolver instanceof BakedSecretsExpressionResolver)) {
				factory.setBeanExpressionResolver(new BakedSecretsExpressionResolver(resolver, secrets));
			}
		});
		context.addBeanFactoryPostProcessor(new BakedSecretsStartupJoin(secrets.getPropertySource()));
	}

}
