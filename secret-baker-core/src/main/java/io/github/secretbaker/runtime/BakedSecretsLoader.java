/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.secretbaker.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsLocation;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.KmsDecrypters;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.SecretValues;
import io.github.secretbaker.kms.internal.KeyRegions;
import org.jspecify.annotations.Nullable;

/**
 * Loads the baked secrets file and decrypts it, for handlers without Spring. Load once,
 * in a static field, so only the cold start pays for it:
 *
 * <pre class="code">
 * public class Handler implements RequestHandler&lt;Map&lt;String, Object&gt;, String&gt; {
 *
 *     private static final DecryptedSecrets SECRETS = BakedSecretsLoader.load();
 *
 *     public String handleRequest(Map&lt;String, Object&gt; event, Context context) {
 *         String password = SECRETS.require("DB_PASSWORD");
 *         ...
 *     }
 * }
 * </pre> {@link Builder#loadLazily()} decrypts each secret on its first read instead.
 *
 * @since 0.1.0
 */
public final class BakedSecretsLoader {

	private BakedSecretsLoader() {
	}

	/**
	 * Load {@code secret-baker-secrets.json} from the root of the classpath and decrypt
	 * every secret with a KMS client for the current region and credentials.
	 * @return the decrypted secrets
	 * @throws InvalidBakedSecretsException if the file is missing or not valid
	 * @throws SecretDecryptionException if any secret cannot be decrypted
	 */
	public static DecryptedSecrets load() {
		return builder().load();
	}

	/**
	 * Return a builder to change where the file is and how KMS is called.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Keep only the included secrets.
	 * @param secrets the secrets in the file
	 * @param include the names to keep, or {@code null} or empty to keep every secret
	 * @param location the file location for error messages
	 * @return the selected secrets
	 * @throws InvalidBakedSecretsException if an included name is not in the file
	 */
	public static BakedSecrets select(BakedSecrets secrets, @Nullable Collection<String> include, String location) {
		if (include == null || include.isEmpty()) {
			return secrets;
		}
		for (String name : include) {
			if (secrets.get(name) == null) {
				throw new InvalidBakedSecretsException(location, name, "is included but was not baked (baked: "
						+ String.join(", ", secrets.names()) + "); bake it or remove it from the included names", null);
			}
		}
		Set<String> names = Set.copyOf(include);
		return secrets.filter((secret) -> names.contains(secret.name()));
	}

	/**
	 * Builder that changes where the file is and how KMS is called.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private String location = BakedSecretsLocation.DEFAULT;

		private @Nullable ClassLoader classLoader;

		private @Nullable KmsDecrypter client;

		private KmsClientType clientType = KmsClientType.DEFAULT;

		private @Nullable Boolean fips;

		private @Nullable String region;

		private @Nullable URI endpoint;

		private boolean allowInsecureEndpoint;

		private Duration timeout = BakedSecretsDecrypter.DEFAULT_TIMEOUT;

		private int concurrency = BakedSecretsDecrypter.DEFAULT_CONCURRENCY;

		private @Nullable Set<String> include;

		private Builder() {
		}

		/**
		 * Set the location of the file: {@code classpath:} followed by a resource name,
		 * or a file path, optionally prefixed with {@code file:}.
		 * @param location the location
		 * @return this builder
		 */
		public Builder location(String location) {
			this.location = Objects.requireNonNull(location, "'location' must not be null");
			return this;
		}

		/**
		 * Set the class loader for {@code classpath:} locations, by default the one that
		 * loaded this class.
		 * @param classLoader the class loader
		 * @return this builder
		 */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * Set the KMS client to use instead of creating one, for example
		 * {@code SdkKmsDecrypter.of(kmsClient)} for an AWS SDK client of your own. The
		 * client is not closed.
		 * @param client the client
		 * @return this builder
		 */
		public Builder client(KmsDecrypter client) {
			this.client = Objects.requireNonNull(client, "'client' must not be null");
			return this;
		}

		/**
		 * Set which implementation calls KMS when no {@link #client(KmsDecrypter) client}
		 * is given; the light {@link KmsClientType#HTTP} client by default.
		 * @param clientType the implementation
		 * @return this builder
		 */
		public Builder clientType(KmsClientType clientType) {
			this.clientType = Objects.requireNonNull(clientType, "'clientType' must not be null");
			return this;
		}

