package io.github.secretbaker.benchmarks.overlap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.SecretDecryptionException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * Exposes baked secrets whose decryption runs in the background: the names are known at
 * once, and reading a value waits for the decryption to finish.
 */
final class OverlappedSecretsPropertySource extends EnumerablePropertySource<CompletableFuture<DecryptedSecrets>> {

	static final String NAME = "overlappedBakedSecrets";

	private final String[] names;

	OverlappedSecretsPropertySource(BakedSecrets secrets, CompletableFuture<DecryptedSecrets> decryption) {
		super(NAME, decryption);
		this.names = secrets.names().toArray(String[]::new);
	}

	@Override
	public String[] getPropertyNames() {
		return this.names.clone();
	}

	@Override
	public @Nullable Object getProperty(String name) {
		for (String secret : this.names) {
			if (secret.equals(name)) {
				return await().get(name);
			}
		}
		return null;
	}

	/**
	 * Wait for the decryption to finish.
	 * @return the decrypted secrets
	 * @throws SecretDecryptionException if a secret could not be decrypted
	 */
	DecryptedSecrets await() {
		try {
			return getSource().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof SecretDecryptionException decryptionException) {
				throw decryptionException;
			}
			throw new IllegalStateException("Decrypting the baked secrets in the background failed", ex.getCause());
		}
	}

	@Override
	public String toString() {
		return "OverlappedSecretsPropertySource[names=" + this.names.length + "]";
	}

}
