package io.github.secretbaker.benchmarks.coldstart;

import java.net.URI;
import java.util.List;

/**
 * A way for the benchmark function to get its secrets: which built function module is its
 * class path and which system properties configure it.
 *
 * @since 0.1.0
 */
public enum Variant {

	/**
	 * The function without any secrets library and without secrets.
	 */
	BASELINE("baseline", "function", false),

	/**
	 * secret-baker decrypting every baked secret at startup, in parallel.
	 */
	EAGER("secret-baker eager", "function-secret-baker", true),

	/**
	 * secret-baker decrypting every baked secret at startup with up to 100 calls in flight
	 * ({@code secret-baker.concurrency=100}), so that 100 secrets take one round trip.
	 */
	EAGER_UNBOUNDED("secret-baker eager, concurrency 100", "function-secret-baker", true),

	/**
	 * A prototype of the proposed fix, not the starter: the baked secrets decrypted on a
	 * background thread while the application context refreshes, awaited once it has.
	 */
	OVERLAPPED("prototype: eager in the background", "function-overlapped", true),

	/**
	 * secret-baker decrypting each baked secret on its first read; the function reads one.
	 */
	LAZY("secret-baker lazy", "function-secret-baker", true),

	/**
	 * Spring Cloud AWS importing the SecureStrings from Parameter Store as config data,
	 * decrypted by SSM ({@code WithDecryption}).
	 */
	SPRING_CLOUD_AWS("Spring Cloud AWS import", "function-spring-cloud-aws", false),

	/**
	 * secret-baker with {@code secret-baker.concurrency=1}: one KMS {@code Decrypt} after
	 * another, as the Node plugin's snippets decrypt.
	 */
	SERIAL("serial decryption", "function-secret-baker", true);

	private final String label;

	private final String module;

	private final boolean baked;

	Variant(String label, String module, boolean baked) {
		this.label = label;
		this.module = module;
		this.baked = baked;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the folder, under {@code benchmarks}, of the function module that is this
	 * variant's class path.
	 * @return the module folder name
	 */
	public String module() {
		return this.module;
	}

	/**
	 * Return whether the variant reads the baked secrets file from its class path.
	 * @return whether baked
	 */
	public boolean baked() {
		return this.baked;
	}

	/**
	 * Return whether the function gets the secrets, so that its answer carries the length of
	 * the secret it reads.
	 * @return whether the variant has secrets
	 */
	public boolean hasSecrets() {
		return this != BASELINE;
	}

	/**
	 * Return the system properties that configure the variant.
	 * @param endpoint the local server's endpoint
	 * @param parameterPath the Parameter Store path holding the secrets, ending with {@code /}
	 * @return the properties, as {@code -Dname=value} options
	 */
	public List<String> systemProperties(URI endpoint, String parameterPath) {
		return switch (this) {
			case BASELINE -> List.of();
			case EAGER -> List.of("-Dsecret-baker.endpoint=" + endpoint, "-Dsecret-baker.mode=eager");
			case EAGER_UNBOUNDED -> List.of("-Dsecret-baker.endpoint=" + endpoint, "-Dsecret-baker.mode=eager",
					"-Dsecret-baker.concurrency=100");
			case OVERLAPPED -> List.of("-Dsecret-baker.endpoint=" + endpoint);
			case LAZY -> List.of("-Dsecret-baker.endpoint=" + endpoint, "-Dsecret-baker.mode=lazy");
			case SERIAL -> List.of("-Dsecret-baker.endpoint=" + endpoint, "-Dsecret-baker.mode=eager",
					"-Dsecret-baker.concurrency=1", "-Dsecret-baker.timeout=60s");
			case SPRING_CLOUD_AWS -> List.of("-Dspring.config.import=aws-parameterstore:" + parameterPath,
					"-Dspring.cloud.aws.parameterstore.endpoint=" + endpoint);
		};
	}

}
