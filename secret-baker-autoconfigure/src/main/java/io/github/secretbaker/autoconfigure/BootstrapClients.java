package io.github.secretbaker.autoconfigure;

import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.sdk.SdkKmsDecrypter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.bootstrap.BootstrapContext;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Finds a KMS client that the application registered in the {@link BootstrapContext}
 * (with a {@code BootstrapRegistryInitializer}, as Spring Cloud AWS takes its clients): a
 * {@link KmsDecrypter}, or else an AWS SDK {@link KmsClient}. Beans cannot be used, since
 * decryption starts before the application context exists.
 */
final class BootstrapClients {

	private static final boolean SDK_PRESENT = ClassUtils.isPresent("software.amazon.awssdk.services.kms.KmsClient",
			BootstrapClients.class.getClassLoader());

	private BootstrapClients() {
	}

	static @Nullable KmsDecrypter find(BootstrapContext context) {
		if (context.isRegistered(KmsDecrypter.class)) {
			return context.get(KmsDecrypter.class);
		}
		return SDK_PRESENT ? Sdk.find(context) : null;
	}

	/**
	 * Keeps the SDK's classes unloaded unless it is on the class path.
	 */
	private static final class Sdk {

		static @Nullable KmsDecrypter find(BootstrapContext context) {
			return context.isRegistered(KmsClient.class) ? SdkKmsDecrypter.of(context.get(KmsClient.class)) : null;
		}

	}

}
