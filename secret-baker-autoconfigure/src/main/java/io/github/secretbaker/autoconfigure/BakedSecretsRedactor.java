package io.github.secretbaker.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.SystemPropertyUtils;

/**
 * The one place that answers "is this text, or this property, a secret?" for the failure
 * analyzers, the conversion service and the Actuator sanitizer. A property is a secret when
 * its name resolves to a baked secret, when its value, as written in any property source, has
 * a placeholder that refers to one, or when its value holds the value of a secret decrypted
 * so far. Nothing is ever decrypted or waited for to answer, and no copy of a value is kept.
 *
 * @since 0.1.0
 */
public final class BakedSecretsRedactor {

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper(
			SystemPropertyUtils.PLACEHOLDER_PREFIX, SystemPropertyUtils.PLACEHOLDER_SUFFIX,
			SystemPropertyUtils.VALUE_SEPARATOR, SystemPropertyUtils.ESCAPE_CHARACTER, true);

	private final BakedSecretsPropertySource secrets;

	private final @Nullable ConfigurableEnvironment environment;

	private BakedSecretsRedactor(BakedSecretsPropertySource secrets, @Nullable ConfigurableEnvironment environment) {
		this.secrets = secrets;
		this.environment = environment;
	}

	/**
	 * Return the redactor of the given environment's baked secrets.
	 * @param environment the environment, or {@code null}
	 * @return the redactor, or {@code null} if the environment has no baked secrets
	 */
	public static @Nullable BakedSecretsRedactor from(@Nullable Environment environment) {
		BakedSecretsPropertySource secrets = BakedSecretsPropertySource.from(environment);
		return (secrets != null) ? new BakedSecretsRedactor(secrets, (ConfigurableEnvironment) environment) : null;
	}

	/**
	 * Return the redactor of the given property source alone, with no other source to look
	 * placeholders up in.
	 * @param secrets the baked secrets
	 * @return the redactor
	 */
	static BakedSecretsRedactor of(BakedSecretsPropertySource secrets) {
		return new BakedSecretsRedactor(secrets, null);
	}

	/**
	 * Return the baked secrets property source.
	 * @return the property source
	 */
	public BakedSecretsPropertySource getPropertySource() {
		return this.secrets;
	}

	/**
	 * Return the names of the baked secrets the given property resolves to: by its own name,
	 * through a placeholder in its value as written in any property source, or because its
	 * value holds a decrypted secret.
	 * @param propertyName the property name, in any form Spring resolves
	 * @return the secret names, empty if the property is not a secret
	 */
	Set<String> findSecretsOfProperty(String propertyName) {
		Set<String> names = new TreeSet<>();
		String name = this.secrets.findSecretName(propertyName);
		if (name != null) {
			names.add(name);
		}
		if (this.environment != null) {
			for (PropertySource<?> source : this.environment.getPropertySources()) {
				if (source == this.secrets || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
					continue;
				}
				Object value = source.getProperty(propertyName);
				if (value != null) {
					names.addAll(findSecretsReferencedBy(value.toString()));
					names.addAll(findSecretsWhoseValueAppearsIn(value.toString()));
				}
			}
		}
		return names;
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
				String name = this.secrets.findSecretName(placeholder);
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
	 * text.
	 * @param text the text to search
	 * @return the secret names, empty if no value appears
	 */
	Set<String> findSecretsWhoseValueAppearsIn(CharSequence text) {
		Set<String> names = new TreeSet<>();
		String string = text.toString();
		this.secrets.forEachDecrypted((name, value) -> {
			if (!value.isEmpty() && string.contains(value)) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return whether the given text holds the value of a secret decrypted so far.
	 * @param text the text
	 * @return whether it must be redacted
	 */
	public boolean containsSecret(CharSequence text) {
		return !findSecretsWhoseValueAppearsIn(text).isEmpty();
	}

	/**
	 * Return the given text with the value of every secret decrypted so far replaced by
	 * {@value BakedSecretsPropertySource#MASK}.
	 * @param text the text to redact
	 * @return the redacted text
	 */
	String redact(String text) {
		String[] redacted = { text };
		this.secrets.forEachDecrypted((name, value) -> {
			if (!value.isEmpty()) {
				redacted[0] = redacted[0].replace(value, BakedSecretsPropertySource.MASK);
			}
		});
		return redacted[0];
	}

}
