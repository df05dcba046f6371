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

package io.github.secretbaker.autoconfigure.function;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.lambda.LocalLambdaInvoker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a Spring Cloud Function application through the AWS adapter's
 * {@link FunctionInvoker}, as the Lambda runtime does, and invokes it with Lambda events.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionInvokerTests {

	private static final Map<String, String> SYSTEM_PROPERTIES = new LinkedHashMap<>();

	private static LocalAwsServer server;

	private static String password;

	private static List<BakedSecret> baked;

	private static LocalLambdaInvoker invoker;

	private static long decryptCallsAtInit;

	@BeforeAll
	static void startFunction(@TempDir Path directory) {
		server = LocalAwsServer.start();
		String keyArn = server.createKey("alias/function");
		password = BakedSecretFixtures.randomValue();
		baked = List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", password, keyArn),
				BakedSecretFixtures.bake(server, "API_KEY", BakedSecretFixtures.randomValue(), keyArn));
		Path file = directory.resolve(BakedSecretsFile.DEFAULT_FILE_NAME);
		BakedSecretsFile.write(BakedSecrets.of(baked), file);
		server.resetCounters();
		setSystemProperty("MAIN_CLASS", CheckFunctionApplication.class.getName());
		setSystemProperty("spring.cloud.function.definition", "check");
		setSystemProperty("secret-baker.location", "file:" + file);
		setSystemProperty("secret-baker.region", server.region());
		setSystemProperty("secret-baker.endpoint", server.endpoint().toString());
		setSystemProperty("logging.level.io.github.secretbaker", "DEBUG");
		invoker = LocalLambdaInvoker.create(FunctionInvoker.class.getName() + "::handleRequest", "check",
				Duration.ofSeconds(30), FunctionInvokerTests.class.getClassLoader());
		decryptCallsAtInit = server.callCount("Decrypt");
	}

	@AfterAll
	static void stopFunction() {
		SYSTEM_PROPERTIES.forEach((name, previous) -> {
			if (previous != null) {
				System.setProperty(name, previous);
			}
			else {
				System.clearProperty(name);
			}
		});
		if (server != null) {
			server.close();
		}
	}

	@Test
	void deliversTheDecryptedSecretToTheFunction(CapturedOutput output) {
		JsonNode response = invoke("event-1");
		assertThat(response.get("id").asString()).isEqualTo("event-1");
		assertThat(response.get("passwordSha256").asString()).isEqualTo(CheckFunctionApplication.sha256(password));
		assertThat(output).doesNotContain(password);
		baked.forEach((secret) -> assertThat(output).doesNotContain(secret.ciphertext()));
	}

	@Test
	void decryptsEverySecretOnceDuringInit() {
		assertThat(decryptCallsAtInit).isEqualTo(2);
		invoke("event-2");
		invoke("event-3");
		assertThat(server.callCount("Decrypt")).isEqualTo(2);
	}

	private static JsonNode invoke(String id) {
		String event = "{\"version\":\"0\",\"id\":\"" + id + "\",\"detail-type\":\"Scheduled Event\","
				+ "\"source\":\"aws.events\",\"account\":\"123456789012\",\"time\":\"2026-01-01T00:00:00Z\","
				+ "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}";
		byte[] response = invoker.invoke(event.getBytes(StandardCharsets.UTF_8));
		return JsonMapper.builder().build().readTree(response);
	}

	private static void setSystemProperty(String name, String value) {
		SYSTEM_PROPERTIES.putIfAbsent(name, System.getProperty(name));
		System.setProperty(name, value);
	}

}
