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

package io.github.secretbaker.samples.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.secretbaker.test.lambda.runtime.FunctionError;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain on the webhook-signer sample: bake through the Maven plugin, package
 * both jars, run the Lambda jar under AWS's runtime interface client against a local
 * Runtime API and the Spring Boot jar with {@code java -jar}, both against the local KMS
 * and SSM server, rotate, and fail an init.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookSignerEndToEndIT {

	private static final String ORDER = "{\"orderId\":\"o-1001\",\"amount\":42.00,\"currency\":\"EUR\"}";

	private final JsonMapper json = JsonMapper.builder().build();

	private WebhookSignerScenario scenario;

	private ProcessResult build;

	@BeforeAll
	void bakeAndPackageTheSample() {
		this.scenario = WebhookSignerScenario.start("end-to-end");
		this.scenario.createSecrets();
		this.build = this.scenario.packageSample();
		assertThat(this.build.succeeded()).as("mvn package of the sample:\n%s", this.build.tail()).isTrue();
	}

	@AfterAll
	void stopServer() {
		if (this.scenario != null) {
			this.scenario.close();
		}
	}

	@Test
	@Order(1)
	void bakesEverySecretIntoBothJarsWithoutPlaintext() {
		assertThat(this.build.output()).contains("Baked 2 secrets into");
		byte[] baked = WebhookSignerScenario.entry(this.scenario.repackagedJar(),
				"BOOT-INF/classes/secret-baker-secrets.json");
		assertThat(baked).isNotNull();
		assertThat(WebhookSignerScenario.entry(this.scenario.shadedJar(), "secret-baker-secrets.json"))
			.isEqualTo(baked);
		JsonNode file = this.json.readTree(baked);
		assertThat(file.propertyNames()).containsExactly("PAYMENT_API_TOKEN", "WEBHOOK_SIGNING_KEY");
		String ssmCiphertext = this.scenario.server()
			.ssmClient()
			.getParameter((request) -> request.name(WebhookSignerScenario.SIGNING_KEY_PARAMETER).withDecryption(false))
			.parameter()
			.value();
		assertThat(file.get("WEBHOOK_SIGNING_KEY").get("ciphertext").asString()).isEqualTo(ssmCiphertext);
		assertThat(file.get("WEBHOOK_SIGNING_KEY").get("keyId").asString()).isEqualTo(this.scenario.keyArn());
		assertThat(this.scenario.entriesContainingSecretValues(this.scenario.repackagedJar())).isEmpty();
		assertThat(this.scenario.entriesContainingSecretValues(this.scenario.shadedJar())).isEmpty();
		assertNoSecretValueIn(this.build);
	}

	@Test
	@Order(2)
	void lambdaJarAnswersUnderTheRuntimeInterfaceClientWithOneDecryptPerSecret() {
		this.scenario.server().resetCounters();
		LambdaRun run = this.scenario.invokeLambda(ORDER, Map.of());
		assertThat(run.init().status()).as("init under the runtime interface client:\n%s", run.tail())
			.isEqualTo(Init.Status.READY);
		assertThat(run.init().duration()).isPositive();
		assertSignedWithCurrentKey(run.response());
		assertThat(run.report()).contains("Init Duration: ");
		assertThat(this.scenario.server().callCount("Decrypt")).isEqualTo(2);
		assertThat(this.scenario.server().callCounts()).doesNotContainKeys("GetParameter", "GetParameters",
				"GetParametersByPath");
		assertThat(run.output()).contains("Decrypted 2 baked secrets in");
		assertNoSecretValueIn(run);
	}

	@Test
	@Order(3)
	void repackagedJarSignsWithTheBakedKey() {
		ProcessResult run = this.scenario.runRepackagedJar(ORDER);
		assertThat(run.succeeded()).as("java -jar run:\n%s", run.tail()).isTrue();
		assertSignedWithCurrentKey(run);
		assertNoSecretValueIn(run);
	}

	@Test
	@Order(4)
	void rotatedParameterNeedsABakeToReachTheFunction() {
		String oldSignature = signatureOf(this.scenario.invokeLambda(ORDER, Map.of()));
		this.scenario.rotateSigningKey();
		LambdaRun oldArtifact = this.scenario.invokeLambda(ORDER, Map.of());
		assertThat(signatureOf(oldArtifact)).isEqualTo(oldSignature);
		ProcessResult check = this.scenario.checkDrift();
		assertThat(check.succeeded()).as("check after rotation:\n%s", check.tail()).isFalse();
		assertThat(check.output()).contains("WEBHOOK_SIGNING_KEY").doesNotContain("PAYMENT_API_TOKEN:");
		ProcessResult rebuild = this.scenario.packageSample();
		assertThat(rebuild.succeeded()).as("mvn package after rotation:\n%s", rebuild.tail()).isTrue();
		LambdaRun newArtifact = this.scenario.invokeLambda(ORDER, Map.of());
		assertSignedWithCurrentKey(newArtifact.response());
		assertThat(signatureOf(newArtifact)).isNotEqualTo(oldSignature);
		assertThat(this.scenario.checkDrift().succeeded()).isTrue();
		assertNoSecretValueIn(check, rebuild);
		assertNoSecretValueIn(oldArtifact, newArtifact);
	}

	@Test
	@Order(5)
	void decryptionFailureDuringInitReachesInitErrorNamingTheSecretsAndNoValue() {
		ProcessResult verified = this.scenario.verifyAsFunctionRole();
		assertThat(verified.succeeded()).as("verify as the function's role:\n%s", verified.tail()).isTrue();
		assertThat(verified.output()).contains("Verified 2 secrets")
			.contains("assumed-role/webhook-signer/secret-baker-verify: every one would decrypt.");
		this.scenario.server().faults().deny("Decrypt", this.scenario.keyArn());
		try {
			ProcessResult refused = this.scenario.verifyAsFunctionRole();
			assertThat(refused.succeeded()).as("verify with kms:Decrypt denied:\n%s", refused.tail()).isFalse();
			assertThat(refused.output()).contains("2 would not decrypt")
				.contains("Secret 'WEBHOOK_SIGNING_KEY' (parameter ")
				.contains("access denied (AccessDeniedException)");
			assertNoSecretValueIn(verified, refused);
			LambdaRun run = this.scenario.invokeLambda(ORDER, Map.of());
			assertThat(run.init().status()).as("init with kms:Decrypt denied:\n%s", run.tail())
				.isEqualTo(Init.Status.FAILED);
			assertThat(run.init().exitCode()).isEqualTo(1);
			FunctionError error = run.init().error();
			assertThat(error).isNotNull();
			assertThat(error.runtimeErrorType()).isEqualTo("Runtime.BadFunctionCode");
			assertThat(error.errorType()).isEqualTo("io.github.secretbaker.kms.SecretDecryptionException");
			String region = this.scenario.server().region();
			String account = this.scenario.server().accountId();
			// A failure shared by every secret is stated once, with the statement naming
			// each parameter
			assertThat(error.errorMessage())
				.startsWith("Failed to decrypt all 2 baked secrets (PAYMENT_API_TOKEN, WEBHOOK_SIGNING_KEY) for the "
						+ "same reason: ")
				.contains("arn:aws:ssm:" + region + ":" + account + ":parameter/webhook-signer/signing-key")
				.contains("arn:aws:ssm:" + region + ":" + account + ":parameter/webhook-signer/payment-api-token")
				.contains("ACCESS_DENIED")
				.contains("kms:Decrypt");
			assertThat(run.invocation().status()).isEqualTo(Invocation.Status.INIT_FAILED);
			assertThat(run.output()).contains("APPLICATION FAILED TO START");
			assertThat(this.scenario.leaksIn(error.body())).as("secrets in the init error").isEmpty();
			assertNoSecretValueIn(run);
		}
		finally {
			this.scenario.server().faults().clear();
		}
	}

	@Test
	@Order(6)
	void aotProcessedLambdaJarDecryptsAsThePlainOneDoes() {
		this.scenario.server().resetCounters();
		ProcessResult build = this.scenario.packageAotProcessedSample();
		assertThat(build.succeeded()).as("mvn -Paot package of the sample:\n%s", build.tail()).isTrue();
		assertThat(this.scenario.server().callCounts()).as("KMS calls of the AOT build").doesNotContainKey("Decrypt");
		assertThat(WebhookSignerScenario.entry(this.scenario.shadedJar(),
				"io/github/secretbaker/samples/webhooksigner/WebhookSignerApplication__ApplicationContextInitializer.class"))
			.isNotNull();
		assertThat(this.scenario.nativeImageHints(this.scenario.shadedJar())).contains("secret-baker-secrets.json")
			.contains("io.github.secretbaker.autoconfigure.SecretBakerProperties");
		LambdaRun run = this.scenario.invokeLambda(ORDER, Map.of("JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=true"));
		assertThat(run.init().status()).as("init of the AOT-processed jar:\n%s", run.tail())
			.isEqualTo(Init.Status.READY);
		assertThat(run.output()).contains("Picked up JAVA_TOOL_OPTIONS: -Dspring.aot.enabled=true");
		assertSignedWithCurrentKey(run.response());
		assertThat(this.scenario.server().callCount("Decrypt")).isEqualTo(2);
		assertNoSecretValueIn(build);
		assertNoSecretValueIn(run);
	}

	private void assertSignedWithCurrentKey(ProcessResult result) {
		assertSignedWithCurrentKey(result.jsonLine());
	}

	private void assertSignedWithCurrentKey(String json) {
		JsonNode response = this.json.readTree(json.getBytes(StandardCharsets.UTF_8));
		String payload = response.get("payload").asString();
		assertThat(payload).startsWith("o-1001:42");
		assertThat(response.get("signature").asString()).isEqualTo(this.scenario.expectedSignature(payload));
		assertThat(response.get("paymentApiToken").asString())
			.isEqualTo("<redacted, " + this.scenario.apiToken().length() + " characters>");
	}

	private String signatureOf(LambdaRun run) {
		return this.json.readTree(run.response().getBytes(StandardCharsets.UTF_8)).get("signature").asString();
	}

	private void assertNoSecretValueIn(LambdaRun... runs) {
		for (LambdaRun run : runs) {
			assertThat(this.scenario.leaksIn(run.output())).as("secrets in the function's log").isEmpty();
			if (run.invocation().response() != null) {
				assertThat(this.scenario.leaksIn(run.invocation().responseText())).as("secrets in the response")
					.isEmpty();
			}
		}
	}

	private void assertNoSecretValueIn(ProcessResult... results) {
		for (ProcessResult result : results) {
			assertThat(this.scenario.leaksIn(result.output())).as("secrets in the output of %s", result.command())
				.isEmpty();
		}
	}

}
