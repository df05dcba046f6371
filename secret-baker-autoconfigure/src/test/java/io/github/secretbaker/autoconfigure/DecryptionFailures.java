package io.github.secretbaker.autoconfigure;

import io.github.secretbaker.kms.SecretDecryptionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Asserts that a startup failed because secrets could not be decrypted: the
 * {@link SecretDecryptionException} is thrown as it is when the environment is prepared, and
 * inside a bean creation failure when a bean read a secret whose background decryption failed.
 */
final class DecryptionFailures {

	private DecryptionFailures() {
	}

	static SecretDecryptionException assertDecryptionFails(ThrowingCallable startup) {
		Throwable thrown = catchThrowable(startup);
		assertThat(thrown).as("startup failure").isNotNull();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SecretDecryptionException decryptionFailure) {
				return decryptionFailure;
			}
		}
		throw new AssertionError("Startup failed, but not because of a SecretDecryptionException: " + thrown);
	}

}
