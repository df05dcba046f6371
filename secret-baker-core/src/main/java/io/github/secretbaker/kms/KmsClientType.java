package io.github.secretbaker.kms;

/**
 * Which {@link KmsDecrypter} implementation calls KMS.
 *
 * @since 0.1.0
 */
public enum KmsClientType {

	/**
	 * The light client: the JDK's HTTP client, the AWS SDK's SigV4 signer and credential
	 * providers, and no SDK service client, so a cold start loads a fraction of the classes.
	 */
	HTTP,

	/**
	 * The AWS SDK's {@code KmsClient}, which needs {@code software.amazon.awssdk:kms} on the
	 * class path: core declares it optional, so the light client's functions go without it.
	 */
	SDK;

	/**
	 * The client used unless another is chosen.
	 */
	public static final KmsClientType DEFAULT = HTTP;

}
