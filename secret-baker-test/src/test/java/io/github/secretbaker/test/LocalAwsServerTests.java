package io.github.secretbaker.test;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.ssm.model.Parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LocalAwsServer}.
 *
 * @author secret-baker
 */
class LocalAwsServerTests {

	private static LocalAwsServer server;

	@BeforeAll
	static void startServer() {
		server = LocalAwsServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void storesSecureStringAsCiphertextBoundToParameterArn() {
		String arn = server.putSecureString("/app/db/password", "s3cr3t");
		Parameter parameter = server.ssmClient()
			.getParameter((request) -> request.name("/app/db/password").withDecryption(false))
			.parameter();
		assertThat(parameter.value()).isNotEqualTo("s3cr3t");
		SdkBytes ciphertext = SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(parameter.value()));
		String plaintext = server.kmsClient()
			.decrypt((request) -> request.ciphertextBlob(ciphertext).encryptionContext(Map.of("PARAMETER_ARN", arn)))
			.plaintext()
			.asUtf8String();
		assertThat(plaintext).isEqualTo("s3cr3t");
		assertThatExceptionOfType(InvalidCiphertextException.class).isThrownBy(() -> server.kmsClient()
			.decrypt((request) -> request.ciphertextBlob(ciphertext)));
	}

}
