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
