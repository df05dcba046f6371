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

package io.github.secretbaker.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.DataKey;
import com.amazonaws.encryptionsdk.EncryptedDataKey;
import com.amazonaws.encryptionsdk.MasterKey;
import com.amazonaws.encryptionsdk.MasterKeyProvider;
import com.amazonaws.encryptionsdk.MasterKeyRequest;
import com.amazonaws.encryptionsdk.exception.AwsCryptoException;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.amazonaws.encryptionsdk.exception.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * Advanced-tier SecureString values as Parameter Store makes them: an AWS Encryption SDK
 * message whose one encrypted data key is a ciphertext of this server's KMS, from
 * {@code GenerateDataKey} under the parameter's key with the parameter's encryption
 * context, under the provider id {@code aws-kms} with the key ARN as provider
 * information, as the Encryption SDK's own KMS keyrings write it. So any conforming
 * implementation opens the message with a KMS keyring pointed at this server.
 */
final class AdvancedTierValues {

	private static final String PROVIDER_ID = "aws-kms";

	private final KmsService kms;

	AdvancedTierValues(KmsService kms) {
		this.kms = kms;
	}

	/**
	 * Encrypt a value under a key into a message of the given suite.
	 * @param suite the suite
	 * @param region the region
	 * @param keyReference the key reference
	 * @param plaintext the plaintext
	 * @param context the context
	 * @return the message
	 * @throws AwsException the KMS failure, as KMS reported it
	 */
	byte[] encrypt(String region, String keyReference, byte[] plaintext, Map<String, String> context,
			CryptoAlgorithm suite) {
		AwsCrypto crypto = AwsCrypto.builder()
			.withCommitmentPolicy(suite.isCommitting() ? CommitmentPolicy.RequireEncryptRequireDecrypt
					: CommitmentPolicy.ForbidEncryptAllowDecrypt)
			.withEncryptionAlgorithm(suite)
			.build();
		return crypto.encryptData(new ServerKmsKey(region, this.kms.keyArn(region, keyReference)), plaintext, context)
			.getResult();
	}

	/**
	 * Open a message with this server's KMS.
	 * @param region the region
	 * @param message the message
	 * @param context the context
	 * @return the plaintext
	 * @throws AwsException the KMS failure, or {@code InvalidCiphertextException} for a
	 * message that does not open
	 */
	byte[] decrypt(String region, byte[] message, Map<String, String> context) {
		AwsCrypto crypto = AwsCrypto.builder()
			.withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
			.build();
		try {
			var result = crypto.decryptData(new AnyServerKmsKey(region), message);
			if (!result.getEncryptionContext().entrySet().containsAll(context.entrySet())) {
				throw invalidCiphertext();
			}
			return result.getResult();
		}
		catch (BadCiphertextException | ParseException | IllegalArgumentException ex) {
			throw invalidCiphertext();
		}
		catch (AwsCryptoException ex) {
			if (ex.getCause() instanceof AwsException kmsFailure) {
				throw kmsFailure;
			}
			throw invalidCiphertext();
		}
	}

	private static AwsException invalidCiphertext() {
		return AwsException.badRequest("InvalidCiphertextException",
				"The ciphertext is invalid for this key and encryption context, or it was modified.");
	}

	/**
	 * One key of this server's KMS, as a master key of the Encryption SDK.
	 */
	private final class ServerKmsKey extends MasterKey<ServerKmsKey> {

		private final String region;

		private final String keyArn;

		ServerKmsKey(String region, String keyArn) {
			this.region = region;
			this.keyArn = keyArn;
		}

		@Override
		public String getProviderId() {
			return PROVIDER_ID;
		}

		@Override
		public String getKeyId() {
			return this.keyArn;
		}

		@Override
		public DataKey<ServerKmsKey> generateDataKey(CryptoAlgorithm algorithm, Map<String, String> context) {
			KmsService.DataKey dataKey = AdvancedTierValues.this.kms.generateDataKeyFor(this.region, this.keyArn,
					algorithm.getDataKeyLength(), context);
			return new DataKey<>(new SecretKeySpec(dataKey.plaintext(), algorithm.getDataKeyAlgo()),
					dataKey.ciphertext(), this.keyArn.getBytes(StandardCharsets.UTF_8), this);
		}

		@Override
		public DataKey<ServerKmsKey> encryptDataKey(CryptoAlgorithm algorithm, Map<String, String> context,
				DataKey<?> dataKey) {
			byte[] plaintext = dataKey.getKey().getEncoded();
			try {
				byte[] ciphertext = AdvancedTierValues.this.kms.encryptFor(this.region, this.keyArn, plaintext, context)
					.ciphertext();
				return new DataKey<>(dataKey.getKey(), ciphertext, this.keyArn.getBytes(StandardCharsets.UTF_8), this);
			}
			finally {
				Arrays.fill(plaintext, (byte) 0);
			}
		}

		@Override
		public @Nullable DataKey<ServerKmsKey> decryptDataKey(CryptoAlgorithm algorithm,
				Collection<? extends EncryptedDataKey> encryptedDataKeys, Map<String, String> context) {
			return new AnyServerKmsKey(this.region).decryptDataKey(algorithm, encryptedDataKeys, context);
		}

	}

	/**
	 * Whatever key of this server's KMS a message names, for opening it as Parameter
	 * Store does with {@code WithDecryption=true}.
	 */
	private final class AnyServerKmsKey extends MasterKeyProvider<ServerKmsKey> {

		private final String region;

		AnyServerKmsKey(String region) {
			this.region = region;
		}

		@Override
		public String getDefaultProviderId() {
			return PROVIDER_ID;
		}

		@Override
		public ServerKmsKey getMasterKey(String provider, String keyId) {
			return new ServerKmsKey(this.region, keyId);
		}

		@Override
		public List<ServerKmsKey> getMasterKeysForEncryption(MasterKeyRequest request) {
			throw new UnsupportedOperationException("Only opens messages");
		}

		@Override
		public @Nullable DataKey<ServerKmsKey> decryptDataKey(CryptoAlgorithm algorithm,
				Collection<? extends EncryptedDataKey> encryptedDataKeys, Map<String, String> context) {
			for (EncryptedDataKey encrypted : encryptedDataKeys) {
				if (!PROVIDER_ID.equals(encrypted.getProviderId())) {
					continue;
				}
				String keyArn = new String(encrypted.getProviderInformation(), StandardCharsets.UTF_8);
				byte[] plaintext = AdvancedTierValues.this.kms.decryptFor(this.region, encrypted.getEncryptedDataKey(),
						context);
				if (plaintext.length != algorithm.getDataKeyLength()) {
					throw invalidCiphertext();
				}
				return new DataKey<>(new SecretKeySpec(plaintext, algorithm.getDataKeyAlgo()),
						encrypted.getEncryptedDataKey(), encrypted.getProviderInformation(),
						new ServerKmsKey(this.region, keyArn));
			}
			return null;
		}

	}

}
