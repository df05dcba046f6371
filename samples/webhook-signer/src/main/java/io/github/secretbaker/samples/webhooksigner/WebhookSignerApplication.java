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

package io.github.secretbaker.samples.webhooksigner;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Signs order webhooks. On AWS Lambda the handler is
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest}; run
 * locally with {@code java -jar webhook-signer.jar --webhook-signer.order='{...}'}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookSignerApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebhookSignerApplication.class, args);
	}

	@Bean
	Function<OrderEvent, SignedWebhook> signWebhook(WebhookSigner signer, PaymentProviderProperties paymentProvider) {
		return (order) -> signer.sign(order, paymentProvider);
	}

	@Bean
	@ConditionalOnProperty("webhook-signer.order")
	ApplicationRunner signOrderFromCommandLine(FunctionCatalog functions, Environment environment) {
		return (args) -> {
			FunctionInvocationWrapper function = functions.lookup("signWebhook", "application/json");
			byte[] order = environment.getRequiredProperty("webhook-signer.order").getBytes(StandardCharsets.UTF_8);
			Object result = function.apply(MessageBuilder.withPayload(order).build());
			Object payload = (result instanceof Message<?> message) ? message.getPayload() : result;
			System.out.println((payload instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : payload);
		};
	}

}
