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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.test.LocalAwsServerMain.Options;
import io.github.secretbaker.test.LocalAwsServerMain.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.InvalidKeyIdException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LocalAwsServerMain} and the {@link SeedFile} format.
 */
class LocalAwsServerMainTests {

	@TempDir
	Path directory;

	@Test
	void parsesEveryOption() {
		Options options = Options.parse("--port", "4566", "--account-id=210987654321", "--region", "eu-west-1",
				"--seed", "seed.yaml", "--latency", "Decrypt=25ms", "--throttle", "GetParameters=2", "--rate-limit",
				"*=50", "--fail", "Encrypt=1", "--hang", "GetParameter=1", "--deny", "Decrypt=alias/app",
				"--partial-pages", "DescribeParameters", "--partial-pages", "*=42");
		assertThat(options.port()).isEqualTo(4566);
		assertThat(options.accountId()).isEqualTo("210987654321");
		assertThat(options.region()).isEqualTo("eu-west-1");
		assertThat(options.seed()).isEqualTo(Path.of("seed.yaml"));
		assertThat(options.faults()).hasSize(8);
		assertThat(options.help()).isFalse();
	}

	@Test
	void reportsEveryProblemAtOnce() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> Options.parse("--port", "x", "--account-id", "12", "--latency", "Decrypt", "--fail",
					"Decrpyt=1", "--bogus", "--throttle", "Encrypt=-1", "--seed"))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(7)
				.anySatisfy((problem) -> assertThat(problem).startsWith("--port x"))
				.anySatisfy((problem) -> assertThat(problem).contains("Account id must be 12 digits"))
				.anySatisfy((problem) -> assertThat(problem).contains("expected OPERATION=VALUE"))
				.anySatisfy((problem) -> assertThat(problem).contains("Unknown operation 'Decrpyt'"))
				.anySatisfy((problem) -> assertThat(problem).isEqualTo("unknown option '--bogus'"))
				.anySatisfy((problem) -> assertThat(problem).contains("count must be"))
				.anySatisfy((problem) -> assertThat(problem).isEqualTo("--seed needs a value")));
	}

	@Test
	void parsesHelp() {
		assertThat(Options.parse("--help").help()).isTrue();
		assertThat(LocalAwsServerMain.usage()).contains("--seed FILE").contains("--deny OP=RESOURCE");
	}

	@Test
	void parsesDurations() {
		assertThat(Options.parseDuration("25ms")).isEqualTo(Duration.ofMillis(25));
		assertThat(Options.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Options.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Options.parseDuration("PT0.1S")).isEqualTo(Duration.ofMillis(100));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parseDuration("soon"));
	}

	@Test
	void startsSeededServerWithFaults() throws IOException {
		Path seed = write("seed.yaml", """
				keys:
				  - id: 0b7e5a2c-1f4d-4c7a-9e55-3a1d2b9c8e01
				    alias: alias/app
				    aliases: [alias/app-too]
				    description: Application secrets
				  - alias: alias/retired
				    enabled: false
				parameters:
				  - name: /app/db/password
				    type: SecureString
				    value: s3cr3t
				    keyId: alias/app
				    description: Database password
				  - name: /app/url
				    value: https://example.com
				  - name: /app/hosts
				    type: StringList
				    value: [a.example.com, b.example.com]
				  - name: /app/large
				    value: large
				    tier: Advanced
				""");
		try (LocalAwsServer server = LocalAwsServerMain
			.start(Options.parse("--seed", seed.toString(), "--region", "eu-west-1", "--fail", "ListKeys=1"))) {
			assertThat(server.region()).isEqualTo("eu-west-1");
			KeyMetadata key = server.kmsClient().describeKey((request) -> request.keyId("alias/app-too")).keyMetadata();
			assertThat(key.arn())
				.isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/0b7e5a2c-1f4d-4c7a-9e55-3a1d2b9c8e01");
			assertThat(key.description()).isEqualTo("Application secrets");
			assertThat(
					server.kmsClient().describeKey((request) -> request.keyId("alias/retired")).keyMetadata().enabled())
				.isFalse();
			Parameter password = server.ssmClient()
				.getParameter((request) -> request.name("/app/db/password"))
				.parameter();
			SdkBytes ciphertext = SdkBytes.fromByteArray(Base64.getDecoder().decode(password.value()));
			assertThat(server.kmsClient()
				.decrypt((request) -> request.ciphertextBlob(ciphertext)
					.encryptionContext(Map.of("PARAMETER_ARN", password.arn())))
				.plaintext()
				.asUtf8String()).isEqualTo("s3cr3t");
			assertThat(server.ssmClient().getParameter((request) -> request.name("/app/hosts")).parameter())
				.satisfies((hosts) -> {
					assertThat(hosts.type()).isEqualTo(ParameterType.STRING_LIST);
					assertThat(hosts.value()).isEqualTo("a.example.com,b.example.com");
				});
			assertThat(server.ssmClient().getParameter((request) -> request.name("/app/url")).parameter().type())
				.isEqualTo(ParameterType.STRING);
			server.kmsClient().listKeys();
			assertThat(server.callCount("ListKeys")).isEqualTo(2);
		}
	}

	@Test
	void deniesGetParametersOnTheParameterArnOfDenyFlag() {
		String arn = "arn:aws:ssm:eu-west-1:210987654321:parameter/app/url";
		try (LocalAwsServer server = LocalAwsServerMain.start(Options.parse("--region", "eu-west-1", "--account-id",
				"210987654321", "--deny", "GetParameters=" + arn))) {
			assertThat(server.putString("/app/url", "https://example.com")).isEqualTo(arn);
			server.putString("/app/other", "https://example.org");
			for (String name : List.of("/app/url", arn)) {
				assertThatExceptionOfType(AccessDeniedException.class).as(name)
					.isThrownBy(() -> server.ssmClient().getParameters((request) -> request.names(name)))
					.withMessageContaining(arn);
			}
			assertThat(server.ssmClient().getParameters((request) -> request.names("/app/other")).parameters())
				.extracting(Parameter::value)
				.containsExactly("https://example.org");
			assertThat(server.ssmClient().getParameter((request) -> request.name("/app/url")).parameter().value())
				.isEqualTo("https://example.com");
		}
	}

	@Test
	void refusesDenyRulesThatCanNeverMatch() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Options.parse("--account-id", "210987654321",
				"--deny", "Decrypt=arn:aws:kms:us-east-1:123456789012:alias/app", "--deny",
				"GetParameter=arn:aws:kms:us-east-1:210987654321:key/0b7e5a2c-1f4d-4c7a-9e55-3a1d2b9c8e01", "--deny",
				"Decrypt=/app/url", "--deny", "Decrypt=arn:aws:ssm:us-east-1:210987654321:parameter/app/url", "--deny",
				"ListKeys=alias/app", "--deny", "GetParameter=arn:aws:ssm:us-east-1:210987654321:document/x", "--deny",
				"GetParameter=arn:aws:s3:::bucket", "--deny", "Decrypt=arn:aws:kms"))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(8)
				.allSatisfy((problem) -> assertThat(problem).startsWith("--deny ").contains("can never match")));
		assertThat(Options
			.parse("--account-id", "210987654321", "--deny", "GetParameters=arn:aws:ssm:*:210987654321:parameter/app/*",
					"--deny", "*=arn:aws:kms:*", "--deny", "ListKeys=*", "--deny", "Decrypt=alias/app", "--deny",
					"GetParameter=/app/url")
			.faults()).hasSize(5);
	}

	@Test
	void readsJsonSeed() throws IOException {
		Path seed = write("seed.json",
				"""
						{"keys": [{"alias": "alias/app", "enabled": false}],
						 "parameters": [{"name": "/app/password", "type": "SecureString", "value": "s3cr3t", "keyId": "alias/app"}]}
						""");
		try (LocalAwsServer server = LocalAwsServerMain.start(Options.parse("--seed", seed.toString()))) {
			assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> server.kmsClient()
				.encrypt((request) -> request.keyId("alias/app").plaintext(SdkBytes.fromUtf8String("x"))));
			assertThatExceptionOfType(InvalidKeyIdException.class).isThrownBy(() -> server.ssmClient()
				.getParameter((request) -> request.name("/app/password").withDecryption(true)));
		}
	}

	@Test
	void rejectsInvalidSeedsNamingTheEntry() throws IOException {
		Path unknownField = write("unknown.yaml", "keys:\n  - alias: alias/app\n    colour: blue\n");
		assertThatIllegalArgumentException().isThrownBy(() -> SeedFile.read(unknownField))
			.withMessageContaining("colour");
		Path badKey = write("bad-key.yaml",
				"parameters:\n  - name: /app/x\n    type: SecureString\n    value: v\n" + "    keyId: alias/missing\n");
		try (LocalAwsServer server = LocalAwsServer.builder().build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> SeedFile.read(badKey).applyTo(server))
				.withMessageStartingWith("parameters[0] (/app/x): InvalidKeyId")
				.withMessageNotContaining("v\n");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> SeedFile.read(this.directory.resolve("missing.json")))
			.withMessageContaining("missing.json");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
