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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidAliasNameException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract tests for the KMS operations, through the AWS SDK v2 client over HTTP.
 */
@ExtendWith(AwsBackendExtension.class)
class KmsContractTests {

	private static final Map<String, String> CONTEXT = Map.of("app", "orders", "stage", "prod");

	private final AwsBackend aws;

	private final KmsClient kms;

	KmsContractTests(AwsBackend aws) {
		this.aws = aws;
		this.kms = aws.kms();
	}

	@Test
	void createsSymmetricKeyWithMetadata() {
		Instant before = Instant.now().minus(AwsBackend.CLOCK_SKEW);
		KeyMetadata key = this.kms.createKey((request) -> request.description("orders")).keyMetadata();
		assertThat(key.keyId()).matches("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
		assertThat(key.arn())
			.isEqualTo("arn:aws:kms:" + this.aws.region() + ":" + this.aws.accountId() + ":key/" + key.keyId());
		assertThat(key.awsAccountId()).isEqualTo(this.aws.accountId());
		assertThat(key.description()).isEqualTo("orders");
		assertThat(key.enabled()).isTrue();
		assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
		assertThat(key.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
		assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
		assertThat(key.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
		assertThat(key.encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
		assertThat(key.creationDate()).isBetween(before, Instant.now().plus(AwsBackend.CLOCK_SKEW));
	}

	@Test
	void describesKeyByEveryReferenceForm() {
		KeyMetadata key = createKey();
		String alias = uniqueAlias();
		this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId()));
		for (String reference : references(key, alias)) {
			assertThat(this.kms.describeKey((request) -> request.keyId(reference)).keyMetadata().arn()).as(reference)
				.isEqualTo(key.arn());
		}
	}

	@Test
	void providesAwsManagedSsmKey() {
		KeyMetadata key = this.kms.describeKey((request) -> request.keyId("alias/aws/ssm")).keyMetadata();
		assertThat(key.keyManager()).isEqualTo(KeyManagerType.AWS);
		assertThat(key.enabled()).isTrue();
	}

	@Test
	void listsKeysAcrossPages() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			created.add(createKey().keyId());
		}
		Set<String> listed = new HashSet<>();
		String marker = null;
		do {
			String current = marker;
			ListKeysResponse page = this.kms.listKeys((request) -> request.limit(1).marker(current));
			assertThat(page.keys()).hasSize(1);
			page.keys().forEach((entry) -> listed.add(entry.keyId()));
			marker = page.truncated() ? page.nextMarker() : null;
		}
		while (marker != null);
		assertThat(listed).containsAll(created);
	}

	@Test
	void listsAliasesOfOneKey() {
		KeyMetadata key = createKey();
		String first = uniqueAlias();
		String second = uniqueAlias();
		this.kms.createAlias((request) -> request.aliasName(first).targetKeyId(key.keyId()));
		this.kms.createAlias((request) -> request.aliasName(second).targetKeyId(key.arn()));
		List<AliasListEntry> aliases = this.kms.listAliases((request) -> request.keyId(key.keyId())).aliases();
		assertThat(aliases).extracting(AliasListEntry::aliasName).containsExactlyInAnyOrder(first, second);
		assertThat(aliases).extracting(AliasListEntry::targetKeyId).containsOnly(key.keyId());
		assertThat(aliases).extracting(AliasListEntry::aliasArn)
			.contains("arn:aws:kms:" + this.aws.region() + ":" + this.aws.accountId() + ":" + first);
	}