		/**
		 * Set whether to call KMS's FIPS endpoint, by default as
		 * {@code AWS_USE_FIPS_ENDPOINT} says.
		 * @param fips whether to use the FIPS endpoint
		 * @return this builder
		 */
		public Builder fips(boolean fips) {
			this.fips = fips;
			return this;
		}

		/**
		 * Set the AWS region, by default {@code AWS_REGION} (always set on Lambda), else
		 * the region that every baked key ARN names.
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(String region) {
			this.region = region;
			return this;
		}

		/**
		 * Set the KMS endpoint to call instead of the regional one.
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder endpoint(URI endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/**
		 * Set whether a KMS endpoint over plain http to a host other than this machine
		 * may be called; refused by default.
		 * @param allowInsecureEndpoint whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureEndpoint(boolean allowInsecureEndpoint) {
			this.allowInsecureEndpoint = allowInsecureEndpoint;
			return this;
		}

		/**
		 * Set the deadline for decrypting every secret, retries included; 5 seconds by
		 * default.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
			return this;
		}

		/**
		 * Set the maximum number of {@code Decrypt} calls in flight at once; 16 by
		 * default.
		 * @param concurrency the concurrency
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Decrypt only the secrets with these names; by default every secret in the file.
		 * @param names the names, each of which must be in the file
		 * @return this builder
		 */
		public Builder include(Collection<String> names) {
			this.include = new LinkedHashSet<>(names);
			return this;
		}

		/**
		 * Read the file and decrypt its secrets.
		 * @return the decrypted secrets
		 * @throws InvalidBakedSecretsException if the file is missing or not valid, or an
		 * included name is not in it
		 * @throws SecretDecryptionException if any secret cannot be decrypted
		 */
		public DecryptedSecrets load() {
			BakedSecrets secrets = readSelected();
			if (secrets.isEmpty()) {
				return DecryptedSecrets.of(Map.of());
			}
			if (this.client != null) {
				return decrypter(this.client).decryptAll(secrets);
			}
			try (KmsDecrypter client = createClient(secrets)) {
				return decrypter(client).decryptAll(secrets);
			}
		}

		/**
		 * Read the file and return its secrets' values, each decrypted on its first read,
		 * at most once, so that a cold start pays only for the secrets it reads;
		 * concurrent first reads of a secret share one call. A client created for it
		 * stays open, since the values need it for as long as they are read.
		 * @return the values, to keep in a static field like the result of
		 * {@link #load()}
		 * @throws InvalidBakedSecretsException if the file is missing or not valid, or an
		 * included name is not in it
		 * @throws SecretDecryptionException if the KMS client cannot be created
		 */
		public SecretValues loadLazily() {
			BakedSecrets secrets = readSelected();
			if (secrets.isEmpty()) {
				return SecretValues.of(secrets, DecryptedSecrets.of(Map.of()));
			}
			KmsDecrypter client = (this.client != null) ? this.client : createClient(secrets);
			return SecretValues.lazy(secrets, decrypter(client), (secret) -> {
			});
		}

		private BakedSecrets readSelected() {
			return select(BakedSecretsLocation.read(this.location, this.classLoader), this.include, this.location);
		}

		private KmsDecrypter createClient(BakedSecrets secrets) {
			try {
				return KmsDecrypters.create(this.clientType, KeyRegions.apply(new KmsClientSettings(this.region,
						this.endpoint, this.fips, this.timeout, this.allowInsecureEndpoint), secrets, System::getenv));
			}
			catch (KmsDecryptException ex) {
				throw SecretDecryptionException.forEverySecret(secrets, ex.getKind(), ex.getDetail());
			}
			catch (IllegalArgumentException ex) {
				throw SecretDecryptionException.forEverySecret(secrets, Kind.CLIENT_CONFIGURATION, ex.getMessage());
			}
		}

		private BakedSecretsDecrypter decrypter(KmsDecrypter client) {
			return BakedSecretsDecrypter.builder(client).timeout(this.timeout).concurrency(this.concurrency).build();
		}

	}

}
