package io.github.secretbaker.autoconfigure;

import java.net.URI;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.test.LocalAwsServer;

/**
 * The local KMS and SSM server, baking through Parameter Store as the bake step does.
 */
record LocalAwsBackend(LocalAwsServer server) implements AwsBackend {

	@Override
	public String region() {
		return this.server.region();
	}

	@Override
	public URI endpoint() {
		return this.server.endpoint();
	}

	@Override
	public String createKey() {
		return this.server.createKey();
	}

	@Override
	public BakedSecret bake(String name, String value, String keyArn) {
		return BakedSecretFixtures.bake(this.server, name, value, keyArn);
	}

	@Override
	public void disableKey(String keyArn) {
		this.server.kmsClient().disableKey((request) -> request.keyId(keyArn));
	}

}
