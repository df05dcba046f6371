package io.github.secretbaker.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.PendingSecrets;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * The {@link org.springframework.core.env.PropertySource} named {@value #NAME} that exposes
 * each baked secret under exactly its name, such as {@code DB_PASSWORD} or
 * {@code my-secret.v1}, under the optional property prefix and, for a name that is also a
 * valid environment variable name, as Spring resolves OS environment variables
 * ({@code db.password} and {@code db-password} find {@code DB_PASSWORD}, so the secret binds
 * to {@code @ConfigurationProperties} too).
 * <p>
 * Values come from a decryption that may still be going on in the background, whose end the
 * first read waits for but never past the deadline, or in lazy mode from decrypting each
 * secret on its first read. Values never appear in {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class BakedSecretsPropertySource extends EnumerablePropertySource<BakedSecrets>
		implements OriginLookup<String> {

	/**
	 * The name of the property source.
	 */
	public static final String NAME = "secretBaker";

	/**
	 * What replaces a secret value in redacted text.
	 */
	public static final String MASK = "******";

	private final String location;

	private final @Nullable String prefix;

	private final SecretValues values;

	private final String[] propertyNames;

	private BakedSecretsPropertySource(BakedSecrets secrets, String location, @Nullable String prefix,
			SecretValues values) {
		super(NAME, secrets);
		this.location = location;
		this.prefix = normalizePrefix(prefix);
		this.values = values;
		List<String> names = new ArrayList<>(secrets.names());
		if (this.prefix != null) {
			secrets.names().forEach((name) -> names.add(this.prefix + name));
		}
		this.propertyNames = names.toArray(String[]::new);
	}

	/**
	 * Create a property source for secrets that are already decrypted.
	 * @param secrets the baked secrets
	 * @param values their decrypted values
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @return the property source
	 */
	static BakedSecretsPropertySource eager(BakedSecrets secrets, DecryptedSecrets values, String location,
			@Nullable String prefix) {
		return new BakedSecretsPropertySource(secrets, location, prefix, new DecryptedValues(values));
	}

	/**
	 * Create a property source whose values come from a decryption going on in the
	 * background; the first read waits for it.
	 * @param pending the decryption in progress
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @return the property source
	 */
	static BakedSecretsPropertySource pending(PendingSecrets pending, String location, @Nullable String prefix) {
		return new BakedSecretsPropertySource(pending.getSecrets(), location, prefix, new PendingValues(pending));
	}

	/**
	 * Create a property source that decrypts each secret on its first read, at most once.
	 * @param secrets the baked secrets
	 * @param decryptor the decryptor
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @param logger where to log the name of each decrypted secret at debug level
	 * @return the property source
	 */
	static BakedSecretsPropertySource lazy(BakedSecrets secrets, BakedSecretsDecryptor decryptor, String location,
			@Nullable String prefix, Log logger) {
		return new BakedSecretsPropertySource(secrets, location, prefix,
				new LazyValues(secrets, decryptor, null, logger));
	}

	/**
	 * Create a property source that decrypts each secret on its first read once it is given
	 * a decryptor by {@link #supply(BakedSecretsDecryptor)}, such as after a restore from a
	 * snapshot; a read before that fails with what to do, and decrypts nothing.
	 * @param secrets the baked secrets
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @param reason why the values cannot be read yet and what to do, for the failure
	 * @param logger where to log the name of each decrypted secret at debug level
	 * @return the property source
	 */
	static BakedSecretsPropertySource deferredLazy(BakedSecrets secrets, String location, @Nullable String prefix,
			String reason, Log logger) {
		return new BakedSecretsPropertySource(secrets, location, prefix, new LazyValues(secrets, null, reason, logger));
	}

	/**
	 * Create a property source whose values are set later, by {@link #supply(PendingSecrets)},
	 * such as after a restore from a snapshot; a read before that fails with what to do.
	 * @param secrets the baked secrets
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @param reason why the values are not there yet and what to do, for the failure
	 * @return the property source
	 */
	static BakedSecretsPropertySource deferred(BakedSecrets secrets, String location, @Nullable String prefix,
			String reason) {
		return new BakedSecretsPropertySource(secrets, location, prefix, new DeferredValues(reason));
	}

	/**
	 * Create a property source for a training run (an AOT cache or CDS archive being
	 * recorded): every secret resolves to {@link #TRAINING_VALUE}, and nothing is decrypted.
	 * @param secrets the baked secrets
	 * @param location the location of the file, for origins
	 * @param prefix the prefix under which the secrets are also exposed, or {@code null}
	 * @return the property source
	 */
	static BakedSecretsPropertySource training(BakedSecrets secrets, String location, @Nullable String prefix) {
		return new BakedSecretsPropertySource(secrets, location, prefix, new TrainingValues());
	}

	/**
	 * The value every secret has in a training run: not a secret, and the same for all.
	 */
	public static final String TRAINING_VALUE = "secret-baker-training-run-placeholder";

	@Override
	public String[] getPropertyNames() {
		return this.propertyNames.clone();
	}

	@Override
	public boolean containsProperty(String name) {
		return findSecret(name) != null;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		BakedSecret secret = findSecret(name);
		return (secret != null) ? this.values.get(secret) : null;
	}

	@Override
	public @Nullable Origin getOrigin(String name) {
		BakedSecret secret = findSecret(name);
		return (secret != null) ? new BakedSecretOrigin(secret.arn(), this.location) : null;
	}

	/**
	 * Return the location of the file the secrets were read from.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return the prefix under which the secrets are also exposed, ending with a dot.
	 * @return the prefix or {@code null}
	 */
	@Nullable String getPropertyPrefix() {
		return this.prefix;
	}

	/**
	 * Return whether the secrets are decrypted on their first read.
	 * @return whether in lazy mode
	 */
	public boolean isLazy() {
		return this.values instanceof LazyValues;
	}

	/**
	 * Return whether the secret with the given name has been decrypted.
	 * @param secretName the secret name
	 * @return whether its value is known
	 */
	public boolean isDecrypted(String secretName) {
		return this.values.isDecrypted(secretName);
	}

	/**
	 * Return the name of the baked secret that the given property name resolves to, such as
	 * {@code DB_PASSWORD} for {@code db.password}.
	 * @param propertyName the property name
	 * @return the secret name, or {@code null} if the name resolves to no secret
	 */
	@Nullable String findSecretName(String propertyName) {
		BakedSecret secret = findSecret(propertyName);
		return (secret != null) ? secret.name() : null;
	}

	/**
	 * Return the baked secret that the given property name resolves to.
	 * @param propertyName the property name
	 * @return the secret, or {@code null} if the name resolves to no secret
	 */
	@Nullable BakedSecret findSecret(String propertyName) {
		BakedSecret secret = findRelaxed(propertyName);
		if (secret == null && this.prefix != null && propertyName.length() > this.prefix.length()
				&& propertyName.regionMatches(true, 0, this.prefix, 0, this.prefix.length())) {
			secret = findRelaxed(propertyName.substring(this.prefix.length()));
		}
		return secret;
	}

	/**
	 * Wait, never past the deadline, for a decryption going on in the background, so that a
	 * failure surfaces now rather than at a later read, and log how long it took the first
	 * time. Does nothing in lazy mode.
	 * @param logger where to log how long the decryption took
	 * @throws SecretDecryptionException if any secret could not be decrypted
	 */
	void join(Log logger) {
		this.values.join(logger);
	}

	/**
	 * Give a {@linkplain #deferred deferred} property source its values.
	 * @param pending the decryption that supplies them
	 */
	void supply(PendingSecrets pending) {
		if (this.values instanceof DeferredValues deferred) {
			deferred.supply(pending);
		}
	}

	/**
	 * Give a {@linkplain #deferredLazy deferred lazy} property source the decryptor of its
	 * first reads.
	 * @param decryptor the decryptor
	 */
	void supply(BakedSecretsDecryptor decryptor) {
		if (this.values instanceof LazyValues lazy) {
			lazy.supply(decryptor);
		}
	}

	/**
	 * Call the given action with each secret decrypted so far; nothing is decrypted or
	 * waited for.
	 * @param action the action, given the secret name and its value
	 */
	void forEachDecrypted(BiConsumer<String, String> action) {
		this.values.forEachDecrypted(action);
	}

	/**
	 * Return the baked secrets property source of the given environment.
	 * @param environment the environment, or {@code null}
	 * @return the property source, or {@code null} if the environment has none
	 */
	public static @Nullable BakedSecretsPropertySource from(@Nullable Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().get(NAME) instanceof BakedSecretsPropertySource source) {
			return source;
		}
		return null;
	}

	private @Nullable BakedSecret findRelaxed(String name) {
		BakedSecrets secrets = getSource();
		BakedSecret secret = secrets.get(name);
		if (secret != null) {
			return secret;
		}
		// Relaxed names only ever lead to a name that an environment variable could have.
		String underscored = (name.indexOf('.') >= 0 || name.indexOf('-') >= 0)
				? name.replace('.', '_').replace('-', '_') : name;
		for (String candidate : new String[] { underscored, underscored.toUpperCase(Locale.ROOT) }) {
			if (!candidate.equals(name) && BakedSecret.isEnvironmentVariableName(candidate)) {
				secret = secrets.get(candidate);
				if (secret != null) {
					return secret;
				}
			}
		}
		return null;
	}

	private static @Nullable String normalizePrefix(@Nullable String prefix) {
		if (prefix == null) {
			return null;
		}
		String trimmed = prefix.strip();
		while (trimmed.endsWith(".")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? null : trimmed + ".";
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " {name='" + getName() + "', location='" + this.location + "', secrets="
				+ getSource().names() + "}";
	}

	/**
	 * Where the values of the secrets come from.
	 */
	private interface SecretValues {

		String get(BakedSecret secret);

		boolean isDecrypted(String secretName);

		void forEachDecrypted(BiConsumer<String, String> action);

		default void join(Log logger) {
		}

	}

	private record DecryptedValues(DecryptedSecrets values) implements SecretValues {

		@Override
		public String get(BakedSecret secret) {
			return this.values.require(secret.name());
		}

		@Override
		public boolean isDecrypted(String secretName) {
			return this.values.contains(secretName);
		}

		@Override
		public void forEachDecrypted(BiConsumer<String, String> action) {
			this.values.names().forEach((name) -> action.accept(name, this.values.require(name)));
		}

		@Override
		public String toString() {
			return "DecryptedValues" + this.values.names();
		}

	}

	private static final class PendingValues implements SecretValues {

		private final PendingSecrets pending;

		private volatile boolean logged;

		PendingValues(PendingSecrets pending) {
			this.pending = pending;
		}

		@Override
		public String get(BakedSecret secret) {
			return this.pending.join().require(secret.name());
		}

		@Override
		public boolean isDecrypted(String secretName) {
			DecryptedSecrets values = decryptedSoFar();
			return values != null && values.contains(secretName);
		}

		@Override
		public void forEachDecrypted(BiConsumer<String, String> action) {
			DecryptedSecrets values = decryptedSoFar();
			if (values != null) {
				values.names().forEach((name) -> action.accept(name, values.require(name)));
			}
		}

		@Override
		public void join(Log logger) {
			boolean logged = this.logged;
			this.logged = true;
			this.pending.join();
			if (!logged) {
				BakedSecretsEnvironmentPostProcessor.logDecrypted(this.pending, logger);
			}
		}

		private @Nullable DecryptedSecrets decryptedSoFar() {
			if (!this.pending.isDone()) {
				return null;
			}
			try {
				return this.pending.join();
			}
			catch (SecretDecryptionException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return "PendingValues" + this.pending.getSecrets().names();
		}

	}

	private static final class DeferredValues implements SecretValues {

		private final String reason;

		private volatile @Nullable PendingValues values;

		DeferredValues(String reason) {
			this.reason = reason;
		}

		void supply(PendingSecrets pending) {
			this.values = new PendingValues(pending);
		}

		@Override
		public String get(BakedSecret secret) {
			PendingValues values = this.values;
			if (values == null) {
				throw notYetReadable(secret, this.reason);
			}
			return values.get(secret);
		}

		@Override
		public boolean isDecrypted(String secretName) {
			PendingValues values = this.values;
			return values != null && values.isDecrypted(secretName);
		}

		@Override
		public void forEachDecrypted(BiConsumer<String, String> action) {
			PendingValues values = this.values;
			if (values != null) {
				values.forEachDecrypted(action);
			}
		}

		@Override
		public void join(Log logger) {
			PendingValues values = this.values;
			if (values != null) {
				values.join(logger);
			}
		}

	}

	private static final class TrainingValues implements SecretValues {

		@Override
		public String get(BakedSecret secret) {
			return TRAINING_VALUE;
		}

		@Override
		public boolean isDecrypted(String secretName) {
			return false;
		}

		@Override
		public void forEachDecrypted(BiConsumer<String, String> action) {
		}

	}

	private static final class LazyValues implements SecretValues {

		private final Map<String, LazySecret> secrets;

		private final @Nullable String reason;

		private volatile @Nullable BakedSecretsDecryptor decryptor;

		LazyValues(BakedSecrets secrets, @Nullable BakedSecretsDecryptor decryptor, @Nullable String reason,
				Log logger) {
			Map<String, LazySecret> lazySecrets = new HashMap<>();
			secrets.forEach((secret) -> lazySecrets.put(secret.name(), new LazySecret(secret, logger)));
			this.secrets = Map.copyOf(lazySecrets);
			this.decryptor = decryptor;
			this.reason = reason;
		}

		void supply(BakedSecretsDecryptor decryptor) {
			this.decryptor = decryptor;
		}

		@Override
		public String get(BakedSecret secret) {
			BakedSecretsDecryptor decryptor = this.decryptor;
			if (decryptor == null) {
				// Before a restore, a value decrypted with the init credentials would be kept
				// in the snapshot.
				throw notYetReadable(secret, String.valueOf(this.reason));
			}
			return this.secrets.get(secret.name()).get(decryptor);
		}

		@Override
		public boolean isDecrypted(String secretName) {
			LazySecret secret = this.secrets.get(secretName);
			return secret != null && secret.value() != null;
		}

		@Override
		public void forEachDecrypted(BiConsumer<String, String> action) {
			this.secrets.forEach((name, secret) -> {
				String value = secret.value();
				if (value != null) {
					action.accept(name, value);
				}
			});
		}

		@Override
		public String toString() {
			return "LazyValues" + new TreeSet<>(this.secrets.keySet());
		}

	}

	/**
	 * One secret decrypted on its first read, at most once at a time: concurrent first reads
	 * of this secret share one attempt and its outcome, each waiting no longer than the
	 * timeout from its own call, while reads of other secrets go on.
	 */
	private static final class LazySecret {

		private final BakedSecret secret;

		private final Log logger;

		// A ReentrantLock rather than synchronized, so a virtual thread never pins its carrier.
		private final Lock lock = new ReentrantLock();

		private volatile @Nullable String value;

		private @Nullable CompletableFuture<String> inFlight;

		LazySecret(BakedSecret secret, Log logger) {
			this.secret = secret;
			this.logger = logger;
		}

		@Nullable String value() {
			return this.value;
		}

		String get(BakedSecretsDecryptor decryptor) {
			String value = this.value;
			if (value != null) {
				return value;
			}
			Deadline deadline = Deadline.in(decryptor.getTimeout());
			CompletableFuture<String> attempt;
			boolean owner = false;
			this.lock.lock();
			try {
				if (this.value != null) {
					return this.value;
				}
				attempt = this.inFlight;
				if (attempt == null) {
					attempt = new CompletableFuture<>();
					this.inFlight = attempt;
					owner = true;
				}
			}
			finally {
				this.lock.unlock();
			}
			return owner ? decrypt(decryptor, attempt, deadline) : await(attempt, deadline);
		}

		private String decrypt(BakedSecretsDecryptor decryptor, CompletableFuture<String> attempt,
				Deadline deadline) {
			try {
				String value = decryptor.decrypt(this.secret, deadline);
				this.value = value;
				attempt.complete(value);
				if (this.logger.isDebugEnabled()) {
					this.logger.debug("Decrypted baked secret " + this.secret.name() + " on its first read");
				}
				return value;
			}
			catch (RuntimeException ex) {
				attempt.completeExceptionally(ex);
				throw ex;
			}
			finally {
				this.lock.lock();
				try {
					if (this.inFlight == attempt) {
						this.inFlight = null;
					}
				}
				finally {
					this.lock.unlock();
				}
			}
		}

		private String await(CompletableFuture<String> attempt, Deadline deadline) {
			try {
				return attempt.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				throw failed(Kind.TIMEOUT, "KMS did not answer within the " + deadline.describeTimeout()
						+ " deadline (this read waited for the decryption another thread had started)");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw failed(Kind.TIMEOUT, "interrupted while waiting for KMS");
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof SecretDecryptionException failure) {
					throw failure;
				}
				throw failed(Kind.OTHER, "decryption failed with " + ex.getCause().getClass().getName());
			}
		}

		private SecretDecryptionException failed(Kind kind, String detail) {
			return new SecretDecryptionException(List.of(SecretDecryptionFailure.of(this.secret, kind, detail)), 1);
		}

		@Override
		public String toString() {
			return "LazySecret[" + this.secret.name() + "]";
		}

	}

	private static SecretDecryptionException notYetReadable(BakedSecret secret, String reason) {
		return new SecretDecryptionException(List.of(SecretDecryptionFailure.of(secret, Kind.NOT_ATTEMPTED, reason)), 1);
	}

	/**
	 * The origin of a secret: its SSM parameter and the file it was baked into.
	 */
	private record BakedSecretOrigin(String parameterArn, String location) implements Origin {

		@Override
		public String toString() {
			return "SSM parameter '" + this.parameterArn + "' baked into '" + this.location + "'";
		}

	}

}
