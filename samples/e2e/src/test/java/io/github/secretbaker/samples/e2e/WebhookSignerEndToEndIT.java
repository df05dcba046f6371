package io.github.secretbaker.samples.e2e;

import java.nio.charset.StandardCharsets;

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
 * The whole chain on the webhook-signer sample: bake through the Maven plugin, package both
 * jars, run each in a fresh JVM against the local KMS and SSM server, and rotate.
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
	void shadedJarAnswersLambdaEventThroughFunctionInvokerWithOneDecryptPerSecret() {
		this.scenario.server().resetCounters();
		ProcessResult invocation = this.scenario.invokeShadedJar(ORDER);
		assertThat(invocation.succeeded()).as("FunctionInvoker run:\n%s", invocation.tail()).isTrue();
		assertSignedWithCurrentKey(invocation);
		assertThat(this.scenario.server().callCount("Decrypt")).isEqualTo(2);
		assertThat(this.scenario.server().callCounts()).doesNotContainKeys("GetParameter", "GetParameters",
				"GetParametersByPath");
		assertNoSecretValueIn(invocation);
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
		String oldSignature = signatureOf(this.scenario.invokeShadedJar(ORDER));
		this.scenario.rotateSigningKey();
		ProcessResult oldArtifact = this.scenario.invokeShadedJar(ORDER);
		assertThat(oldArtifact.succeeded()).as("FunctionInvoker run:\n%s", oldArtifact.tail()).isTrue();
		assertThat(signatureOf(oldArtifact)).isEqualTo(oldSignature);
		ProcessResult check = this.scenario.checkDrift();
		assertThat(check.succeeded()).as("check after rotation:\n%s", check.tail()).isFalse();
		assertThat(check.output()).contains("WEBHOOK_SIGNING_KEY").doesNotContain("PAYMENT_API_TOKEN:");
		ProcessResult rebuild = this.scenario.packageSample();
		assertThat(rebuild.succeeded()).as("mvn package after rotation:\n%s", rebuild.tail()).isTrue();
		ProcessResult newArtifact = this.scenario.invokeShadedJar(ORDER);
		assertSignedWithCurrentKey(newArtifact);
		assertThat(signatureOf(newArtifact)).isNotEqualTo(oldSignature);
		assertThat(this.scenario.checkDrift().succeeded()).isTrue();
		assertNoSecretValueIn(oldArtifact, check, rebuild, newArtifact);
	}

	private void assertSignedWithCurrentKey(ProcessResult result) {
		JsonNode response = this.json.readTree(result.jsonLine().getBytes(StandardCharsets.UTF_8));
		String payload = response.get("payload").asString();
		assertThat(payload).startsWith("o-1001:42");
		assertThat(response.get("signature").asString()).isEqualTo(this.scenario.expectedSignature(payload));
		assertThat(response.get("paymentApiToken").asString())
			.isEqualTo("<redacted, " + this.scenario.apiToken().length() + " characters>");
	}

	private String signatureOf(ProcessResult result) {
		return this.json.readTree(result.jsonLine().getBytes(StandardCharsets.UTF_8)).get("signature").asString();
	}

	private void assertNoSecretValueIn(ProcessResult... results) {
		for (ProcessResult result : results) {
			assertThat(this.scenario.leaksIn(result.output())).as("secrets in the output of %s", result.command())
				.isEmpty();
		}
	}

}
