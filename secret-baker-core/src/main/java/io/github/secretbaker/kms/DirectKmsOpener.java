package io.github.secretbaker.kms;

import java.util.Map;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.format.BakedSecret;

/**
 * Opens a standard-tier entry, whose ciphertext is a KMS ciphertext, with one
 * {@code Decrypt} call under the {@code PARAMETER_ARN} encryption context, pinned to the
 * recorded key when the file names one for good (a key ARN or key id; an alias is left
 * out, so that re-pointing it after the bake never breaks a deployed artifact).
 */
final class DirectKmsOpener implements SecretOpener {

	private final KmsDecrypter kms;

	DirectKmsOpener(KmsDecrypter kms) {
		this.kms = kms;
	}

	@Override
	public boolean supports(BakedSecret secret) {
		return true;
	}

	@Override
	public byte[] open(BakedSecret secret, Deadline deadline) {
		String keyId = (secret.keyId() != null && isKeyIdentifier(secret.keyId())) ? secret.keyId() : null;
		return this.kms.decrypt(KmsDecryptRequest.of(secret.ciphertextBlob(),
				Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, secret.arn()), keyId, deadline));
	}

	/**
	 * Return whether the given key id names one key for good: a key ARN or a bare key id.
	 * @param keyId the key id recorded in the baked file
	 * @return whether to send it as the {@code KeyId} of {@code Decrypt}
	 */
	static boolean isKeyIdentifier(String keyId) {
		KmsKeyReference reference = KmsKeyReference.parse(keyId);
		return reference != null && reference.namesOneKey();
	}

}
