package io.github.secretbaker.kms.internal.envelope;

/**
 * One encrypted data key of a message header: the key provider's id, its provider
 * information (for AWS KMS, the key ARN) and the encrypted key. Never printed.
 *
 * @param providerId the key provider id, such as {@code aws-kms}
 * @param providerInformation the provider information
 * @param ciphertext the encrypted data key, not copied
 */
record EncryptedDataKey(String providerId, byte[] providerInformation, byte[] ciphertext) {

	@Override
	public String toString() {
		return "EncryptedDataKey[providerId=" + this.providerId + "]";
	}

}
