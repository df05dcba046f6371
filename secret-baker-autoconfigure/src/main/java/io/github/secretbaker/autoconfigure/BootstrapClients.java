package io.github.secretbaker.autoconfigure;

import java.util.function.Function;

import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Finds a KMS client that the application registered in the bootstrap context (with a
 * {@code BootstrapRegistryInitializer}, as Spring Cloud AWS takes its clients): a
 * {@link KmsDecrypter}, or else an AWS SDK {@link KmsClient}. Beans cannot be used, since
 * decryption starts before the application context exists. The bootstrap context is given
 * as a look-up, since its package depends on the Spring Boot line.
 */
final class BootstrapClients {

	private static final boolean SDK_PRESENT = ClassUtils.isPresent("software.amazon.awssdk.services.kms.KmsClient",
			BootstrapClients.class.getClassLoader());

	private BootstrapClients() {
	}

	static @Nullable KmsDecrypter find(Function<Class<?>, @Nullable Object> registered) {
		if (registered.apply(KmsDecrypter.class) instanceof KmsDecrypter decrypter) {
			return decrypter;
		}
		return SDK_PRESENT ? Sdk.find(registered) : null;
	}

	/**
	 * Keeps the SDK's classes unloaded unless it is on the class path.
	 */
	private static final class Sdk {

		static @Nullable KmsDecrypter find(Function<Class<?>, @Nullable Object> registered) {
			return (registered.apply(KmsClient.class) instanceof KmsClient client) ? SdkKmsDecrypter.of(client) : null;
		}

	}

}
