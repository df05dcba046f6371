package io.github.secretbaker.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.secretbaker.kms.KmsClientFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Keeps one {@link KmsClient} per process and settings, so a context refresh or lazy
 * decryption reuses the client the cold start built.
 */
final class SharedKmsClients {

	private static final Map<Settings, KmsClient> clients = new ConcurrentHashMap<>();

	private SharedKmsClients() {
	}

	static KmsClient get(@Nullable String region, @Nullable URI endpoint, Duration timeout) {
		return clients.computeIfAbsent(new Settings(region, endpoint, timeout),
				(settings) -> new KmsClientFactory().region(settings.region())
					.endpoint(settings.endpoint())
					.timeout(settings.timeout())
					.createClient());
	}

	private record Settings(@Nullable String region, @Nullable URI endpoint, Duration timeout) {
	}

}
