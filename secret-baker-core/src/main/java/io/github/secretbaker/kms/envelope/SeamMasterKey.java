package io.github.secretbaker.kms.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.DataKey;
import com.amazonaws.encryptionsdk.EncryptedDataKey;
import com.amazonaws.encryptionsdk.MasterKey;
import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The KMS master key of one message, as the Encryption SDK sees it: it decrypts the data key
 * that the SDK's KMS keyrings wrote (provider id {@code aws-kms}, the key ARN as provider
 * information) through a {@link KmsDecrypter}, with the message's encryption context, after
 * checking that the context names the entry's parameter. It never encrypts.
 */
final class SeamMasterKey extends MasterKey<SeamMasterKey> {

	private static final String PROVIDER_ID = "aws-kms";

	private final KmsDecrypter kms;

	private final String parameterArn;

	private final @Nullable String keyId;

	private final Deadline deadline;

	SeamMasterKey(KmsDecrypter kms, String parameterArn, @Nullable String keyId, Deadline deadline) {
		this.kms = kms;
		this.parameterArn = parameterArn;
		this.keyId = keyId;
		this.deadline = deadline;
	}

	@Override
	public String getProviderId() {
		return PROVIDER_ID;
	}

	@Override
	public String getKeyId() {
		return (this.keyId != null) ? this.keyId : this.parameterArn;
	}

	@Override
	public DataKey<SeamMasterKey> generateDataKey(CryptoAlgorithm algorithm, Map<String, String> context) {
		throw new UnsupportedOperationException("secret-baker only opens messages");
	}

	@Override
	public DataKey<SeamMasterKey> encryptDataKey(CryptoAlgorithm algorithm, Map<String, String> context,
			DataKey<?> dataKey) {
		throw new UnsupportedOperationException("secret-baker only opens messages");
	}

	@Override
	public DataKey<SeamMasterKey> decryptDataKey(CryptoAlgorithm algorithm,
			Collection<? extends EncryptedDataKey> encryptedDataKeys, Map<String, String> context) {
		// Checked before any call: KMS must never be asked to open another parameter's value.
		if (!this.parameterArn.equals(context.get(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY))) {
			throw EncryptionSdkMessages.boundElsewhere();
		}
		KmsDecryptException firstFailure = null;
		for (EncryptedDataKey encrypted : encryptedDataKeys) {
			if (!PROVIDER_ID.equals(encrypted.getProviderId())) {
				continue;
			}
			String messageKeyArn = new String(encrypted.getProviderInformation(), StandardCharsets.UTF_8);
			String pinned = (this.keyId != null) ? this.keyId : messageKeyArn;
			byte[] plaintext;
			try {
				plaintext = this.kms.decrypt(
						KmsDecryptRequest.of(encrypted.getEncryptedDataKey(), context, pinned, this.deadline));
			}
			catch (KmsDecryptException ex) {
				firstFailure = (firstFailure != null) ? firstFailure : ex;
				continue;
			}
			try {
				if (plaintext.length != algorithm.getDataKeyLength()) {
					throw new KmsDecryptException(Kind.INVALID_RESPONSE, null, 200, "KMS returned a data key of "
							+ plaintext.length + " bytes where the message's algorithm suite needs "
							+ algorithm.getDataKeyLength());
				}
				return new DataKey<>(new SecretKeySpec(plaintext, algorithm.getDataKeyAlgo()),
						encrypted.getEncryptedDataKey(), encrypted.getProviderInformation(), this);
			}
			finally {
				Arrays.fill(plaintext, (byte) 0);
			}
		}
		if (firstFailure != null) {
			throw firstFailure;
		}
		throw EncryptionSdkMessages.invalid("the AWS Encryption SDK message holds no data key encrypted by AWS KMS");
	}

}
