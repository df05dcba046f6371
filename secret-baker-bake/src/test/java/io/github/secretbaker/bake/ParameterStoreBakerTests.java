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

package io.github.secretbaker.bake;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.github.secretbaker.bake.BakeProblem.Kind;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link ParameterStoreBaker} against the local KMS and SSM server.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class ParameterStoreBakerTests {

	private final LocalAwsServer server;

	private final SsmClient ssm;

	private final KmsClient kms;

	private String keyArn;

	ParameterStoreBakerTests(LocalAwsServer server, SsmClient ssm, KmsClient kms) {
		this.server = server;
		this.ssm = ssm;
		this.kms = kms;
	}

	@BeforeEach
	void setUp() {
		this.keyArn = this.server.createKey("alias/app");
	}

	@Test
	void bakesCiphertextArnVersionKeyAndTierWithoutDecrypting() {
		String value = TestSecrets.newValue();
		String arn = this.server.putSecureString("/app/db/password", value, this.keyArn);
		String stored = this.server.ssmClient()
			.getParameter((request) -> request.name("/app/db/password").withDecryption(false))
			.parameter()
			.value();
		BakeResult result = baker().bake(List.of(SecretRequest.of("DB_PASSWORD", "/app/db/password")));
		BakedSecret secret = result.secrets().get("DB_PASSWORD");
		assertThat(secret).isNotNull();
		assertThat(secret.ciphertext()).isEqualTo(stored).isNotEqualTo(value);
		assertThat(secret.arn()).isEqualTo(arn);
		assertThat(secret.version()).isEqualTo(1L);
		assertThat(secret.keyId()).isEqualTo(this.keyArn);
		assertThat(secret.tier()).isEqualTo(BakedSecret.STANDARD_TIER);
		assertThat(this.server.callCount("Decrypt")).isZero();
		assertThat(this.server.callCount("GetParameters")).isEqualTo(1);
		assertThat(this.server.callCount("DescribeParameters")).isEqualTo(1);
		assertThat(this.server.callCount("GetParameterHistory")).isZero();
		assertThat(this.server.callCount("DescribeKey")).isZero();
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void resolvesKeyGivenByAliasOrIdToKeyArnWithOneDescribeKeyPerAlias() {
		this.server.putSecureString("/app/by-alias", TestSecrets.newValue(), "alias/app");
		this.server.putSecureString("/app/also-by-alias", TestSecrets.newValue(), "alias/app");
		String aliasArn = "arn:aws:kms:" + this.server.region() + ":" + this.server.accountId() + ":alias/app";
		this.server.putSecureString("/app/by-alias-arn", TestSecrets.newValue(), aliasArn);
		String keyId = this.keyArn.substring(this.keyArn.indexOf("key/") + 4);
		this.server.putSecureString("/app/by-id", TestSecrets.newValue(), keyId);
		BakeResult result = baker().bake(List.of(SecretRequest.of("BY_ALIAS", "/app/by-alias"),
				SecretRequest.of("ALSO_BY_ALIAS", "/app/also-by-alias"),
				SecretRequest.of("BY_ALIAS_ARN", "/app/by-alias-arn"), SecretRequest.of("BY_ID", "/app/by-id")));
		assertThat(result.secrets().asList()).extracting(BakedSecret::keyId).containsOnly(this.keyArn);
		assertThat(result.warnings()).isEmpty();
		assertThat(this.server.callCount("DescribeKey")).isEqualTo(1);
		assertThat(this.server.callCount("Decrypt")).isZero();
	}

	@Test
	void keepsAliasArnAndWarnsOnceNamingSecretsWhenDescribeKeyIsDenied() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), "alias/app");
		this.server.putSecureString("/app/b", TestSecrets.newValue(), "alias/app");
		this.server.putSecureString("/app/c", TestSecrets.newValue(), this.keyArn);
		this.server.faults().deny("DescribeKey", "*");
		BakeResult result = baker().bake(List.of(SecretRequest.of("A", "/app/a"), SecretRequest.of("B", "/app/b"),
				SecretRequest.of("C", "/app/c")));
		String aliasArn = "arn:aws:kms:" + this.server.region() + ":" + this.server.accountId() + ":alias/app";
		assertThat(result.secrets().get("A").keyId()).isEqualTo(aliasArn);
		assertThat(result.secrets().get("B").keyId()).isEqualTo(aliasArn);
		assertThat(result.secrets().get("C").keyId()).isEqualTo(this.keyArn);
		assertThat(result.warnings()).singleElement()
			.asString()
			.startsWith("Secrets A, B: ")
			.contains("AccessDeniedException", "'secret-baker policy' will need --key-arn", "kms:DescribeKey")
			.doesNotContain("'C'");
	}

	@Test
	void keepsAliasArnAndWarnsWithoutKmsClient() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), "alias/app");
		BakeResult result = ParameterStoreBaker.builder(this.ssm)
			.build()
			.bake(List.of(SecretRequest.of("A", "/app/a")));
		assertThat(result.secrets().get("A").keyId()).endsWith(":alias/app");
		assertThat(result.warnings()).singleElement()
			.asString()
			.startsWith("Secret A: ")
			.contains("no KMS client was given", "--key-arn");
		assertThat(this.server.callCount("DescribeKey")).isZero();
	}

	@Test
	void createsClientsFromOptionsOnlyWhenThereIsSomethingToBake(@TempDir Path folder) throws IOException {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), "alias/app");
		AwsClientOptions options = TestSecrets.bakeOptions(this.server);
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(options).build()) {
			Path empty = folder.resolve("empty/secret-baker-secrets.json");
			BakeResult nothing = baker.bakeTo(List.of(), empty);
			assertThat(empty).hasContent("{}\n");
			assertThat(nothing.summary(empty)).startsWith("Baked no secrets into " + empty);
			assertThat(this.server.callCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
			BakeResult result = baker.bake(List.of(SecretRequest.of("A", "/app/a")));
			assertThat(result.secrets().get("A").keyId()).isEqualTo(this.keyArn);
		}
	}

	@Test
	void bakesPinnedVersionAndLabelWithKeyOfThatVersion() {
		String oldKey = this.server.createKey();
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), oldKey);
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/api-key", TestSecrets.newValue(), this.keyArn);
		this.server.ssmClient()
			.labelParameterVersion((request) -> request.name("/app/api-key").parameterVersion(2L).labels("prod"));
		BakedSecrets secrets = baker().bake(List.of(SecretRequest.of("V1", "/app/api-key:1"),
				SecretRequest.of("PROD", "/app/api-key:prod"), SecretRequest.of("LATEST", "/app/api-key")))
			.secrets();
		assertThat(secrets.get("V1").version()).isEqualTo(1L);
		assertThat(secrets.get("V1").keyId()).isEqualTo(oldKey);
		assertThat(secrets.get("PROD").version()).isEqualTo(2L);
		assertThat(secrets.get("PROD").keyId()).isEqualTo(this.keyArn);
		assertThat(secrets.get("LATEST").version()).isEqualTo(3L);
		assertThat(secrets.get("V1").ciphertext()).isNotEqualTo(secrets.get("PROD").ciphertext());
		assertThat(this.server.callCount("GetParameters")).isEqualTo(1);
		assertThat(this.server.callCount("GetParameterHistory")).isEqualTo(1);
	}

	@Test
	void bakesParameterGivenByFullArnWithSelector() {
		String arn = this.server.putSecureString("/shared/token", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/shared/token", TestSecrets.newValue(), this.keyArn);
		BakedSecrets secrets = baker()
			.bake(List.of(SecretRequest.of("TOKEN", arn), SecretRequest.of("FIRST_TOKEN", arn + ":1")))
			.secrets();
		assertThat(secrets.get("TOKEN").arn()).isEqualTo(arn);
		assertThat(secrets.get("TOKEN").version()).isEqualTo(2L);
		assertThat(secrets.get("FIRST_TOKEN").version()).isEqualTo(1L);
	}

	@Test
	void bakesTwoNamesForOneParameter() {
		this.server.putSecureString("/app/db/password", TestSecrets.newValue(), this.keyArn);
		BakedSecrets secrets = baker().bake(List.of(SecretRequest.of("DB_PASSWORD", "/app/db/password"),
				SecretRequest.of("DATABASE_PASSWORD", "/app/db/password")))
			.secrets();
		assertThat(secrets.names()).containsExactly("DATABASE_PASSWORD", "DB_PASSWORD");
		assertThat(secrets.get("DB_PASSWORD").ciphertext()).isEqualTo(secrets.get("DATABASE_PASSWORD").ciphertext());
	}

	@Test
	void bakesThousandParametersInCallsOfTenWithBoundedConcurrency() {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			String name = String.format("/bulk/secret-%04d", i);
			this.server.putSecureString(name, TestSecrets.newValue(), this.keyArn);
			requests.add(SecretRequest.of(String.format("SECRET_%04d", i), name));
		}
		this.server.resetCounters();
		this.server.faults().latency("GetParameters", Duration.ofMillis(10));
		List<Integer> progress = new ArrayList<>();
		BakeResult result = ParameterStoreBaker.builder(this.ssm).concurrency(4).progressListener((done, total) -> {
			synchronized (progress) {
				progress.add(done);
			}
			assertThat(total).isEqualTo(100);
		}).build().bake(requests);
		assertThat(result.secrets().size()).isEqualTo(1000);
		assertThat(result.secrets().asList()).allSatisfy((secret) -> {
			assertThat(secret.version()).isEqualTo(1L);
			assertThat(secret.keyId()).isEqualTo(this.keyArn);
		});
		assertThat(this.server.callCount("GetParameters")).isEqualTo(100);
		// 1000 names in batches of 50: 20 pages when pages are full, more when AWS cuts
		// them short
		assertThat(this.server.callCount("DescribeParameters")).isGreaterThanOrEqualTo(20);
		assertThat(this.server.callCount("GetParameterHistory")).isZero();
		assertThat(this.server.maxInFlight()).isLessThanOrEqualTo(4);
		assertThat(this.server.maxInFlight("GetParameters")).isGreaterThan(1);
		assertThat(result.getParametersCalls()).isEqualTo(100);
		assertThat(result.metadataCalls()).isEqualTo(this.server.callCount("DescribeParameters"));
		assertThat(progress).hasSize(101).startsWith(0).contains(100);
	}

	@Test
	void refusesEveryStringAndStringListAtOnce() {
		String plainValue = TestSecrets.newValue();
		this.server.putString("/app/plain", plainValue);
		this.server.putStringList("/app/list", "a,b," + plainValue);
		this.server.putSecureString("/app/ok", TestSecrets.newValue(), this.keyArn);
		assertThatExceptionOfType(BakeException.class)
			.isThrownBy(() -> baker().bake(List.of(SecretRequest.of("PLAIN", "/app/plain"),
					SecretRequest.of("LIST", "/app/list"), SecretRequest.of("OK", "/app/ok"))))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).extracting(BakeProblem::secretName).containsExactly("LIST", "PLAIN");
				assertThat(ex.getProblems()).extracting(BakeProblem::kind).containsOnly(Kind.NOT_SECURE_STRING);
				assertThat(ex.getMessage()).contains("'PLAIN' (/app/plain)", "'LIST' (/app/list)",
						"would ship in clear");
				assertThat(ex.getMessage()).doesNotContain(plainValue);
				assertThat(ex.isAwsFailure()).isFalse();
			});
	}

	@Test
	void refusesParametersEncryptedWithAwsManagedKey() {
		this.server.putSecureString("/app/default-key-1", TestSecrets.newValue());
		this.server.putSecureString("/app/default-key-2", TestSecrets.newValue());
		assertThatExceptionOfType(BakeException.class)
			.isThrownBy(() -> baker().bake(List.of(SecretRequest.of("ONE", "/app/default-key-1"),
					SecretRequest.of("TWO", "/app/default-key-2"))))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(BakeProblem::kind)
				.containsExactly(Kind.AWS_MANAGED_KEY, Kind.AWS_MANAGED_KEY));
	}

	@Test
	void refusesEveryValueThatIsNotKmsCiphertextAsEmulatorsReturn() {
		String first = TestSecrets.newValue();
		String second = TestSecrets.newValue();
		this.server.putSecureString("/app/one", first, this.keyArn);
		this.server.putSecureString("/app/two", second, this.keyArn);
		this.server.putSecureString("/app/fine", TestSecrets.newValue(), this.keyArn);
		// The real server answers; the interceptor rewrites its answer into what
		// LocalStack and moto return.
		ExecutionInterceptor emulator = new ExecutionInterceptor() {
			@Override
			public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes executionAttributes) {
				if (context.response() instanceof GetParametersResponse response) {
					return response.toBuilder()
						.parameters(response.parameters()
							.stream()
							.map((parameter) -> parameter.name().equals("/app/one")
									? parameter.toBuilder().value("kms:" + this.keyId() + ":" + first).build()
									: parameter.name().equals("/app/two") ? parameter.toBuilder()
										.value(Base64.getEncoder()
											.encodeToString(second.getBytes(StandardCharsets.UTF_8)))
										.build() : parameter)
							.toList())
						.build();
				}
				return context.response();
			}

			private String keyId() {
				return ParameterStoreBakerTests.this.keyArn;
			}
		};
		try (SsmClient emulated = this.server.ssmClientBuilder()
			.overrideConfiguration((override) -> override.addExecutionInterceptor(emulator))
			.build()) {
			assertThatExceptionOfType(
					BakeException.class)
				.isThrownBy(() -> ParameterStoreBaker.builder(emulated)
					.build()
					.bake(List.of(SecretRequest.of("ONE", "/app/one"), SecretRequest.of("TWO", "/app/two"),
							SecretRequest.of("FINE", "/app/fine"))))
				.satisfies((ex) -> {
					assertThat(ex.getProblems()).extracting(BakeProblem::secretName, BakeProblem::kind)
						.containsExactly(tuple("ONE", Kind.NOT_KMS_CIPHERTEXT), tuple("TWO", Kind.NOT_KMS_CIPHERTEXT));
					assertThat(ex.getMessage()).contains("this endpoint does not return KMS ciphertext")
						.doesNotContain(first)
						.doesNotContain(second);
				});
		}
	}

	@Test
	void bakesWithoutKeyIdAndWarnsOnceWhenDescribeParametersIsDenied() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		this.server.faults().deny("DescribeParameters", "*");
		BakeResult result = baker().bake(List.of(SecretRequest.of("A", "/app/a"), SecretRequest.of("B", "/app/b")));
		assertThat(result.secrets().asList()).extracting(BakedSecret::name, BakedSecret::keyId, BakedSecret::tier)
			.containsExactly(tuple("A", null, BakedSecret.STANDARD_TIER), tuple("B", null, BakedSecret.STANDARD_TIER));
		assertThat(result.warnings()).singleElement()
			.asString()
			.startsWith("ssm:DescribeParameters was denied")
			.contains("Resource \"*\"", "--key-arn");
		assertThat(this.server.callCount("GetParameterHistory")).isZero();
	}

	@Test
	void retriesABatchNameByNameWhenOneArnIsRefusedAsInvalidSoOnlyThatSecretFails() {
		this.server.putSecureString("/app/a", TestSecrets.newValue(), this.keyArn);
		this.server.putSecureString("/app/b", TestSecrets.newValue(), this.keyArn);
		String otherRegion = "arn:aws:ssm:eu-central-1:" + this.server.accountId() + ":parameter/app/a";
		Resolution resolution = baker().resolve(List.of(SecretRequest.of("A", "/app/a"),
				SecretRequest.of("B", "/app/b"), SecretRequest.of("ELSEWHERE", otherRegion)));
		assertThat(resolution.secrets().names()).containsExactly("A", "B");
		assertThat(resolution.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.secretName()).isEqualTo("ELSEWHERE");
			assertThat(problem.kind()).isEqualTo(Kind.INVALID_PARAMETER);
			assertThat(problem.isAwsFailure()).isFalse();
			assertThat(problem.message()).contains("ValidationException", "region and partition")
				.doesNotContain("try again");
		});
	}

	@Test
	void reportsMissingCredentialsOnceForEverySecretInOneShortLine() {
		assumeThat(System.getenv("AWS_ACCESS_KEY_ID")).isNull();
		try (SsmClient noCredentials = SsmClient.builder()
			.region(Region.of(this.server.region()))
			.endpointOverride(this.server.endpoint())
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.credentialsProvider(AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
					ProfileCredentialsProvider.create("secret-baker-missing-" + TestSecrets.newValue())))
			.build()) {
			List<SecretRequest> requests = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				requests.add(SecretRequest.of("S" + i, "/app/s" + i));
			}
			assertThatExceptionOfType(BakeException.class)
				.isThrownBy(() -> ParameterStoreBaker.builder(noCredentials).build().bake(requests))
				.satisfies((ex) -> {
					assertThat(ex.isAwsFailure()).isTrue();
					assertThat(ex.describeProblems()).containsExactly("no AWS credentials found: set AWS_ACCESS_KEY_ID "
							+ "and AWS_SECRET_ACCESS_KEY, or use a named profile");
					assertThat(ex.getProblems()).hasSize(25)
						.allSatisfy((problem) -> assertThat(problem.kind()).isEqualTo(Kind.NO_CREDENTIALS));
					assertThat(BakeFailureCategory.isMissingCredentials(ex)).isTrue();
					assertThat(ex.getMessage().lines()).hasSize(2);
				});
		}
	}

	@Test
	void namesTheEndpointHostWhenItCannotBeReached() {
		AwsClientOptions unreachable = new AwsClientOptions(this.server.region(), null,
				URI.create("http://127.0.0.1:1"), 1);
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(unreachable).build()) {
			assertThatExceptionOfType(BakeException.class)
				.isThrownBy(() -> baker.bake(List.of(SecretRequest.of("A", "/app/a"), SecretRequest.of("B", "/app/b"))))
				.satisfies((ex) -> assertThat(ex.describeProblems()).singleElement()
					.asString()
					.startsWith("Secrets 'A', 'B': GetParameters cannot reach 127.0.0.1:1"));
		}
	}

	@Test
	void namesEveryMissingParameterVersionAndLabel() {
		this.server.putSecureString("/app/exists", TestSecrets.newValue(), this.keyArn);
		assertThatExceptionOfType(BakeException.class)
			.isThrownBy(() -> baker().bake(List.of(SecretRequest.of("GONE", "/app/gone"),
					SecretRequest.of("ALSO_GONE", "/app/also-gone:2"), SecretRequest.of("NO_VERSION", "/app/exists:7"),
					SecretRequest.of("NO_LABEL", "/app/exists:prod"), SecretRequest.of("OK", "/app/exists"))))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).extracting(BakeProblem::secretName, BakeProblem::path, BakeProblem::kind)
					.containsExactly(tuple("ALSO_GONE", "/app/also-gone:2", Kind.MISSING_PARAMETER),
							tuple("GONE", "/app/gone", Kind.MISSING_PARAMETER),
							tuple("NO_LABEL", "/app/exists:prod", Kind.MISSING_LABEL),
							tuple("NO_VERSION", "/app/exists:7", Kind.MISSING_VERSION));
				assertThat(ex.getMessage()).contains("has no version 7", "has no version labelled 'prod'");
			});
	}

	@Test
	void namesEveryDeniedParameter() {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			this.server.putSecureString("/app/s" + i, TestSecrets.newValue(), this.keyArn);
			requests.add(SecretRequest.of("S" + i, "/app/s" + i));
		}
		this.server.faults().deny("GetParameters", "/app/s3").deny("GetParameters", "/app/s11");
		assertThatExceptionOfType(BakeException.class).isThrownBy(() -> baker().bake(requests)).satisfies((ex) -> {
			assertThat(ex.getProblems()).extracting(BakeProblem::secretName).containsExactly("S11", "S3");
			assertThat(ex.getProblems()).extracting(BakeProblem::kind).containsOnly(Kind.ACCESS_DENIED);
			assertThat(ex.getMessage()).contains("/app/s3", "/app/s11", "AccessDeniedException", "ssm:GetParameters");
			assertThat(ex.isAwsFailure()).isTrue();
		});
	}

	@Test
	void retriesThrottledCallsUntilTheySucceed() {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			this.server.putSecureString("/app/t" + i, TestSecrets.newValue(), this.keyArn);
			requests.add(SecretRequest.of("T" + i, "/app/t" + i));
		}
		this.server.faults().throttleNext("GetParameters", 2);
		BakeResult result = baker().bake(requests);
		assertThat(result.secrets().size()).isEqualTo(30);
		assertThat(this.server.callCount("GetParameters")).isEqualTo(3 + 2);
	}

	@Test
	void bakesIdenticalBytesFromIdenticalState() {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			this.server.putSecureString("/app/d" + i, TestSecrets.newValue(), this.keyArn);
			requests.add(SecretRequest.of("D" + i, "/app/d" + i));
		}
		byte[] first = BakedSecretsFile.toBytes(baker().bake(requests).secrets());
		List<SecretRequest> reversed = new ArrayList<>(requests);
		Collections.reverse(reversed);
		byte[] second = BakedSecretsFile
			.toBytes(ParameterStoreBaker.builder(this.ssm).concurrency(1).build().bake(reversed).secrets());
		assertThat(second).isEqualTo(first);
	}

	@Test
	void keepsPreviousFileWhenBakeFails(@TempDir Path folder) throws IOException {
		this.server.putSecureString("/app/ok", TestSecrets.newValue(), this.keyArn);
		Path output = folder.resolve("secret-baker-secrets.json");
		baker().bakeTo(List.of(SecretRequest.of("OK", "/app/ok")), output);
		byte[] before = Files.readAllBytes(output);
		assertThatExceptionOfType(BakeException.class).isThrownBy(() -> baker()
			.bakeTo(List.of(SecretRequest.of("OK", "/app/ok"), SecretRequest.of("GONE", "/app/gone")), output));
		assertThat(Files.readAllBytes(output)).isEqualTo(before);
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).containsExactly(output);
		}
	}

	@Test
	void resolvesWithoutSsmCallsWhenNothingIsRequested() {
		Resolution resolution = baker().resolve(List.of());
		assertThat(resolution.secrets().isEmpty()).isTrue();
		assertThat(this.server.callCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
	}

	private ParameterStoreBaker baker() {
		return ParameterStoreBaker.builder(this.ssm).kms(this.kms).build();
	}

}
