package io.github.secretbaker.kms.envelope;

import java.util.Arrays;
import java.util.Map;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Opens the AWS Encryption SDK message of an Advanced-tier SecureString: the message's
 * encrypted data key goes to a {@link KmsDecrypter} with the message's own encryption
 * context, then the Encryption SDK for Java checks and decrypts the message, of either format
 * version and any algorithm suite, verifying the signature of a signed one. The message must
 * be bound to the entry's parameter ARN.
 *
 * @since 0.1.0
 */
public final class EncryptionSdkMessages {

	/**
	 * The encryption context key under which Parameter Store binds a value to its parameter.
	 */

	// Parameter Store writes one data key; a bound keeps a crafted message from making the
	// runtime call KMS without end.
	private static final int MAX_ENCRYPTED_DATA_KEYS = 4;

	// Both message formats: version 1 (no key commitment) and version 2 (committing suites).
	private static final AwsCrypto CRYPTO = AwsCrypto.builder()
		.withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
		.withMaxEncryptedDataKeys(MAX_ENCRYPTED_DATA_KEYS)
		.build();

	private EncryptionSdkMessages() {
	}

	/**
	 * Open a message.
	 * @param kms the client that decrypts the data key
	 * @param message the message, as Parameter Store returned it without decryption
	 * @param parameterArn the ARN of the entry's parameter, which the message must be bound to
	 * @param keyId the key ARN or key id to pin the data key's {@code Decrypt} to, or
	 * {@code null} to use the key the message names
	 * @param deadline the deadline of the {@code Decrypt} call
	 * @return the plaintext; the caller owns the array and may clear it
	 * @throws KmsDecryptException of kind {@link Kind#INVALID_CIPHERTEXT} for a message that is
	 * malformed, altered or bound to another parameter, or the client's own failure
	 */
	public static byte[] open(KmsDecrypter kms, byte[] message, String parameterArn, @Nullable String keyId,
			Deadline deadline) {
		CryptoResult<byte[], SeamMasterKey> result;
		try {
			result = CRYPTO.decryptData(new SeamMasterKey(kms, parameterArn, keyId, deadline), message);
		}
		catch (RuntimeException ex) {
			KmsDecryptException kmsFailure = kmsFailure(ex);
			if (kmsFailure != null) {
				throw kmsFailure;
			}
			// Never the exception's message: it may quote the message's bytes.
			throw invalid("the value is not an AWS Encryption SDK message that opens: the Encryption SDK refused it with "
					+ ex.getClass().getSimpleName());
		}
		byte[] plaintext = result.getResult();
		// The context the master key checked was not yet authenticated; this one is.
		Map<String, String> context = result.getEncryptionContext();
		if (!parameterArn.equals(context.get(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY))) {
			Arrays.fill(plaintext, (byte) 0);
			throw boundElsewhere();
		}
		return plaintext;
	}

	static KmsDecryptException boundElsewhere() {
		return invalid("the AWS Encryption SDK message is not bound to this entry's parameter: its PARAMETER_ARN "
				+ "encryption context names another parameter or none");
	}

	static KmsDecryptException invalid(String detail) {
		return new KmsDecryptException(Kind.INVALID_CIPHERTEXT, null, 0, detail);
	}

	private static @Nullable KmsDecryptException kmsFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof KmsDecryptException kmsFailure) {
				return kmsFailure;
			}
		}
		return null;
	}

}
