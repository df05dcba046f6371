package io.github.secretbaker.autoconfigure;

import java.net.URI;

import io.github.secretbaker.format.BakedSecret;

/**
 * The AWS KMS (and, where it can, SSM) that an integration suite runs against.
 */
interface AwsBackend {

	/**
	 * Return the region of the keys.
	 * @return the region
	 */
	String region();

	/**
	 * Return the endpoint to point {@code secret-baker.endpoint} at.
	 * @return the endpoint
	 */
	URI endpoint();

	/**
	 * Create a symmetric encryption key.
	 * @return the key ARN
	 */
	String createKey();

	/**
	 * Return a secret baked as the bake step does: the ciphertext of the value under the key,
	 * bound to the {@code PARAMETER_ARN} context of a parameter named after the secret.
	 * @param name the secret name
	 * @param value the plaintext
	 * @param keyArn the key ARN
	 * @return the baked secret
	 */
	BakedSecret bake(String name, String value, String keyArn);

	/**
	 * Disable a key.
	 * @param keyArn the key ARN
	 */
	void disableKey(String keyArn);

}
