package io.github.secretbaker.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.KmsDecrypters;

/**
 * Keeps one {@link KmsDecrypter} per process and settings, so a context refresh, lazy
 * decryption or a restore from a snapshot reuses the client the cold start built.
 */
final class SharedKmsDecrypters {

	private static final Map<Key, KmsDecrypter> clients = new ConcurrentHashMap<>();

	private SharedKmsDecrypters() {
	}

	static KmsDecrypter get(KmsClientType type, KmsClientSettings settings) {
		return clients.computeIfAbsent(new Key(type, settings), (key) -> KmsDecrypters.create(key.type(), key.settings()));
	}

	private record Key(KmsClientType type, KmsClientSettings settings) {
	}

}
