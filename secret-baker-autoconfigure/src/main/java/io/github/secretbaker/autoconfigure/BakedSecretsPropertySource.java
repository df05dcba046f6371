package io.github.secretbaker.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.ReentrantLock;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.DecryptedSecrets;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.SystemPropertyUtils;

/**
 * The {@link org.springframework.core.env.PropertySource} named {@value #NAME} that exposes
 * each baked secret under its name, such as {@code DB_PASSWORD}, and under the optional
 * property prefix.
 * <p>
 * Names resolve like OS environment variables do in Spring: {@code db.password} and
 * {@code db-password} also find {@code DB_PASSWORD}, so a secret binds to
 * {@code @ConfigurationProperties} too. The source holds no value until it is read, in lazy
 * mode, or until the whole file was decrypted, in eager mode; values never appear in
 * {@link #toString()}.
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

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper(
			SystemPropertyUtils.PLACEHOLDER_PREFIX, SystemPropertyUtils.PLACEHOLDER_SUFFIX,
			SystemPropertyUtils.VALUE_SEPARATOR, SystemPropertyUtils.ESCAPE_CHARACTER, true);

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
		return new BakedSecretsPropertySource(secrets, location, prefix, new EagerValues(values));
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
		return new BakedSecretsPropertySource(secrets, location, prefix, new LazyValues(secrets, decryptor, logger));
	}

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
	public @Nullable String getPrefix() {
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
	public @Nullable String findSecretName(String propertyName) {
		BakedSecret secret = findSecret(propertyName);
		return (secret != null) ? secret.name() : null;
	}

	/**
	 * Return the names of the baked secrets that the placeholders of the given value refer
	 * to, such as {@code DB_PASSWORD} for {@code jdbc:postgresql://db?password=${db.password}}.
	 * @param value a value as written in its property source, before placeholders are
	 * resolved
	 * @return the secret names, empty if no placeholder refers to a baked secret
	 */
	public Set<String> findSecretsReferencedBy(String value) {
		Set<String> names = new TreeSet<>();
		if (value.contains(SystemPropertyUtils.PLACEHOLDER_PREFIX)) {
			PLACEHOLDERS.replacePlaceholders(value, (placeholder) -> {
				String name = findSecretName(placeholder);
				if (name != null) {
					names.add(name);
				}
				return null;
			});
		}
		return names;
	}

	/**
	 * Return the names of the secrets decrypted so far whose value appears in the given
	 * text. Nothing is decrypted, and no copy of a value is kept.
	 * @param text the text to search
	 * @return the secret names, empty if no value appears
	 */
	public Set<String> findSecretsWhoseValueAppearsIn(CharSequence text) {
		Set<String> names = new TreeSet<>();
		String string = text.toString();
		this.values.forEachDecrypted((name, value) -> {
			if (!value.isEmpty() && string.contains(value)) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the given text with the value of every secret decrypted so far replaced by
	 * {@value #MASK}. Nothing is decrypted.
	 * @param text the text to redact
	 * @return the redacted text
	 */
	public String redact(String text) {
		String[] redacted = { text };
		this.values.forEachDecrypted((name, value) -> {
			if (!value.isEmpty()) {
				redacted[0] = redacted[0].replace(value, MASK);
			}
		});
		return redacted[0];
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

	private @Nullable BakedSecret findSecret(String name) {
		BakedSecret secret = findRelaxed(name);
		if (secret == null && this.prefix != null && name.length() > this.prefix.length()
				&& name.regionMatches(true, 0, this.prefix, 0, this.prefix.length())) {
			secret = findRelaxed(name.substring(this.prefix.length()));
		}
		return secret;
	}

	private @Nullable BakedSecret findRelaxed(String name) {
		BakedSecret secret = findVariant(name);
		if (secret == null) {
			String upperCase = name.toUpperCase(Locale.ROOT);
			if (!upperCase.equals(name)) {
				secret = findVariant(upperCase);
			}
		}
		return secret;
	}

	private @Nullable BakedSecret findVariant(String name) {
		BakedSecrets secrets = getSource();
		BakedSecret secret = secrets.get(name);
		if (secret == null && (name.indexOf('.') >= 0 || name.indexOf('-') >= 0)) {
			secret = secrets.get(name.replace('.', '_').replace('-', '_'));
		}
		return secret;
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

	}

	private record EagerValues(DecryptedSecrets values) implements SecretValues {

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
			return "EagerValues" + this.values.names();
		}

	}

	private static final class LazyValues implements SecretValues {

		private final Map<String, LazySecret> secrets;

		LazyValues(BakedSecrets secrets, BakedSecretsDecryptor decryptor, Log logger) {
			Map<String, LazySecret> lazySecrets = new HashMap<>();
			secrets.forEach((secret) -> lazySecrets.put(secret.name(), new LazySecret(secret, decryptor, logger)));
			this.secrets = Map.copyOf(lazySecrets);
		}

		@Override
		public String get(BakedSecret secret) {
			return this.secrets.get(secret.name()).get();
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
	 * One secret decrypted on its first read, at most once: concurrent first reads of this
	 * secret wait for one {@code Decrypt} call, while reads of other secrets go on.
	 */
	private static final class LazySecret {

		private final BakedSecret secret;

		private final BakedSecretsDecryptor decryptor;

		private final Log logger;

		// A ReentrantLock rather than synchronized, so a virtual thread waiting for KMS does
		// not pin its carrier thread.
		private final Lock lock = new ReentrantLock();

		private volatile @Nullable String value;

		LazySecret(BakedSecret secret, BakedSecretsDecryptor decryptor, Log logger) {
			this.secret = secret;
			this.decryptor = decryptor;
			this.logger = logger;
		}

		@Nullable String value() {
			return this.value;
		}

		String get() {
			String value = this.value;
			if (value != null) {
				return value;
			}
			this.lock.lock();
			try {
				value = this.value;
				if (value == null) {
					value = this.decryptor.decrypt(this.secret);
					this.value = value;
					if (this.logger.isDebugEnabled()) {
						this.logger.debug("Decrypted baked secret " + this.secret.name() + " on its first read");
					}
				}
				return value;
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public String toString() {
			return "LazySecret[" + this.secret.name() + "]";
		}

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
