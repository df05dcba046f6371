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

package io.github.secretbaker.samples.consumer.function;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;

/**
 * A function that signs its input with a baked key; started with {@code --consumer.input=...}, it
 * applies itself once through Spring Cloud Function's catalog and prints the signature.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class ConsumerFunctionApplication {

	@Bean
	Function<String, String> sign(@Value("${SIGNING_KEY}") String signingKey) {
		return (payload) -> "sha256=" + hmac(signingKey, payload);
	}

	@Bean
	ApplicationRunner signInput(FunctionCatalog catalog, @Value("${consumer.input:}") String input) {
		return (arguments) -> {
			Function<String, String> sign = catalog.lookup(Function.class, "sign");
			System.out.println("signature " + sign.apply(input));
		};
	}

	private static String hmac(String key, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(ConsumerFunctionApplication.class, args);
	}

}
