package io.github.secretbaker.bake;

import java.net.URI;
import java.util.UUID;

import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Helpers shared by the tests: generated secret values and clients built the way the
 * command line builds them.
 */
public final class TestSecrets {

	private TestSecrets() {
	}

	/**
	 * Return a new random secret value.
	 * @return the value
	 */
	public static String newValue() {
		return "value-" + UUID.randomUUID();
	}

	/**
	 * Create an SSM client for the server with {@link AwsClientOptions}, as the command line
	 * does, adaptive retry included. Its credentials come from {@link LocalCredentials}.
	 * @param server the server
	 * @return a new client
	 */
	public static SsmClient bakeClient(LocalAwsServer server) {
		return bakeOptions(server).createSsmClient();
	}

	/**
	 * Create a KMS client for the server with {@link AwsClientOptions}, as the command line
	 * does.
	 * @param server the server
	 * @return a new client
	 */
	public static KmsClient bakeKmsClient(LocalAwsServer server) {
		return bakeOptions(server).createKmsClient();
	}

	/**
	 * Return the options the command line would use for the server; the test class needs
	 * {@link LocalCredentials} for the credentials.
	 * @param server the server
	 * @return the options
	 */
	public static AwsClientOptions bakeOptions(LocalAwsServer server) {
		URI endpoint = server.endpoint();
		return new AwsClientOptions(server.region(), null, endpoint, AwsClientOptions.DEFAULT_MAX_ATTEMPTS);
	}

}
