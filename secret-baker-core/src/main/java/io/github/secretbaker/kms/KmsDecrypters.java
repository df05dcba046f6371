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

package io.github.secretbaker.kms;

import java.util.Objects;

import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.http.HttpKmsDecrypter;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;

/**
 * Creates the {@link KmsDecrypter} of a {@link KmsClientType}. Each implementation's
 * classes are loaded only when it is chosen.
 *
 * @since 0.1.0
 */
public final class KmsDecrypters {

	private KmsDecrypters() {
	}

	/**
	 * Create a client of the given type. The caller owns it and closes it.
	 * @param type the implementation
	 * @param settings the region, endpoint, FIPS choice and timeout
	 * @return the client
	 * @throws KmsDecryptException of kind
	 * {@link SecretDecryptionFailure.Kind#CLIENT_CONFIGURATION} if the client cannot be
	 * created, typically because no region is known, or if {@link KmsClientType#SDK} is
	 * chosen without {@code software.amazon.awssdk:kms} on the class path
	 */
	public static KmsDecrypter create(KmsClientType type, KmsClientSettings settings) {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		return switch (type) {
			case HTTP -> Http.create(settings);
			case SDK -> Sdk.create(settings);
		};
	}

	/**
	 * Keeps the light client's classes out of the way until it is chosen.
	 */
	private static final class Http {

		static KmsDecrypter create(KmsClientSettings settings) {
			return HttpKmsDecrypter.create(settings);
		}

	}

	/**
	 * Keeps the SDK's classes out of the way until the SDK client is chosen.
	 */
	private static final class Sdk {

		private static final String KMS_CLIENT = "software.amazon.awssdk.services.kms.KmsClient";

		static KmsDecrypter create(KmsClientSettings settings) {
			if (!isKmsClientPresent()) {
				throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null,
						"secret-baker.client=sdk needs the AWS SDK's KMS client, which is not on the class path: "
								+ "add the dependency software.amazon.awssdk:kms, or use the default "
								+ "secret-baker.client=http, which does not need it");
			}
			return SdkKmsDecrypter.create(settings);
		}

		private static boolean isKmsClientPresent() {
			try {
				Class.forName(KMS_CLIENT, false, KmsDecrypters.class.getClassLoader());
				return true;
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return false;
			}
		}

	}

}
