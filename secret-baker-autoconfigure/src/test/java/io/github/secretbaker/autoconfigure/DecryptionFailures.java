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

import io.github.secretbaker.kms.SecretDecryptionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Asserts that a startup failed because secrets could not be decrypted, with the
 * {@link SecretDecryptionException} itself thrown, not wrapped in the creation failure of
 * the bean that read a secret: that exception is what Lambda reports for a failed init.
 */
final class DecryptionFailures {

	private DecryptionFailures() {
	}

	static SecretDecryptionException assertDecryptionFails(ThrowingCallable startup) {
		Throwable thrown = catchThrowable(startup);
		assertThat(thrown).as("startup failure").isInstanceOf(SecretDecryptionException.class);
		return (SecretDecryptionException) thrown;
	}

}
