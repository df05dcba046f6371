package io.github.secretbaker.kms;

import io.github.secretbaker.format.BakedSecret;

/**
 * How one kind of baked entry is turned into its plaintext: a direct KMS {@code Decrypt}
 * for a standard-tier entry, an envelope for another. Implementations throw
 * {@link KmsDecryptException} for every failure.
 */
interface SecretOpener {

	/**
	 * Return whether this opener handles the given entry.
	 * @param secret the entry
	 * @return whether it applies
	 */
	boolean supports(BakedSecret secret);

	/**
	 * Open the entry within the deadline.
	 * @param secret the entry
	 * @param deadline the deadline
	 * @return the plaintext bytes, owned by the caller
	 */
	byte[] open(BakedSecret secret, Deadline deadline);

}
