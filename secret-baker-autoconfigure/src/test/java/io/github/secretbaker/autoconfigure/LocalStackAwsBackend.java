package io.github.secretbaker.autoconfigure;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * LocalStack's KMS. LocalStack's SSM does not return SecureString ciphertexts, so secrets are
 * baked with KMS {@code Encrypt} and the {@code PARAMETER_ARN} context, which is what
 * Parameter Store does for the standard tier.
 */
final class LocalStackAwsBackend implements AwsBackend {

	private static final String ACCOUNT_ID = "000000000000";

	private final LocalStackContainer container;

	private final KmsClient kms;

	LocalStackAwsBackend(LocalStackContainer container) {
		this.container = container;
		this.kms = KmsClient.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(container.getRegion()))
			.endpointOverride(container.getEndpoint())
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())))
			.build();
	}

	@Override
	public String region() {
		return this.container.getRegion();
	}

	@Override
	public URI endpoint() {
		return this.container.getEndpoint();
	}

	@Override
	public String createKey() {
		return this.kms.createKey((request) -> request.description("secret-baker test")).keyMetadata().arn();
	}

	@Override
	public BakedSecret bake(String name, String value, String keyArn) {
		String arn = "arn:aws:ssm:" + region() + ":" + ACCOUNT_ID + ":parameter/app/" + name.toLowerCase(Locale.ROOT);
		byte[] ciphertext = this.kms
			.encrypt((request) -> request.keyId(keyArn)
				.plaintext(SdkBytes.fromUtf8String(value))
				.encryptionContext(Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, arn)))
			.ciphertextBlob()
			.asByteArray();
		return new BakedSecret(name, Base64.getEncoder().encodeToString(ciphertext), arn, 1L, keyArn,
				BakedSecret.STANDARD_TIER);
	}

	@Override
	public void disableKey(String keyArn) {
		this.kms.disableKey((request) -> request.keyId(keyArn));
	}

}
