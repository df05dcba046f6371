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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Waits for a decryption going on in the background once the bean definitions are known
 * and before any bean is created. A failure then surfaces as the
 * {@code SecretDecryptionException} itself, which {@link SecretDecryptionFailureAnalyzer}
 * reports and which is what Lambda reports for a failed init, rather than inside the
 * creation failure of whichever bean read a secret first; the decryption overlaps
 * everything Spring did until then.
 */
final class BakedSecretsStartupJoin implements BeanFactoryPostProcessor {

	private static final Log logger = LogFactory.getLog(BakedSecretsEnvironmentPostProcessor.class);

	private final BakedSecretsPropertySource secrets;

	BakedSecretsStartupJoin(BakedSecretsPropertySource secrets) {
		this.secrets = secrets;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		BakedSecretsEnvironmentPostProcessor.join(this.secrets.getValues(), logger);
	}

}
