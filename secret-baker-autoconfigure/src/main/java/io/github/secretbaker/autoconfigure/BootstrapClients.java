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

import java.util.function.Function;

import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The KMS client of the application, kept in the bootstrap context as Spring Cloud AWS
 * keeps its clients: a {@link KmsDecrypter} or an AWS SDK {@link KmsClient} that the
 * application registered with a {@code BootstrapRegistryInitializer}, else the default
 * client, registered there if absent. When the bootstrap context closes, the client
 * becomes the bean {@value #BEAN_NAME} of the application context, which closes it. Beans
 * cannot be used, since decryption starts before the application context exists.
 */
final class BootstrapClients {

	/**
	 * The name of the bean that the client becomes.
	 */
	static final String BEAN_NAME = "secretBakerKmsDecrypter";

	private static final boolean SDK_PRESENT = ClassUtils.isPresent("software.amazon.awssdk.services.kms.KmsClient",
			BootstrapClients.class.getClassLoader());

	private BootstrapClients() {
	}

	/**
	 * Return the client that the application registered.
	 * @param registered the instance registered in the bootstrap context for a type, or
	 * {@code null} when none is; a look-up, since the context's package depends on the
	 * Spring Boot line
	 * @return the client, or {@code null} if the application registered none
	 */
	static @Nullable KmsDecrypter find(Function<Class<?>, @Nullable Object> registered) {
		if (registered.apply(KmsDecrypter.class) instanceof KmsDecrypter decrypter) {
			return decrypter;
		}
		return SDK_PRESENT ? Sdk.find(registered) : null;
	}

	/**
	 * Make the given client a bean of the application context, closed with it; once,
	 * however often the bootstrap context reports its closing.
	 * @param context the application context
	 * @param client the client
	 */
	static void promote(ConfigurableApplicationContext context, KmsDecrypter client) {
		// A bean definition, unlike a registered singleton, is closed with the context.
		if (!context.containsBeanDefinition(BEAN_NAME)
				&& context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
			registry.registerBeanDefinition(BEAN_NAME, new RootBeanDefinition(KmsDecrypter.class, () -> client));
		}
	}

	/**
	 * Keeps the SDK's classes unloaded unless it is on the class path.
	 */
	private static final class Sdk {

		static @Nullable KmsDecrypter find(Function<Class<?>, @Nullable Object> registered) {
			return (registered.apply(KmsClient.class) instanceof KmsClient client) ? SdkKmsDecrypter.of(client) : null;
		}

	}

}
