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

import java.net.URI;

import io.github.secretbaker.format.BakedSecretsLocation;
import io.github.secretbaker.runtime.BakedSecretsLoader;

/**
 * A function's cold start in a JVM of its own, for
 * {@link EncryptionSdkClassLoadingTests}: loads and decrypts a baked file, then prints
 * how many secrets it decrypted (never a value), or the decryption failure's message. An
 * optional fourth argument names the {@link KmsClientType}.
 */
public final class ClassLoadProbe {

	private ClassLoadProbe() {
	}

	public static void main(String[] args) {
		try {
			DecryptedSecrets secrets = BakedSecretsLoader.builder()
				.location(BakedSecretsLocation.FILE_PREFIX + args[0])
				.region(args[1])
				.endpoint(URI.create(args[2]))
				.clientType((args.length > 3) ? KmsClientType.valueOf(args[3]) : KmsClientType.DEFAULT)
				.load();
			System.out.println("decrypted " + secrets.size());
		}
		catch (SecretDecryptionException ex) {
			System.out.println("failed " + ex.getMessage() + "\naction: " + ex.getAction());
			System.exit(3);
		}
	}

}
