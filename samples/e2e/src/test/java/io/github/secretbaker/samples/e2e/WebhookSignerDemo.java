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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.runtime.FunctionError;
import io.github.secretbaker.test.lambda.runtime.Invocation;
import io.github.secretbaker.test.lambda.runtime.LambdaFunctionProcess.Init;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's demo: the whole chain on the webhook-signer sample, narrated. Run with
 * {@code ./mvnw -Pdemo verify}. Every claim it prints is checked, and it fails if one
 * does not hold; it never prints a secret value or a ciphertext.
 */
public final class WebhookSignerDemo {

	private static final String ORDER = "{\"orderId\":\"o-1001\",\"amount\":42.00,\"currency\":\"EUR\"}";

	private static final Duration KMS_ROUND_TRIP = Duration.ofMillis(50);

	private WebhookSignerDemo() {
	}

	public static void main(String[] args) {
		long start = System.nanoTime();
		JsonMapper json = JsonMapper.builder().build();
		try (WebhookSignerScenario scenario = WebhookSignerScenario.start("demo")) {
			LocalAwsServer server = scenario.server();
			say("");
			say("secret-baker demo: webhook-signer, a Spring Cloud Function, on a local KMS + SSM server");
			say("");
			say("1. Local KMS + SSM server started at %s (region %s, account %s)", server.endpoint(), server.region(),
					server.accountId());
			scenario.createSecrets();
			say("2. Created KMS key alias/webhook-signer and two SecureStrings with generated values (never shown):");
			say("     %s, %s", WebhookSignerScenario.SIGNING_KEY_PARAMETER, WebhookSignerScenario.API_TOKEN_PARAMETER);
			ProcessResult build = check(scenario.packageSample(), scenario);
			say("3. mvn package of samples/webhook-signer: secret-baker-maven-plugin baked the secrets as KMS ciphertext,");
			say("   then the build made the Spring Boot jar and the Lambda (shaded) jar, in %s",
					seconds(build.duration()));
			JsonNode baked = json
				.readTree(WebhookSignerScenario.entry(scenario.shadedJar(), "secret-baker-secrets.json"));
			for (String name : baked.propertyNames()) {
				JsonNode entry = baked.get(name);
				say("     %-20s %s (version %s)", name, entry.get("arn").asString(), entry.get("version").asString());
			}
			require(scenario.entriesContainingSecretValues(scenario.repackagedJar()).isEmpty()
					&& scenario.entriesContainingSecretValues(scenario.shadedJar()).isEmpty(),
					"a jar contains a secret value in clear");
			say("   Plaintext of either secret anywhere in either jar: none (every entry scanned)");
			server.resetCounters();
			server.faults().latency("Decrypt", KMS_ROUND_TRIP);
			LambdaRun lambda = check(scenario.invokeLambda(ORDER, Map.of()), scenario);
			String lambdaResponse = lambda.response();
			JsonNode response = json.readTree(lambdaResponse.getBytes(StandardCharsets.UTF_8));
			say("4. Lambda jar extracted into a task root as Lambda does, run under AWS's runtime interface client");
			say("   (AWSLambda %s) against a local Runtime API,", WebhookSignerScenario.FUNCTION_HANDLER);
			say("   init %s, and invoked with one event, in %s:", lambda.init().status(), seconds(lambda.duration()));
			say("     event    %s", ORDER);
			say("     response %s", lambdaResponse);
			say("   Lambda's REPORT line for it (init measured from process start to the first next call):");
			say("     %s", lambda.report().replace("\t", "  "));
			String payload = response.get("payload").asString();
			require(response.get("signature").asString().equals(scenario.expectedSignature(payload)),
					"the signature does not match the generated signing key");
			say("   WEBHOOK_SIGNING_KEY was decrypted: the signature matches an HMAC under the generated key");
			require(response.get("paymentApiToken")
				.asString()
				.equals("<redacted, " + scenario.apiToken().length() + " characters>"), "the API token did not arrive");
			say("   PAYMENT_API_TOKEN was decrypted: it reached @ConfigurationProperties with the generated length");
			long decrypts = server.callCount("Decrypt");
			long ssmCalls = server.callCounts()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().contains("Parameter"))
				.mapToLong((entry) -> entry.getValue())
				.sum();
			require(decrypts == 2 && ssmCalls == 0, "expected 2 KMS Decrypt calls and no SSM call at runtime");
			say("   Cold start cost: %d KMS Decrypt calls (one per secret, %d in flight at once with the local KMS",
					decrypts, server.maxInFlight("Decrypt"));
			say("   answering after %d ms like a real round trip), 0 SSM calls", KMS_ROUND_TRIP.toMillis());
			ProcessResult run = check(scenario.runRepackagedJar(ORDER), scenario);
			require(run.jsonLine().equals(lambdaResponse), "java -jar gave another answer");
			say("5. The Spring Boot jar, run with java -jar, gives the same signed webhook (%s)",
					seconds(run.duration()));
			server.faults().clear();
			server.faults().deny("Decrypt", scenario.keyArn());
			ProcessResult verify = scenario.verifyAsFunctionRole();
			require(!verify.succeeded() && verify.output().contains("2 would not decrypt"),
					"verify with kms:Decrypt denied did not fail the build");
			say("6. Before a deploy with kms:Decrypt denied on the key, mvn secret-baker:verify, as the");
			say("   function's role (assumed through STS), fails the build with dry runs that decrypt nothing:");
			verify.output()
				.lines()
				.filter((line) -> line.contains("would not decrypt") || line.contains("Secret '"))
				.map((line) -> line.replaceFirst("^\\[ERROR\\]\\s*", "")
					.replaceFirst("^Failed to execute goal .*?: (Verified )", "$1")
					.strip())
				.forEach((line) -> say("     %s", line));
			LambdaRun denied = scenario.invokeLambda(ORDER, Map.of());
			server.faults().clear();
			FunctionError initError = denied.init().error();
			require(denied.init().status() == Init.Status.FAILED && initError != null
					&& denied.init().exitCode() != null && denied.init().exitCode() == 1,
					"init with kms:Decrypt denied did not fail through init/error: " + denied.init());
			say("7. Deployed anyway, init fails: the runtime client posted to /runtime/init/error");
			say("   and exited with code %d, as Lambda reports it:", denied.init().exitCode());
			say("     Lambda-Runtime-Function-Error-Type: %s", initError.runtimeErrorType());
			say("     errorType    %s", initError.errorType());
			say("     errorMessage %s", initError.errorMessage());
			for (ProcessResult result : List.of(build, run, verify)) {
				List<String> leaks = scenario.leaksIn(result.output());
				require(leaks.isEmpty(), leaks + " appeared in the output of " + result.command());
			}
			for (String output : List.of(lambda.output(), lambdaResponse, denied.output(), initError.body())) {
				List<String> leaks = scenario.leaksIn(output);
				require(leaks.isEmpty(), leaks + " appeared in the output of a Lambda run");
			}
			say("   Secret values, their base64 or ciphertexts in the build's output, either function's log, the");
			say("   responses or the init error: none");
		}
		say("");
		say("Demo passed in %s.", seconds(Duration.ofNanos(System.nanoTime() - start)));
	}

	private static LambdaRun check(LambdaRun run, WebhookSignerScenario scenario) {
		if (run.init().status() != Init.Status.READY || run.invocation().status() != Invocation.Status.SUCCEEDED) {
			List<String> leaks = scenario.leaksIn(run.output());
			String tail = leaks.isEmpty() ? run.tail() : "(output withheld: it contains " + leaks + ")";
			throw new IllegalStateException("The Lambda run ended with init " + run.init().status() + " and invocation "
					+ run.invocation().status() + ":\n" + tail);
		}
		return run;
	}

	private static ProcessResult check(ProcessResult result, WebhookSignerScenario scenario) {
		if (!result.succeeded()) {
			List<String> leaks = scenario.leaksIn(result.output());
			String tail = leaks.isEmpty() ? result.tail() : "(output withheld: it contains " + leaks + ")";
			throw new IllegalStateException(
					result.command() + " failed with exit code " + result.exitCode() + ":\n" + tail);
		}
		return result;
	}

	private static void require(boolean condition, String failure) {
		if (!condition) {
			throw new IllegalStateException("Demo check failed: " + failure);
		}
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static void say(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

}
