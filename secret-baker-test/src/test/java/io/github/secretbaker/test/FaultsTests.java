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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Contract tests for {@link Faults} and the call observation of {@link LocalAwsServer},
 * through the AWS SDK v2 clients over HTTP.
 */
@ExtendWith(AwsBackendExtension.class)
class FaultsTests {

	private final AwsBackend aws;

	private final KmsClient kms;

	private final SsmClient ssm;

	private LocalAwsServer server;

	FaultsTests(AwsBackend aws) {
		this.aws = aws;
		this.kms = aws.kms();
		this.ssm = aws.ssm();
	}

	@BeforeEach
	void requireFaults() {
		this.aws.assumeSupports(AwsBackend.Capability.FAULTS);
		this.server = this.aws.assumeLocalServer();
	}

	@Test
	void delaysAnswersOfOneOperation() {
		SdkBytes ciphertext = encrypt("s3cr3t", Map.of());
		this.server.faults().latency("Decrypt", Duration.ofMillis(300));
		long start = System.nanoTime();
		this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void delaysAnswersOfEveryOperation() {
		this.server.faults().latency("*", Duration.ofMillis(200));
		long start = System.nanoTime();
		this.kms.listKeys();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void throttlesTheNextCalls() {
		this.server.putString("/app/url", "https://example.com");
		this.server.faults().throttleNext("GetParameter", 2);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(SsmException.class)
				.isThrownBy(() -> this.ssm.getParameter((request) -> request.name("/app/url")))
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.isThrottlingException()).isTrue();
				});
		}
		assertThat(this.ssm.getParameter((request) -> request.name("/app/url")).parameter().value())
			.isEqualTo("https://example.com");
	}

	@Test
	void throttledCallsSucceedThroughTheSdkRetries() {
		this.server.putString("/app/url", "https://example.com");
		this.server.faults().throttleNext("GetParameter", 1);
		assertThat(this.server.ssmClient().getParameter((request) -> request.name("/app/url")).parameter().value())
			.isEqualTo("https://example.com");
		assertThat(this.server.callCount("GetParameter")).isEqualTo(2);
	}

	@Test
	void capsTheRequestRate() {
		this.server.faults().rateLimit("ListKeys", 3);
		int throttled = 0;
		for (int i = 0; i < 12; i++) {
			try {
				this.kms.listKeys();
			}
			catch (KmsException ex) {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
				throttled++;
			}
		}
		assertThat(throttled).isBetween(1, 11);
	}

	@Test
	void failsTheNextCallsWithInternalFailure() {
		this.server.faults().failNext("Encrypt", 1);
		assertThatExceptionOfType(KmsException.class).isThrownBy(() -> encrypt("s3cr3t", Map.of())).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(500);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
		});
		assertThat(encrypt("s3cr3t", Map.of())).isNotNull();
	}

	@Test
	void hangsUntilTheClientGivesUp() {
		this.server.putString("/app/url", "https://example.com");
		this.server.faults().hangNext("GetParameter", 1);
		try (SsmClient impatient = this.server.ssmClientBuilder()
			.overrideConfiguration((configuration) -> configuration.apiCallTimeout(Duration.ofMillis(500))
				.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build()) {
			long start = System.nanoTime();
			assertThatExceptionOfType(SdkClientException.class)
				.isThrownBy(() -> impatient.getParameter((request) -> request.name("/app/url")));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		}
		assertThat(this.ssm.getParameter((request) -> request.name("/app/url")).parameter().value())
			.isEqualTo("https://example.com");
	}

	@Test
	void releasesHangingCallsOnReset() throws Exception {
		this.server.faults().hangNext("ListKeys", 1);
		CompletableFuture<Object> call = CompletableFuture.supplyAsync(this.kms::listKeys);
		Thread.sleep(300);
		assertThat(call).isNotDone();
		this.server.reset();
		assertThat(call).failsWithin(Duration.ofSeconds(10));
	}

	@Test
	void deniesKeyInEveryReferenceForm() {
		String keyArn = this.server.createKey("alias/app");
		String otherArn = this.server.createKey("alias/other");
		String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
		String aliasArn = "arn:aws:kms:" + this.server.region() + ":" + this.server.accountId() + ":alias/app";
		for (String resource : List.of(keyArn, keyId, "alias/app", aliasArn, "arn:aws:kms:*:alias/a*")) {
			this.server.faults().clear();
			this.server.faults().deny("Decrypt", resource);
			SdkBytes ciphertext = encrypt(keyArn, "s3cr3t");
			assertThatExceptionOfType(KmsException.class).as(resource)
				.isThrownBy(() -> this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext)))
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
					assertThat(ex.getMessage()).contains("kms:Decrypt").contains(keyArn).doesNotContain("s3cr3t");
				});
			SdkBytes other = encrypt(otherArn, "s3cr3t");
			assertThat(this.kms.decrypt((request) -> request.ciphertextBlob(other)).plaintext().asUtf8String())
				.isEqualTo("s3cr3t");
		}
	}

	@Test
	void deniesParametersByNameOrArn() {
		this.server.putString("/app/url", "https://example.com");
		this.server.putString("/other/url", "https://example.org");
		this.server.faults().deny("GetParameter", "/app/*");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.ssm.getParameter((request) -> request.name("/app/url")))
			.withMessageContaining("ssm:GetParameter")
			.withMessageContaining(this.server.parameterArn("/app/url"));
		assertThat(this.ssm.getParameter((request) -> request.name("/other/url")).parameter().value())
			.isEqualTo("https://example.org");
		this.server.faults().deny("GetParameters", this.server.parameterArn("/other/url"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.ssm.getParameters((request) -> request.names("/other/url")));
	}

	@Test
	void deniesSecureStringDecryptionThroughKmsDecryptRule() {
		this.server.putSecureString("/app/password", "s3cr3t");
		this.server.faults().deny("Decrypt", "alias/aws/ssm");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.ssm.getParameter((request) -> request.name("/app/password").withDecryption(true)))
			.withMessageContaining("kms:Decrypt")
			.withMessageContaining(this.server.keyArn("alias/aws/ssm"));
		assertThat(this.ssm.getParameter((request) -> request.name("/app/password")).parameter().value())
			.isNotEqualTo("s3cr3t");
	}

	@Test
	void deniesEveryOperationOnEveryResource() {
		this.server.faults().deny("*", "*");
		assertThatExceptionOfType(KmsException.class).isThrownBy(this.kms::listKeys);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
				() -> this.ssm.putParameter((request) -> request.name("/x").type(ParameterType.STRING).value("x")));
	}

	@Test
	void answersShortAndEmptyPagesWithTokensUnderPartialPages() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String name = String.format("/app/p%02d", i);
			this.server.putString(name, "v" + i);
			names.add(name);
		}
		for (int i = 0; i < 12; i++) {
			this.server.putString("/app/p00", "v" + i);
		}
		List<Integer> sizes = new ArrayList<>();
		for (long seed = 1; seed <= 5; seed++) {
			this.server.faults().clear();
			this.server.faults().partialPages("*", seed);
			List<String> described = new ArrayList<>();
			List<String> byPath = new ArrayList<>();
			List<Long> history = new ArrayList<>();
			String token = null;
			for (int call = 0; call < 500 && (call == 0 || token != null); call++) {
				String current = token;
				var page = this.ssm.describeParameters((request) -> request.maxResults(10).nextToken(current));
				page.parameters().forEach((parameter) -> described.add(parameter.name()));
				sizes.add((page.nextToken() != null) ? page.parameters().size() : -1);
				token = page.nextToken();
			}
			for (int call = 0; call < 500 && (call == 0 || token != null); call++) {
				String current = token;
				var page = this.ssm
					.getParametersByPath((request) -> request.path("/app").maxResults(10).nextToken(current));
				page.parameters().forEach((parameter) -> byPath.add(parameter.name()));
				sizes.add((page.nextToken() != null) ? page.parameters().size() : -1);
				token = page.nextToken();
			}
			for (int call = 0; call < 500 && (call == 0 || token != null); call++) {
				String current = token;
				var page = this.ssm
					.getParameterHistory((request) -> request.name("/app/p00").maxResults(5).nextToken(current));
				page.parameters().forEach((version) -> history.add(version.version()));
				sizes.add((page.nextToken() != null) ? page.parameters().size() : -1);
				token = page.nextToken();
			}
			assertThat(token).isNull();
			assertThat(described).as("seed %d", seed).isEqualTo(names);
			assertThat(byPath).as("seed %d", seed).isEqualTo(names);
			assertThat(history).as("seed %d", seed).hasSize(13).isSorted().doesNotHaveDuplicates();
		}
		assertThat(sizes).as("page sizes of pages with a NextToken")
			.contains(0)
			.anyMatch((size) -> size > 0 && size < 5);
	}

	@Test
	void repeatsThePageSizesOfASeed() {
		for (int i = 0; i < 30; i++) {
			this.server.putString(String.format("/app/p%02d", i), "v");
		}
		assertThat(pageSizes(7)).isEqualTo(pageSizes(7)).isNotEqualTo(pageSizes(8));
	}

	@Test
	void refusesPartialPagesForOperationsWithoutPages() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.faults().partialPages("GetParameters"))
			.withMessageContaining("DescribeParameters");
	}

	private List<Integer> pageSizes(long seed) {
		this.server.faults().clear();
		this.server.faults().partialPages("DescribeParameters", seed);
		List<Integer> sizes = new ArrayList<>();
		String token = null;
		for (int call = 0; call < 500 && (call == 0 || token != null); call++) {
			String current = token;
			var page = this.ssm.describeParameters((request) -> request.maxResults(10).nextToken(current));
			sizes.add(page.parameters().size());
			token = page.nextToken();
		}
		return sizes;
	}

	@Test
	void countsCallsPerOperation() {
		this.server.putString("/app/url", "https://example.com");
		this.kms.listKeys();
		this.kms.listKeys();
		this.ssm.getParameter((request) -> request.name("/app/url"));
		assertThat(this.server.callCount("ListKeys")).isEqualTo(2);
		assertThat(this.server.callCount("kms:ListKeys")).isEqualTo(2);
		assertThat(this.server.callCount("GetParameter")).isEqualTo(1);
		assertThat(this.server.callCount("PutParameter")).isZero();
		assertThat(this.server.callCounts()).containsExactly(Map.entry("GetParameter", 1L), Map.entry("ListKeys", 2L));
		this.server.resetCounters();
		assertThat(this.server.callCounts()).isEmpty();
	}

	@Test
	void tracksTheHighestNumberOfCallsInFlight() throws Exception {
		SdkBytes ciphertext = encrypt("s3cr3t", Map.of());
		this.server.faults().latency("Decrypt", Duration.ofMillis(800));
		ExecutorService executor = Executors.newFixedThreadPool(100);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				calls.add(() -> this.kms.decrypt((request) -> request.ciphertextBlob(ciphertext))
					.plaintext()
					.asUtf8String());
			}
			for (Future<String> result : executor.invokeAll(calls, 30, TimeUnit.SECONDS)) {
				assertThat(result.get()).isEqualTo("s3cr3t");
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.maxInFlight("Decrypt")).isBetween(2, 100);
		assertThat(this.server.maxInFlight()).isGreaterThanOrEqualTo(this.server.maxInFlight("Decrypt"));
		assertThat(this.server.callCount("Decrypt")).isEqualTo(100);
		this.server.resetCounters();
		assertThat(this.server.maxInFlight()).isZero();
	}

	@Test
	void clearsFaults() {
		this.server.faults().failNext("*", 5).deny("*", "*").latency("*", Duration.ofSeconds(5));
		this.server.faults().clear();
		long start = System.nanoTime();
		assertThat(this.kms.listKeys().keys()).isNotEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void rejectsUnknownOperationNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.faults().failNext("Decrpyt", 1))
			.withMessageContaining("Decrpyt");
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.callCount("GetSecretValue"));
	}

	@Test
	void resetsAllState() {
		String keyArn = this.server.createKey("alias/app");
		String ssmKeyArn = this.server.keyArn("alias/aws/ssm");
		this.server.putSecureString("/app/password", "s3cr3t", "alias/app");
		this.server.faults().failNext("*", 10);
		this.server.reset();
		assertThat(this.server.callCounts()).isEmpty();
		assertThatExceptionOfType(SdkException.class)
			.isThrownBy(() -> this.kms.describeKey((request) -> request.keyId(keyArn)))
			.satisfies((ex) -> assertThat(((KmsException) ex).awsErrorDetails().errorCode())
				.isEqualTo("NotFoundException"));
		assertThat(this.ssm.describeParameters().parameters()).isEmpty();
		assertThat(this.server.keyArn("alias/aws/ssm")).isNotEqualTo(ssmKeyArn);
	}

	private SdkBytes encrypt(String plaintext, Map<String, String> context) {
		return this.kms
			.encrypt((request) -> request.keyId(this.server.createKey())
				.plaintext(SdkBytes.fromUtf8String(plaintext))
				.encryptionContext(context))
			.ciphertextBlob();
	}

	private SdkBytes encrypt(String keyId, String plaintext) {
		return this.kms.encrypt((request) -> request.keyId(keyId).plaintext(SdkBytes.fromUtf8String(plaintext)))
			.ciphertextBlob();
	}

}
