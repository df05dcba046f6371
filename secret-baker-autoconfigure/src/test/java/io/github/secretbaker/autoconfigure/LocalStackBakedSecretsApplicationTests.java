package io.github.secretbaker.autoconfigure;

import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration suite against LocalStack's KMS, run with
 * {@code -Daws.backend=localstack} on a machine with Docker and skipped elsewhere.
 */
@EnabledIfSystemProperty(named = "aws.backend", matches = "localstack")
@ExtendWith(AwsBackendExtension.class)
class LocalStackBakedSecretsApplicationTests extends BakedSecretsApplicationContractTests {

	private final AwsBackend backend;

	LocalStackBakedSecretsApplicationTests(AwsBackend backend) {
		this.backend = backend;
	}

	@Override
	protected AwsBackend backend() {
		return this.backend;
	}

}
