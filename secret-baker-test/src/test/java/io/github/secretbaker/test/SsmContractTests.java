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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidKeyIdException;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract tests for the SSM Parameter Store operations, through the AWS SDK v2 client
 * over HTTP.
 */
@ExtendWith(AwsBackendExtension.class)
class SsmContractTests {

	private final AwsBackend aws;

	private final SsmClient ssm;

	private final KmsClient kms;

	private final String path;

	SsmContractTests(AwsBackend aws) {
		this.aws = aws;
		this.ssm = aws.ssm();
		this.kms = aws.kms();
		this.path = aws.uniquePath();
	}

	@Test
	void putsAndGetsStringAndStringList() {
		Instant before = Instant.now().minus(AwsBackend.CLOCK_SKEW);
		String name = this.path + "/url";
		PutParameterResponse put = put(name, ParameterType.STRING, "https://example.com");
		assertThat(put.version()).isEqualTo(1);
		assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);
		Parameter parameter = get(name, false);
		assertThat(parameter.value()).isEqualTo("https://example.com");
		assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
		assertThat(parameter.version()).isEqualTo(1);
		assertThat(parameter.arn()).isEqualTo(this.aws.parameterArn(name));
		assertThat(parameter.dataType()).isEqualTo("text");
		assertThat(parameter.lastModifiedDate()).isBetween(before, Instant.now().plus(AwsBackend.CLOCK_SKEW));
		put(this.path + "/hosts", ParameterType.STRING_LIST, "a,b,c");
		assertThat(get(this.path + "/hosts", true).value()).isEqualTo("a,b,c");
		assertThat(get(this.path + "/hosts", true).type()).isEqualTo(ParameterType.STRING_LIST);
	}

	@Test
	void decryptsSecureStringWithDecryption() {
		String name = this.path + "/password";
		put(name, ParameterType.SECURE_STRING, "s3cr3t");
		Parameter parameter = get(name, true);
		assertThat(parameter.value()).isEqualTo("s3cr3t");
		assertThat(parameter.type()).isEqualTo(ParameterType.SECURE_STRING);
		assertThat(get(name, false).value()).isNotEqualTo("s3cr3t");
	}

	@Test
	void storesSecureStringAsKmsCiphertextBoundToParameterArn() {
		this.aws.assumeSupports(AwsBackend.Capability.SSM_ENCRYPTS_WITH_KMS);
		KeyMetadata key = this.kms.createKey((request) -> request.description("app")).keyMetadata();
		String name = this.path + "/password";
		this.ssm.putParameter(
				(request) -> request.name(name).type(ParameterType.SECURE_STRING).value("s3cr3t").keyId(key.keyId()));
		SdkBytes ciphertext = ciphertext(name);
		String arn = this.aws.parameterArn(name);
		assertThat(this.kms
			.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(Map.of("PARAMETER_ARN", arn))))
			.satisfies((response) -> {
				assertThat(response.plaintext().asUtf8String()).isEqualTo("s3cr3t");
				assertThat(response.keyId()).isEqualTo(key.arn());
			});
		List<Map<String, String>> otherContexts = List.of(Map.of(),
				Map.of("PARAMETER_ARN", this.aws.parameterArn(this.path + "/other")),
				Map.of("PARAMETER_ARN", "/" + name), Map.of("PARAMETER_ARN", arn, "extra", "x"));
		for (Map<String, String> context : otherContexts) {
			assertThatExceptionOfType(InvalidCiphertextException.class).as(context.toString())
				.isThrownBy(() -> this.kms
					.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(context)));
		}
	}

	@Test
	void deniesDirectDecryptionOfSecureStringUnderTheAwsManagedKey() {
		this.aws.assumeSupports(AwsBackend.Capability.SSM_ENCRYPTS_WITH_KMS);
		String name = this.path + "/password";
		put(name, ParameterType.SECURE_STRING, "s3cr3t");
		SdkBytes ciphertext = ciphertext(name);
		String arn = this.aws.parameterArn(name);
		assertThat(get(name, true).value()).isEqualTo("s3cr3t");
		assertThatExceptionOfType(KmsException.class)
			.isThrownBy(() -> this.kms.decrypt(
					(request) -> request.ciphertextBlob(ciphertext).encryptionContext(Map.of("PARAMETER_ARN", arn))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
	}

	@Test
	void encryptsSecureStringUnderTheGivenKey() {
		this.aws.assumeSupports(AwsBackend.Capability.SSM_ENCRYPTS_WITH_KMS);
		KeyMetadata key = this.kms.createKey((request) -> request.description("app")).keyMetadata();
		String alias = "alias/contract-" + key.keyId();
		this.kms.createAlias((request) -> request.aliasName(alias).targetKeyId(key.keyId()));
		String name = this.path + "/password";
		this.ssm.putParameter(
				(request) -> request.name(name).type(ParameterType.SECURE_STRING).value("s3cr3t").keyId(alias));
		SdkBytes ciphertext = ciphertext(name);
		assertThat(this.kms
			.decrypt((request) -> request.ciphertextBlob(ciphertext)
				.encryptionContext(Map.of("PARAMETER_ARN", this.aws.parameterArn(name))))
			.keyId()).isEqualTo(key.arn());
		assertThat(describe(name).keyId()).isEqualTo(alias);
		assertThat(get(name, true).value()).isEqualTo("s3cr3t");
	}

	@Test
	void failsDecryptionWhenKeyIsDisabled() {
		this.aws.assumeSupports(AwsBackend.Capability.SSM_ENCRYPTS_WITH_KMS);
		KeyMetadata key = this.kms.createKey((request) -> request.description("app")).keyMetadata();
		String name = this.path + "/password";
		this.ssm.putParameter(
				(request) -> request.name(name).type(ParameterType.SECURE_STRING).value("s3cr3t").keyId(key.keyId()));
		this.kms.disableKey((request) -> request.keyId(key.keyId()));
		assertThatExceptionOfType(InvalidKeyIdException.class).isThrownBy(() -> get(name, true))
			.withMessageContaining("DisabledException");
		assertThat(get(name, false).value()).isNotEqualTo("s3cr3t");
		assertThatExceptionOfType(InvalidKeyIdException.class)
			.isThrownBy(() -> this.ssm.putParameter((request) -> request.name(name)
				.type(ParameterType.SECURE_STRING)
				.value("n3w")
				.keyId(key.keyId())
				.overwrite(true)));
	}

	@Test
	void rejectsUnknownKeyId() {
		this.aws.assumeSupports(AwsBackend.Capability.SSM_ENCRYPTS_WITH_KMS);
		assertThatExceptionOfType(InvalidKeyIdException.class)
			.isThrownBy(() -> this.ssm.putParameter((request) -> request.name(this.path + "/password")
				.type(ParameterType.SECURE_STRING)
				.value("s3cr3t")
				.keyId("alias/does-not-exist")));
	}

	@Test
	void rejectsKeyIdForOtherTypes() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.ssm.putParameter((request) -> request.name(this.path + "/url")
				.type(ParameterType.STRING)
				.value("x")
				.keyId("alias/aws/ssm")));
	}

	@Test
	void overwritesOnlyWhenAskedAndIncrementsVersion() {
		String name = this.path + "/url";
		put(name, ParameterType.STRING, "one");
		assertThatExceptionOfType(ParameterAlreadyExistsException.class)
			.isThrownBy(() -> put(name, ParameterType.STRING, "two"));
		PutParameterResponse overwritten = this.ssm
			.putParameter((request) -> request.name(name).type(ParameterType.STRING).value("two").overwrite(true));
		assertThat(overwritten.version()).isEqualTo(2);
		assertThat(get(name, false).value()).isEqualTo("two");
		assertThat(get(name, false).version()).isEqualTo(2);
		assertThat(this.ssm.putParameter((request) -> request.name(name).value("three").overwrite(true)).version())
			.isEqualTo(3);
		assertThat(get(name, false).type()).isEqualTo(ParameterType.STRING);
	}

	@Test
	void recordsTierAndDescription() {
		String advanced = this.path + "/advanced";
		PutParameterResponse put = this.ssm.putParameter((request) -> request.name(advanced)
			.type(ParameterType.STRING)
			.value("x".repeat(5000))
			.tier(ParameterTier.ADVANCED)
			.description("large value"));
		assertThat(put.tier()).isEqualTo(ParameterTier.ADVANCED);
		ParameterMetadata metadata = describe(advanced);
		assertThat(metadata.tier()).isEqualTo(ParameterTier.ADVANCED);
		assertThat(metadata.description()).isEqualTo("large value");
		String intelligent = this.path + "/intelligent";
		assertThat(this.ssm
			.putParameter((request) -> request.name(intelligent)
				.type(ParameterType.STRING)
				.value("small")
				.tier(ParameterTier.INTELLIGENT_TIERING))
			.tier()).isEqualTo(ParameterTier.STANDARD);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.ssm.putParameter(
				(request) -> request.name(this.path + "/standard").type(ParameterType.STRING).value("x".repeat(4097))));
	}

	@Test
	void getsUpToTenParametersAndReportsUnknownNames() {
		put(this.path + "/a", ParameterType.STRING, "A");
		put(this.path + "/b", ParameterType.SECURE_STRING, "B");
		GetParametersResponse response = this.ssm.getParameters((request) -> request
			.names(this.path + "/a", this.path + "/b", this.path + "/missing", this.path + "/a:9")
			.withDecryption(true));
		assertThat(response.parameters()).extracting(Parameter::value).containsExactlyInAnyOrder("A", "B");
		assertThat(response.invalidParameters()).containsExactlyInAnyOrder(this.path + "/missing", this.path + "/a:9");
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(this.path + "/p" + i);
		}
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> this.ssm.getParameters((request) -> request.names(eleven)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void getsParametersInAlphabeticalOrder() {
		put(this.path + "/c", ParameterType.STRING, "C");
		put(this.path + "/a", ParameterType.STRING, "A");
		put(this.path + "/b", ParameterType.STRING, "B");
		GetParametersResponse response = this.ssm
			.getParameters((request) -> request.names(this.path + "/c", this.path + "/a", this.path + "/b"));
		assertThat(response.parameters()).extracting(Parameter::name)
			.containsExactly(this.path + "/a", this.path + "/b", this.path + "/c");
	}

	@Test
	void trimsSpacesAroundParameterNames() {
		String name = this.path + "/url";
		this.ssm.putParameter((request) -> request.name("  " + name + " ").type(ParameterType.STRING).value("x"));
		assertThat(get(name, false).name()).isEqualTo(name);
		assertThat(describe(name).name()).isEqualTo(name);
	}

	@Test
	void refusesDescribeFiltersTheModelDoesNotAllow() {
		put(this.path + "/a", ParameterType.STRING, "A");
		List<String> fiftyOne = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			fiftyOne.add(this.path + "/p" + i);
		}
		assertThat(describeError(ParameterStringFilter.builder().key("Name").values(fiftyOne).build()))
			.isEqualTo("ValidationException");
		assertThat(describeError(ParameterStringFilter.builder().key("Name").values(fiftyOne.subList(0, 50)).build()))
			.isNull();
		assertThat(describeError(ParameterStringFilter.builder().key("Owner").values("me").build()))
			.isEqualTo("ValidationException");
		assertThat(describeError(ParameterStringFilter.builder().key("Label").values("stable").build()))
			.isEqualTo("InvalidFilterKey");
		assertThat(describeError(ParameterStringFilter.builder().key("Type").values("Secret").build()))
			.isEqualTo("InvalidFilterValue");
		assertThat(describeError(ParameterStringFilter.builder().key("Type").values("SecureString").build())).isNull();
	}

	@Test
	void refusesByPathFiltersOnlyDescribeParametersTakes() {
		put(this.path + "/a", ParameterType.STRING, "A");
		for (String key : List.of("Name", "Path", "Tier", "DataType")) {
			assertThatExceptionOfType(SsmException.class).as(key)
				.isThrownBy(() -> this.ssm.getParametersByPath((request) -> request.path(this.path)
					.parameterFilters(ParameterStringFilter.builder().key(key).values("x").build())))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidFilterKey"));
		}
		assertThat(this.ssm
			.getParametersByPath((request) -> request.path(this.path)
				.parameterFilters(ParameterStringFilter.builder().key("Type").values("String").build()))
			.parameters()).extracting(Parameter::name).containsExactly(this.path + "/a");
	}

	@Test
	void selectsVersionsAndLabels() {
		String name = this.path + "/url";
		put(name, ParameterType.STRING, "one");
		overwrite(name, "two");
		overwrite(name, "three");
		this.ssm.labelParameterVersion((request) -> request.name(name).parameterVersion(2L).labels("stable"));
		Parameter first = get(name + ":1", false);
		assertThat(first.value()).isEqualTo("one");
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.selector()).isEqualTo(":1");
		assertThat(get(name + ":stable", false).value()).isEqualTo("two");
		assertThat(get(name + ":stable", false).selector()).isEqualTo(":stable");
		assertThat(get(name, false).value()).isEqualTo("three");
		assertThatExceptionOfType(ParameterVersionNotFoundException.class).isThrownBy(() -> get(name + ":9", false));
		assertThatExceptionOfType(ParameterNotFoundException.class).isThrownBy(() -> get(name + ":unknown", false));
		GetParametersResponse batch = this.ssm
			.getParameters((request) -> request.names(name + ":1", name + ":stable", name + ":9", name + ":unknown"));
		assertThat(batch.parameters()).extracting(Parameter::value).containsExactlyInAnyOrder("one", "two");
		assertThat(batch.invalidParameters()).containsExactlyInAnyOrder(name + ":9", name + ":unknown");
	}

	@Test
	void getsParametersByPathOneLevelOrRecursivelyInPages() {
		for (int i = 0; i < 12; i++) {
			put(this.path + "/app/p" + String.format("%02d", i), ParameterType.STRING, "v" + i);
		}
		put(this.path + "/app/nested/deep", ParameterType.STRING, "deep");
		put(this.path + "/other", ParameterType.STRING, "other");
		List<Parameter> oneLevel = byPath(this.path + "/app", false, false, 5);
		assertThat(oneLevel).hasSize(12).extracting(Parameter::name).doesNotContain(this.path + "/app/nested/deep");
		List<Parameter> recursive = byPath(this.path, true, false, 10);
		assertThat(recursive).hasSize(14);
		assertThat(byPath(this.path + "/app/", true, false, 10)).hasSize(13);
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> this.ssm.getParametersByPath((request) -> request.path(this.path).maxResults(11)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void getsSecureStringsByPathWithOrWithoutDecryption() {
		put(this.path + "/db/password", ParameterType.SECURE_STRING, "s3cr3t");
		assertThat(byPath(this.path, true, true, 10)).extracting(Parameter::value).containsExactly("s3cr3t");
		assertThat(byPath(this.path, true, false, 10)).extracting(Parameter::value).doesNotContain("s3cr3t");
	}

	@Test
	void describesParametersWithFiltersAndPages() {
		Instant before = Instant.now().minus(AwsBackend.CLOCK_SKEW);
		put(this.path + "/a", ParameterType.STRING, "A");
		put(this.path + "/b", ParameterType.SECURE_STRING, "B");
		put(this.path + "/c", ParameterType.STRING_LIST, "C,D");
		overwrite(this.path + "/a", "A2");
		List<ParameterMetadata> all = describeAll(
				ParameterStringFilter.builder().key("Name").option("BeginsWith").values(this.path + "/").build(), 1);
		assertThat(all).extracting(ParameterMetadata::name)
			.containsExactlyInAnyOrder(this.path + "/a", this.path + "/b", this.path + "/c");
		ParameterMetadata a = describe(this.path + "/a");
		assertThat(a.type()).isEqualTo(ParameterType.STRING);
		assertThat(a.version()).isEqualTo(2);
		assertThat(a.tier()).isEqualTo(ParameterTier.STANDARD);
		assertThat(a.lastModifiedDate()).isBetween(before, Instant.now().plus(AwsBackend.CLOCK_SKEW));
		assertThat(describe(this.path + "/b").keyId()).isEqualTo("alias/aws/ssm");
		assertThat(describe(this.path + "/b").type()).isEqualTo(ParameterType.SECURE_STRING);
		assertThatExceptionOfType(SsmException.class)
			.isThrownBy(() -> this.ssm.describeParameters((request) -> request.maxResults(51)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void keepsHistoryOfEveryVersion() {
		String name = this.path + "/password";
		put(name, ParameterType.SECURE_STRING, "one");
		this.ssm.putParameter((request) -> request.name(name)
			.type(ParameterType.SECURE_STRING)
			.value("two")
			.overwrite(true)
			.tier(ParameterTier.ADVANCED));
		this.ssm.labelParameterVersion((request) -> request.name(name).parameterVersion(1L).labels("old"));
		List<ParameterHistory> history = this.ssm
			.getParameterHistory((request) -> request.name(name).withDecryption(true))
			.parameters();
		assertThat(history).extracting(ParameterHistory::version).containsExactly(1L, 2L);
		assertThat(history).extracting(ParameterHistory::value).containsExactly("one", "two");
		assertThat(history).extracting(ParameterHistory::tier)
			.containsExactly(ParameterTier.STANDARD, ParameterTier.ADVANCED);
		assertThat(history).extracting(ParameterHistory::keyId).containsExactly("alias/aws/ssm", "alias/aws/ssm");
		assertThat(history.get(0).labels()).containsExactly("old");
		assertThat(history.get(1).labels()).isEmpty();
		assertThat(this.ssm.getParameterHistory((request) -> request.name(name)).parameters())
			.extracting(ParameterHistory::value)
			.doesNotContain("one", "two");
	}

	@Test
	void movesLabelsAndReportsInvalidOnes() {
		String name = this.path + "/url";
		put(name, ParameterType.STRING, "one");
		overwrite(name, "two");
		this.ssm.labelParameterVersion((request) -> request.name(name).parameterVersion(1L).labels("stable"));
		LabelParameterVersionResponse moved = this.ssm
			.labelParameterVersion((request) -> request.name(name).labels("stable", "1st", "awsome"));
		assertThat(moved.parameterVersion()).isEqualTo(2);
		assertThat(moved.invalidLabels()).containsExactlyInAnyOrder("1st", "awsome");
		assertThat(get(name + ":stable", false).value()).isEqualTo("two");
		assertThatExceptionOfType(ParameterVersionNotFoundException.class).isThrownBy(() -> this.ssm
			.labelParameterVersion((request) -> request.name(name).parameterVersion(7L).labels("stable")));
		assertThatExceptionOfType(ParameterNotFoundException.class).isThrownBy(() -> this.ssm
			.labelParameterVersion((request) -> request.name(this.path + "/missing").labels("stable")));
	}

	@Test
	void deletesParameters() {
		put(this.path + "/a", ParameterType.STRING, "A");
		put(this.path + "/b", ParameterType.STRING, "B");
		put(this.path + "/c", ParameterType.STRING, "C");
		this.ssm.deleteParameter((request) -> request.name(this.path + "/a"));
		assertThatExceptionOfType(ParameterNotFoundException.class).isThrownBy(() -> get(this.path + "/a", false));
		assertThatExceptionOfType(ParameterNotFoundException.class)
			.isThrownBy(() -> this.ssm.deleteParameter((request) -> request.name(this.path + "/a")));
		var response = this.ssm
			.deleteParameters((request) -> request.names(this.path + "/b", this.path + "/c", this.path + "/a"));
		assertThat(response.deletedParameters()).containsExactlyInAnyOrder(this.path + "/b", this.path + "/c");
		assertThat(response.invalidParameters()).containsExactly(this.path + "/a");
	}

	@Test
	void rejectsInvalidNames() {
		for (String name : List.of("aws-reserved", "/ssm/reserved", "/AWS/reserved", "not/qualified",
				this.path + "/with space", this.path + "//empty", this.path + "/bad$char")) {
			assertThatExceptionOfType(ValidationException.class).as(name)
				.isThrownBy(() -> put(name, ParameterType.STRING, "x"));
		}
		assertThatExceptionOfType(HierarchyLevelLimitExceededException.class)
			.isThrownBy(() -> put(this.path + "/1/2/3/4/5/6/7/8/9/10/11/12/13/14", ParameterType.STRING, "x"));
	}

	@Test
	void reportsUnknownParameter() {
		assertThatExceptionOfType(ParameterNotFoundException.class).isThrownBy(() -> get(this.path + "/missing", true));
	}

	private PutParameterResponse put(String name, ParameterType type, String value) {
		return this.ssm.putParameter((request) -> request.name(name).type(type).value(value));
	}

	private void overwrite(String name, String value) {
		this.ssm.putParameter((request) -> request.name(name).value(value).overwrite(true));
	}

	private Parameter get(String name, boolean withDecryption) {
		return this.ssm.getParameter((request) -> request.name(name).withDecryption(withDecryption)).parameter();
	}

	private SdkBytes ciphertext(String name) {
		return SdkBytes.fromByteArray(Base64.getDecoder().decode(get(name, false).value()));
	}

	private String keyArn(String keyId) {
		return this.kms.describeKey((request) -> request.keyId(keyId)).keyMetadata().arn();
	}

	private ParameterMetadata describe(String name) {
		List<ParameterMetadata> found = describeAll(
				ParameterStringFilter.builder().key("Name").option("Equals").values(name).build(), 50);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private String describeError(ParameterStringFilter filter) {
		try {
			this.ssm.describeParameters((request) -> request.parameterFilters(filter));
			return null;
		}
		catch (SsmException ex) {
			return ex.awsErrorDetails().errorCode();
		}
	}

	private List<ParameterMetadata> describeAll(ParameterStringFilter filter, int pageSize) {
		List<ParameterMetadata> all = new ArrayList<>();
		String token = null;
		do {
			String current = token;
			DescribeParametersResponse page = this.ssm.describeParameters(
					(request) -> request.parameterFilters(filter).maxResults(pageSize).nextToken(current));
			assertThat(page.parameters().size()).isLessThanOrEqualTo(pageSize);
			all.addAll(page.parameters());
			token = page.nextToken();
		}
		while (token != null);
		return all;
	}

	private List<Parameter> byPath(String path, boolean recursive, boolean withDecryption, int pageSize) {
		List<Parameter> all = new ArrayList<>();
		String token = null;
		do {
			String current = token;
			GetParametersByPathResponse page = this.ssm.getParametersByPath((request) -> request.path(path)
				.recursive(recursive)
				.withDecryption(withDecryption)
				.maxResults(pageSize)
				.nextToken(current));
			assertThat(page.parameters().size()).isLessThanOrEqualTo(pageSize);
			all.addAll(page.parameters());
			token = page.nextToken();
		}
		while (token != null);
		return all;
	}

}
