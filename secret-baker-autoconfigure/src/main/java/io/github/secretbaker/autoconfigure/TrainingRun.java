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

import java.util.function.Supplier;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import org.apache.commons.logging.Log;

import org.springframework.core.env.Environment;

/**
 * A training run, in which the JDK records an AOT cache or a CDS archive while Spring
 * starts and exits once the context has refreshed
 * ({@code spring.context.exit=onRefresh}): the decryption path is loaded and initialised,
 * but KMS is never called and no credentials are needed.
 */
final class TrainingRun {

	private static final String CONTEXT_EXIT_PROPERTY = "spring.context.exit";

	private static final String AOT_PROCESSING_PROPERTY = "spring.aot.processing";

	private TrainingRun() {
	}

	/**
	 * Return whether the application is being AOT-processed at build time
	 * ({@code spring-boot:process-aot}), when nothing must be decrypted.
	 * @param environment the environment
	 * @return whether AOT processing is going on
	 */
	static boolean isAotProcessing(Environment environment) {
		return Boolean.getBoolean(AOT_PROCESSING_PROPERTY)
				|| "true".equalsIgnoreCase(environment.getProperty(AOT_PROCESSING_PROPERTY));
	}

	static boolean isTrainingRun(Environment environment) {
		return "onRefresh".equalsIgnoreCase(environment.getProperty(CONTEXT_EXIT_PROPERTY));
	}

	static void prime(Supplier<BakedSecretsDecrypter> decrypter, BakedSecrets secrets, Log logger) {
		try {
			decrypter.get().prime(secrets);
			logger.info("Training run (spring.context.exit=onRefresh): primed the KMS client for " + secrets.size()
					+ " baked secrets without calling KMS; every secret reads as a placeholder");
		}
		catch (SecretDecryptionException ex) {
			logger.info("Training run (spring.context.exit=onRefresh): the KMS client cannot be created here ("
					+ ex.getFailures().get(0).detail() + "), so it is not primed; every secret reads as a placeholder");
		}
	}

}
