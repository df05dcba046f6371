package io.github.secretbaker.autoconfigure;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The integration suite against LocalStack's KMS, run with {@code -Daws.backend=localstack}
 * on a machine with Docker and skipped elsewhere.
 */
@EnabledIfSystemProperty(named = "aws.backend", matches = "localstack")
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBakedSecretsApplicationTests extends BakedSecretsApplicationContractTests {

	@Container
	static final LocalStackContainer localStack = new LocalStackContainer(
			DockerImageName.parse(System.getProperty("localstack.image", "localstack/localstack:4.4")))
		.withServices("kms");

	private static LocalStackAwsBackend backend;

	@Override
	protected AwsBackend backend() {
		if (backend == null) {
			backend = new LocalStackAwsBackend(localStack);
		}
		return backend;
	}

}
