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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.SdkBytes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks that the AWS CLI and boto3 read the server's dry runs and {@code AssumeRole} as
 * they read AWS's: {@code aws kms decrypt --dry-run} and boto3's
 * {@code decrypt(DryRun=True)} get the modelled error of each case, as the assumed role.
 * Skipped where the AWS CLI or boto3 is not installed.
 */
@LocalAwsTest
class AwsCliDryRunTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/orders-function";

	private final LocalAwsServer server;

	@TempDir
	Path folder;

	private String keyArn;

	private String parameterArn;

	private Path ciphertext;

	AwsCliDryRunTests(LocalAwsServer server) {
		this.server = server;
	}

	@BeforeEach
	void encrypt() throws IOException {
		this.keyArn = this.server.createKey();
		this.parameterArn = this.server.parameterArn("/orders/db");
		SdkBytes blob = this.server.kmsClient()
			.encrypt((request) -> request.keyId(this.keyArn)
				.plaintext(SdkBytes.fromUtf8String("v, a l\"ue\n"))
				.encryptionContext(Map.of("PARAMETER_ARN", this.parameterArn)))
			.ciphertextBlob();
		this.ciphertext = Files.write(this.folder.resolve("blob"), blob.asByteArray());
	}

	@Test
	void awsCliGetsTheErrorOfEachCaseAsTheAssumedRole() throws Exception {
		assumeTrue(run(List.of("aws", "--version"), Map.of()).exitCode() == 0, "the AWS CLI is not installed");
		Map<String, String> role = assumeRoleWithCli();
		assertThat(cliDryRun(role)).contains("(DryRunOperationException)");
		this.server.faults().denyTo(ROLE, "Decrypt", "*", "PARAMETER_ARN", this.parameterArn);
		assertThat(cliDryRun(role)).contains("(AccessDeniedException)").contains("assumed-role/orders-function/cli");
		this.server.faults().clear();
		this.server.kmsClient().disableKey((request) -> request.keyId(this.keyArn));
		assertThat(cliDryRun(role)).contains("(DisabledException)");
	}

	@Test
	void boto3GetsTheErrorOfEachCase() throws Exception {
		assumeTrue(run(List.of("python3", "-c", "import boto3"), Map.of()).exitCode() == 0, "boto3 is not installed");
		String script = """
				import boto3, sys
				sts = boto3.client('sts', endpoint_url=sys.argv[1], region_name=sys.argv[2])
				c = sts.assume_role(RoleArn=sys.argv[3], RoleSessionName='boto3')['Credentials']
				kms = boto3.client('kms', endpoint_url=sys.argv[1], region_name=sys.argv[2],
				    aws_access_key_id=c['AccessKeyId'], aws_secret_access_key=c['SecretAccessKey'],
				    aws_session_token=c['SessionToken'])
				try:
				    kms.decrypt(CiphertextBlob=open(sys.argv[4], 'rb').read(), KeyId=sys.argv[5],
				        EncryptionContext={'PARAMETER_ARN': sys.argv[6]}, DryRun=True)
				    print('no error')
				except kms.exceptions.DryRunOperationException:
				    print('DryRunOperationException')
				except kms.exceptions.DisabledException:
				    print('DisabledException')
				except Exception as e:
				    print(e.response['Error']['Code'])
				""";
		Path file = Files.writeString(this.folder.resolve("dry_run.py"), script);
		List<String> command = List.of("python3", file.toString(), this.server.endpoint().toString(),
				this.server.region(), ROLE, this.ciphertext.toString(), this.keyArn, this.parameterArn);
		assertThat(run(command, credentials()).output()).isEqualTo("DryRunOperationException\n");
		this.server.faults().denyTo(ROLE, "Decrypt", this.keyArn);
		assertThat(run(command, credentials()).output()).isEqualTo("AccessDeniedException\n");
		this.server.faults().clear();
		this.server.kmsClient().disableKey((request) -> request.keyId(this.keyArn));
		assertThat(run(command, credentials()).output()).isEqualTo("DisabledException\n");
	}

	private Map<String, String> assumeRoleWithCli() throws Exception {
		Result assumed = run(
				List.of("aws", "sts", "assume-role", "--role-arn", ROLE, "--role-session-name", "cli", "--endpoint-url",
						this.server.endpoint().toString(), "--region", this.server.region(), "--output", "json"),
				credentials());
		assertThat(assumed.exitCode()).as(assumed.output()).isZero();
		JsonNode credentials = JsonMapper.shared().readTree(assumed.output()).get("Credentials");
		return Map.of("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asString(), "AWS_SECRET_ACCESS_KEY",
				credentials.get("SecretAccessKey").asString(), "AWS_SESSION_TOKEN",
				credentials.get("SessionToken").asString());
	}

	private String cliDryRun(Map<String, String> credentials) throws Exception {
		Result result = run(List.of("aws", "kms", "decrypt", "--dry-run", "--ciphertext-blob",
				"fileb://" + this.ciphertext, "--key-id", this.keyArn, "--encryption-context",
				"{\"PARAMETER_ARN\":\"" + this.parameterArn + "\"}", "--endpoint-url",
				this.server.endpoint().toString(), "--region", this.server.region()), credentials);
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		return result.output();
	}

	private Map<String, String> credentials() {
		AwsCredentials credentials = this.server.credentialsProvider().resolveCredentials();
		return Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
				credentials.secretAccessKey());
	}

	private Result run(List<String> command, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("AWS_"));
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_CONFIG_FILE", this.folder.resolve("no-config").toString());
		env.put("AWS_SHARED_CREDENTIALS_FILE", this.folder.resolve("no-credentials").toString());
		env.putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return new Result(-1, "");
		}
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {
	}

}
