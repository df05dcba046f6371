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

package io.github.secretbaker.autoconfigure;

import java.util.List;

import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretDecryptionFailureAnalyzer}.
 */
class SecretDecryptionFailureAnalyzerTests {

	private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String DB_ARN = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db_password";

	private static final String API_ARN = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/api_key";

	private final SecretDecryptionFailureAnalyzer analyzer = new SecretDecryptionFailureAnalyzer();

	@Test
	void describesEveryFailedSecret() {
		FailureAnalysis analysis = analyze(
				new SecretDecryptionFailure("DB_PASSWORD", DB_ARN, KEY_ARN, "AccessDeniedException", Kind.ACCESS_DENIED,
						"not authorized"),
				new SecretDecryptionFailure("API_KEY", API_ARN, null, null, Kind.TIMEOUT, "no answer"));
		assertThat(analysis.getDescription()).contains("Failed to decrypt 2 of 5 baked secrets")
			.contains("DB_PASSWORD", DB_ARN, KEY_ARN, "AccessDeniedException (ACCESS_DENIED)", "not authorized")
			.contains("API_KEY", API_ARN, "not recorded in the baked file", "none from KMS (TIMEOUT)");
	}

	@Test
	void describesAFailureSharedByEverySecretOnce() {
		FailureAnalysis analysis = this.analyzer.analyze(new SecretDecryptionException(List.of(
				new SecretDecryptionFailure("DB_PASSWORD", DB_ARN, KEY_ARN, null, Kind.CLIENT_CONFIGURATION,
						"no AWS credentials found"),
				new SecretDecryptionFailure("API_KEY", API_ARN, KEY_ARN, null, Kind.CLIENT_CONFIGURATION,
						"no AWS credentials found")),
				2));
		assertThat(analysis.getDescription()).isEqualTo("""
				Failed to decrypt all 2 baked secrets with KMS, for the same reason:

				    secrets:   DB_PASSWORD, API_KEY
				    error:     none from KMS (CLIENT_CONFIGURATION)
				    detail:    no AWS credentials found
				""");
	}

	@Test
	void showsThePolicyStatementThatGrantsDecryptForTheParameters() {
		FailureAnalysis analysis = analyze(
				new SecretDecryptionFailure("DB_PASSWORD", DB_ARN, KEY_ARN, "AccessDeniedException", Kind.ACCESS_DENIED,
						"not authorized"),
				new SecretDecryptionFailure("API_KEY", API_ARN, KEY_ARN, "AccessDeniedException", Kind.ACCESS_DENIED,
						"not authorized"));
		assertThat(analysis.getAction())
			.contains("Allow the function's execution role to decrypt DB_PASSWORD, API_KEY");
		JsonNode statement = statementIn(analysis.getAction());
		assertThat(statement.get("Action").asString()).isEqualTo("kms:Decrypt");
		assertThat(strings(statement.get("Resource"))).containsExactly(KEY_ARN);
		assertThat(strings(statement.at("/Condition/StringEquals/kms:EncryptionContext:PARAMETER_ARN")))
			.containsExactlyInAnyOrder(DB_ARN, API_ARN);
	}

	@Test
	void asksForTheKeyArnBehindARecordedAlias() {
		String aliasArn = "arn:aws:kms:eu-west-1:123456789012:alias/app";
		FailureAnalysis analysis = analyze(
				new SecretDecryptionFailure("DB_PASSWORD", DB_ARN, aliasArn, "AccessDeniedException",
						Kind.ACCESS_DENIED, "not authorized"),
				new SecretDecryptionFailure("API_KEY", API_ARN, aliasArn, "DisabledException", Kind.DISABLED,
						"disabled"));
		String key = "<ARN of the KMS key that " + aliasArn + " points to>";
		assertThat(analysis.getDescription()).contains("key:       " + aliasArn);
		assertThat(analysis.getAction()).contains("aws kms enable-key --key-id " + key);
		assertThat(strings(statementIn(analysis.getAction()).get("Resource"))).containsExactly(key);
	}

	@Test
	void saysWhatToDoForEachKindOfFailure() {
		FailureAnalysis analysis = analyze(failure("A", Kind.INVALID_CIPHERTEXT), failure("B", Kind.INCORRECT_KEY),
				failure("C", Kind.NOT_FOUND), failure("D", Kind.DISABLED), failure("E", Kind.INVALID_KEY_STATE),
				failure("F", Kind.THROTTLED), failure("G", Kind.SERVICE_ERROR), failure("H", Kind.NETWORK),
				failure("I", Kind.CLIENT_CONFIGURATION), failure("J", Kind.OTHER));
		assertThat(analysis.getAction()).contains("The ciphertext of A was altered")
			.contains("The ciphertext of B was not encrypted under the key recorded for it")
			.contains("KMS cannot find the key of C")
			.contains("aws kms enable-key --key-id " + KEY_ARN)
			.contains("cancel-key-deletion")
			.contains("Lower secret-baker.concurrency")
			.contains("KMS failed to decrypt G")
			.contains("KMS interface endpoint")
			.contains("set secret-baker.region")
			.contains("KMS refused to decrypt J");
	}

	@Test
	void findsTheFailureBehindABeanCreationException() {
		SecretDecryptionException cause = new SecretDecryptionException(
				List.of(failure("WEBHOOK_SIGNING_KEY", Kind.DISABLED)), 1);
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("secrets", "failed", cause));
		FailureAnalysis direct = this.analyzer.analyze(cause);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("WEBHOOK_SIGNING_KEY").isEqualTo(direct.getDescription());
		assertThat(analysis.getAction()).startsWith("Enable the key of WEBHOOK_SIGNING_KEY")
			.isEqualTo(direct.getAction());
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	private FailureAnalysis analyze(SecretDecryptionFailure... failures) {
		return this.analyzer.analyze(new SecretDecryptionException(List.of(failures), 5));
	}

	private static SecretDecryptionFailure failure(String name, Kind kind) {
		return new SecretDecryptionFailure(name, DB_ARN, KEY_ARN, "SomeException", kind, "detail");
	}

	/**
	 * Return the IAM statement that an action text shows, indented, after its first blank
	 * line.
	 */
	private static JsonNode statementIn(String action) {
		int start = action.indexOf("\n\n    {");
		int end = action.indexOf("\n    }", start);
		assertThat(start).as("statement in %s", action).isNotNegative();
		return JsonMapper.builder().build().readTree(action.substring(start, end + "\n    }".length()));
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
