package io.github.secretbaker.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Waits for a decryption going on in the background once every singleton bean has been
 * created, which is before any lifecycle bean, such as a web server, starts: a failure then
 * stops startup, through {@link SecretDecryptionFailureAnalyzer}, before the application
 * serves. The decryption overlaps everything Spring did until then.
 */
final class BakedSecretsStartupJoin implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(BakedSecretsEnvironmentPostProcessor.class);

	private final Environment environment;

	BakedSecretsStartupJoin(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		BakedSecretsPropertySource secrets = BakedSecretsPropertySource.from(this.environment);
		if (secrets != null) {
			secrets.join(logger);
		}
	}

}
