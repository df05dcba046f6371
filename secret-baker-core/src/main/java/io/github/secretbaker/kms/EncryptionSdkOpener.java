package io.github.secretbaker.kms;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.envelope.EncryptionSdkMessages;
import org.jspecify.annotations.Nullable;

/**
 * Opens an entry whose value is an AWS Encryption SDK message, as an Advanced-tier
 * SecureString is, with {@link EncryptionSdkMessages}. It is chosen by the entry's tier or by
 * the first bytes of its value, so that the Encryption SDK's classes are loaded only for a
 * file that holds such an entry; when the SDK is not on the class path, the entry fails
 * without a call, naming the dependency to add.
 */
final class EncryptionSdkOpener implements SecretOpener {

	private static final String ENCRYPTION_SDK_CLASS = "com.amazonaws.encryptionsdk.AwsCrypto";

	private final KmsDecrypter kms;

	EncryptionSdkOpener(KmsDecrypter kms) {
		this.kms = kms;
	}

	@Override
	public boolean supports(BakedSecret secret) {
		return BakedSecret.ADVANCED_TIER.equals(secret.tier()) || secret.isEncryptionSdkMessage();
	}

	@Override
	public byte[] open(BakedSecret secret, Deadline deadline) {
		if (!isEncryptionSdkPresent()) {
			throw missingEncryptionSdk();
		}
		String keyId = (secret.keyId() != null && DirectKmsOpener.isKeyIdentifier(secret.keyId())) ? secret.keyId()
				: null;
		try {
			return Envelope.open(this.kms, secret, keyId, deadline);
		}
		catch (LinkageError ex) {
			// A part of the SDK (its Bouncy Castle provider, for signed suites) is missing.
			throw missingEncryptionSdk();
		}
	}

	private static boolean isEncryptionSdkPresent() {
		try {
			Class.forName(ENCRYPTION_SDK_CLASS, false, EncryptionSdkOpener.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static KmsDecryptException missingEncryptionSdk() {
		return new KmsDecryptException(Kind.UNSUPPORTED_TIER, null, 0,
				"the value is an AWS Encryption SDK message (an Advanced-tier parameter) and the AWS Encryption SDK "
						+ "for Java is not on the class path: add " + BakedSecretsDecryptor.ENCRYPTION_SDK_DEPENDENCY
						+ " (with its Bouncy Castle provider) to the function's dependencies");
	}

	/**
	 * Keeps the Encryption SDK's classes out of the way until an entry needs them.
	 */
	private static final class Envelope {

		static byte[] open(KmsDecrypter kms, BakedSecret secret, @Nullable String keyId, Deadline deadline) {
			return EncryptionSdkMessages.open(kms, secret.ciphertextBlob(), secret.arn(), keyId, deadline);
		}

	}

}
