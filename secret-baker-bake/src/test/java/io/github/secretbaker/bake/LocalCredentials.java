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

package io.github.secretbaker.bake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Make the SDK's default credentials chain find fake credentials, through the system
 * properties it reads, as the command line expects in CI, for the tests of the annotated
 * class only: the previous values come back after its last test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalCredentials.Extension.class)
public @interface LocalCredentials {

	/**
	 * Sets the credential system properties before all tests of a class and restores them
	 * after.
	 */
	final class Extension implements BeforeAllCallback, AfterAllCallback {

		private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "AKIATESTSECRETBAKER0",
				"aws.secretAccessKey", "test-secret-access-key");

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(LocalCredentials.class);

		@Override
		public void beforeAll(ExtensionContext context) {
			Map<String, String> previous = new HashMap<>();
			CREDENTIALS.forEach((name, value) -> {
				previous.put(name, System.getProperty(name));
				System.setProperty(name, value);
			});
			context.getStore(NAMESPACE).put("previous", previous);
		}

		@Override
		@SuppressWarnings("unchecked")
		public void afterAll(ExtensionContext context) {
			Map<String, String> previous = context.getStore(NAMESPACE).remove("previous", Map.class);
			previous.forEach((name, value) -> {
				if (value != null) {
					System.setProperty(name, value);
				}
				else {
					System.clearProperty(name);
				}
			});
		}

	}

}
