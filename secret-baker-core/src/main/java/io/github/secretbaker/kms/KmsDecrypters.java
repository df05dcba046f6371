package io.github.secretbaker.kms;

import java.util.Objects;

import io.github.secretbaker.kms.http.HttpKmsDecrypter;
import io.github.secretbaker.kms.sdk.KmsClientFactory;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;

/**
 * Creates the {@link KmsDecrypter} of a {@link KmsClientType}. Each implementation's classes
 * are loaded only when it is chosen.
 *
 * @since 0.1.0
 */
public final class KmsDecrypters {

	private KmsDecrypters() {
	}

	/**
	 * Create a client of the given type. The caller owns it and closes it.
	 * @param type the implementation
	 * @param settings the region, endpoint, FIPS choice and timeout
	 * @return the client
	 * @throws KmsDecryptException of kind
	 * {@link SecretDecryptionFailure.Kind#CLIENT_CONFIGURATION} if the client cannot be
	 * created, typically because no region is known
	 */
	public static KmsDecrypter create(KmsClientType type, KmsClientSettings settings) {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		return switch (type) {
			case HTTP -> Http.create(settings);
			case SDK -> Sdk.create(settings);
		};
	}

	/**
	 * Keeps the light client's classes out of the way until it is chosen.
	 */
	private static final class Http {

		static KmsDecrypter create(KmsClientSettings settings) {
			return HttpKmsDecrypter.create(settings);
		}

	}

	/**
	 * Keeps the SDK's classes out of the way until the SDK client is chosen.
	 */
	private static final class Sdk {

		static KmsDecrypter create(KmsClientSettings settings) {
			return SdkKmsDecrypter.create(new KmsClientFactory().region(settings.region())
				.endpoint(settings.endpoint())
				.fips(settings.fips())
				.allowInsecureEndpoint(settings.allowInsecureEndpoint())
				.timeout(settings.timeout()));
		}

	}

}