	@Test
	void rejectsDuplicateAlias() {
		KeyMetadata key = createKey();
		String alias = uniqueAlias();
		this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId()));
		assertThatExceptionOfType(AlreadyExistsException.class)
			.isThrownBy(() -> this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId())));
	}

	@Test
	void rejectsAliasWithoutPrefixOrInAwsNamespace() {
		KeyMetadata key = createKey();
		assertThatExceptionOfType(KmsException.class)
			.isThrownBy(() -> this.kms.createAlias((request) -> request.aliasName("orders").targetKeyId(key.keyId())))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		assertThatExceptionOfType(KmsException.class).isThrownBy(() -> this.kms
			.createAlias((request) -> request.aliasName("alias/aws/orders").targetKeyId(key.keyId())));
		assertThat(this.kms.listAliases().aliases()).extracting(AliasListEntry::aliasName)
			.doesNotContain("alias/aws/orders");
	}

	@Test
	void rejectsReservedAliasNameWithTheModelledError() {
		this.aws.assumeSupports(AwsBackend.Capability.KMS_MODELLED_RESERVED_ALIAS_ERROR);
		KeyMetadata key = createKey();
		assertThatExceptionOfType(InvalidAliasNameException.class).isThrownBy(() -> this.kms
			.createAlias((request) -> request.aliasName("alias/aws/orders").targetKeyId(key.keyId())));
	}

	@Test
	void enablesAndDisablesKeysOnlyByKeyIdOrArn() {
		KeyMetadata key = createKey();
		String alias = uniqueAlias();
		this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId()));
		String aliasArn = "arn:aws:kms:" + this.aws.region() + ":" + this.aws.accountId() + ":" + alias;
		for (String reference : List.of(alias, aliasArn)) {
			assertThatExceptionOfType(NotFoundException.class).as(reference)
				.isThrownBy(() -> this.kms.disableKey((request) -> request.keyId(reference)));
			assertThatExceptionOfType(NotFoundException.class).as(reference)
				.isThrownBy(() -> this.kms.enableKey((request) -> request.keyId(reference)));
		}
		assertThat(this.kms.describeKey((request) -> request.keyId(key.keyId())).keyMetadata().keyState())
			.isEqualTo(KeyState.ENABLED);
		this.kms.disableKey((request) -> request.keyId(key.arn()));
		assertThat(this.kms.describeKey((request) -> request.keyId(key.keyId())).keyMetadata().keyState())
			.isEqualTo(KeyState.DISABLED);
		this.kms.enableKey((request) -> request.keyId(key.keyId()));
		assertThat(this.kms.describeKey((request) -> request.keyId(key.keyId())).keyMetadata().keyState())
			.isEqualTo(KeyState.ENABLED);
	}

	@Test
	void encryptsAndDecryptsWithEncryptionContext() {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", CONTEXT);
		assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(CONTEXT)))
			.satisfies((response) -> {
				assertThat(response.plaintext().asUtf8String()).isEqualTo("s3cr3t");
				assertThat(response.keyId()).isEqualTo(key.arn());
				assertThat(response.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
			});
	}

	@Test
	void encryptsAndDecryptsWithEveryKeyReferenceForm() {
		KeyMetadata key = createKey();
		String alias = uniqueAlias();
		this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId()));
		for (String reference : references(key, alias)) {
			SdkBytes ciphertext = encrypt(reference, "s3cr3t", Map.of());
			assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext).keyId(reference))
				.plaintext()
				.asUtf8String()).as(reference).isEqualTo("s3cr3t");
		}
	}

	@Test
	void rejectsMissingExtraOrDifferentEncryptionContext() {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", CONTEXT);
		List<Map<String, String>> wrongContexts = List.of(Map.of(), Map.of("app", "orders"),
				Map.of("app", "orders", "stage", "prod", "extra", "x"), Map.of("app", "orders", "stage", "dev"),
				Map.of("App", "orders", "stage", "prod"));
		for (Map<String, String> context : wrongContexts) {
			assertThatExceptionOfType(InvalidCiphertextException.class).as(context.toString())
				.isThrownBy(() -> this.kms
					.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(context)));
		}
		SdkBytes withoutContext = encrypt(key.keyId(), "s3cr3t", Map.of());
		assertThatExceptionOfType(InvalidCiphertextException.class).isThrownBy(
				() -> this.kms.decrypt((request) -> request.ciphertextBlob(withoutContext).encryptionContext(CONTEXT)));
	}

	@Test
	void rejectsTamperedCiphertext() {
		KeyMetadata key = createKey();
		byte[] ciphertext = encrypt(key.keyId(), "s3cr3t", CONTEXT).asByteArray();
		for (int index : new int[] { ciphertext.length - 20, ciphertext.length - 1 }) {
			byte[] tampered = ciphertext.clone();
			tampered[index] ^= 0x01;
			assertThatExceptionOfType(InvalidCiphertextException.class).isThrownBy(() -> this.kms.decrypt(
					(request) -> request.ciphertextBlob(SdkBytes.fromByteArray(tampered)).encryptionContext(CONTEXT)));
		}
		byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 1);
		assertThatExceptionOfType(InvalidCiphertextException.class).isThrownBy(() -> this.kms.decrypt(
				(request) -> request.ciphertextBlob(SdkBytes.fromByteArray(truncated)).encryptionContext(CONTEXT)));
	}

	@Test
	void rejectsGarbageCiphertext() {
		assertThatExceptionOfType(InvalidCiphertextException.class).isThrownBy(() -> this.kms
			.decrypt((request) -> request.ciphertextBlob(SdkBytes.fromUtf8String("not a ciphertext at all"))));
	}

	@Test
	void rejectsDecryptWithAnotherKey() {
		KeyMetadata key = createKey();
		KeyMetadata other = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", Map.of());
		assertThatExceptionOfType(IncorrectKeyException.class)
			.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext).keyId(other.keyId())));
	}

	@Test
	void rejectsUnknownKeyOrAlias() {
		String unknownKey = UUID.randomUUID().toString();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.kms.describeKey((request) -> request.keyId(unknownKey)));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> encrypt(unknownKey, "s3cr3t", Map.of()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> encrypt(uniqueAlias(), "s3cr3t", Map.of()));
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", Map.of());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext).keyId(unknownKey)));
	}

	@Test
	void deniesDecryptOfCiphertextWhoseKeyIsNotInTheRequestRegion() {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", CONTEXT);
		KmsClient otherRegion = this.aws.kms(this.aws.otherRegion());
		assertThatExceptionOfType(KmsException.class).isThrownBy(
				() -> otherRegion.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(CONTEXT)))
			.satisfies((ex) -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.awsErrorDetails().errorMessage()).contains("does not exist in this region")
					.doesNotContain("s3cr3t");
			});
		assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(CONTEXT))
			.plaintext()
			.asUtf8String()).isEqualTo("s3cr3t");
	}

	@Test
	void doesNotFindKeyArnOfAnotherRegion() {
		KeyMetadata key = createKey();
		KmsClient otherRegion = this.aws.kms(this.aws.otherRegion());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> otherRegion.describeKey((request) -> request.keyId(key.arn())));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> otherRegion
			.encrypt((request) -> request.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("s3cr3t"))));
	}

	@Test
	void rejectsDisabledKeyUntilEnabled() {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", Map.of());
		this.kms.disableKey((request) -> request.keyId(key.keyId()));
		assertThat(this.kms.describeKey((request) -> request.keyId(key.keyId())).keyMetadata().keyState())
			.isEqualTo(KeyState.DISABLED);
		assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> encrypt(key.keyId(), "s3cr3t", Map.of()));
		assertThatExceptionOfType(DisabledException.class)
			.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext)));
		assertThatExceptionOfType(DisabledException.class).isThrownBy(
				() -> this.kms.generateDataKey((request) -> request.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)));
		this.kms.enableKey((request) -> request.keyId(key.keyId()));
		assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext)).plaintext().asUtf8String())
			.isEqualTo("s3cr3t");
	}

	@Test
	void decryptsWithoutKeyIdFromTheCiphertextAlone() {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", Map.of());
		assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext)).keyId()).isEqualTo(key.arn());
	}

	@Test
	void generatesDataKeyThatDecryptsWithItsContext() {
		KeyMetadata key = createKey();
		GenerateDataKeyResponse dataKey = this.kms.generateDataKey(
				(request) -> request.keyId(key.keyId()).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));
		assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
		assertThat(dataKey.keyId()).isEqualTo(key.arn());
		assertThat(this.kms
			.decrypt((request) -> request.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(CONTEXT))
			.plaintext()).isEqualTo(dataKey.plaintext());
		assertThat(this.kms.generateDataKey((request) -> request.keyId(key.keyId()).numberOfBytes(7))
			.plaintext()
			.asByteArray()).hasSize(7);
		assertThatExceptionOfType(InvalidCiphertextException.class)
			.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(dataKey.ciphertextBlob())));
	}

	@Test
	void limitsPlaintextTo4096Bytes() {
		KeyMetadata key = createKey();
		String largest = "x".repeat(4096);
		SdkBytes ciphertext = encrypt(key.keyId(), largest, Map.of());
		assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext)).plaintext().asUtf8String())
			.isEqualTo(largest);
		assertThatExceptionOfType(KmsException.class).isThrownBy(() -> encrypt(key.keyId(), largest + "x", Map.of()))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void limitsCiphertextTo6144Bytes() {
		SdkBytes tooLarge = SdkBytes.fromByteArray(new byte[6145]);
		assertThatExceptionOfType(KmsException.class)
			.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(tooLarge)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void neverPutsPlaintextInCiphertext() {
		KeyMetadata key = createKey();
		String plaintext = "plaintext-marker-0123456789";
		byte[] ciphertext = encrypt(key.keyId(), plaintext, Map.of()).asByteArray();
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
		assertThat(encrypt(key.keyId(), plaintext, Map.of()).asByteArray()).isNotEqualTo(ciphertext);
	}

	@Test
	void answersOneHundredConcurrentDecrypts() throws Exception {
		KeyMetadata key = createKey();
		SdkBytes ciphertext = encrypt(key.keyId(), "s3cr3t", CONTEXT);
		ExecutorService executor = Executors.newFixedThreadPool(100);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				calls.add(() -> this.kms
					.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(CONTEXT))
					.plaintext()
					.asUtf8String());
			}
			for (Future<String> result : executor.invokeAll(calls)) {
				assertThat(result.get()).isEqualTo("s3cr3t");
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private KeyMetadata createKey() {
		return this.kms.createKey((request) -> request.description("contract")).keyMetadata();
	}

	private SdkBytes encrypt(String keyId, String plaintext, Map<String, String> context) {
		return this.kms
			.encrypt((request) -> request.keyId(keyId)
				.plaintext(SdkBytes.fromUtf8String(plaintext))
				.encryptionContext(context))
			.ciphertextBlob();
	}

	private List<String> references(KeyMetadata key, String alias) {
		String aliasArn = "arn:aws:kms:" + this.aws.region() + ":" + this.aws.accountId() + ":" + alias;
		return List.of(key.keyId(), key.arn(), alias, aliasArn);
	}

	private static String uniqueAlias() {
		return "alias/contract-" + UUID.randomUUID();
	}

}
