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

package io.github.secretbaker.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.github.secretbaker.autoconfigure.BakedSecretsExpressionResolver.BakedSecretExpressionException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.SystemPropertyUtils;

/**
 * The one place that answers "is this text, or this property, a secret?" for the failure
 * analyzers, the conversion service and the Actuator sanitizer. A property is a secret
 * when its name resolves to a baked secret, when its value, as written in any property
 * source, has a placeholder that refers to one, or when its value holds the value of a
 * secret decrypted so far or a form that Spring derives from it (trimmed, split into list
 * elements or tokens). Nothing is ever decrypted or waited for to answer, and no copy of
 * a value is kept.
 *
 * @since 0.1.0
 */
public final class BakedSecretsRedactor {

	/**
	 * What replaces a secret value in redacted text.
	 */
	public static final String MASK = "******";

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper(
			SystemPropertyUtils.PLACEHOLDER_PREFIX, SystemPropertyUtils.PLACEHOLDER_SUFFIX,
			SystemPropertyUtils.VALUE_SEPARATOR, SystemPropertyUtils.ESCAPE_CHARACTER, true);

	/**
	 * The length from which a part of a secret value is redacted on its own.
	 */
	static final int MIN_PART_LENGTH = 6;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final List<Pattern> PART_SEPARATORS = List.of(Pattern.compile(","), WHITESPACE,
			Pattern.compile("[^\\p{L}\\p{N}]+"));

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
	 * Return the redactor of the given property source alone, with no other source to
	 * look placeholders up in.
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
	 * Return the names of the baked secrets the given property resolves to: by its own
	 * name, through a placeholder in its value as written in any property source, or
	 * because its value holds a decrypted secret.
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
				if (source == this.secrets
						|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
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
	 * Return the names of the baked secrets that the given bound property resolves to: by
	 * its own name when it comes from the baked secrets, or through its value as written
	 * in its source.
	 * @param property the property
	 * @return the secret names, empty if the property is not a secret
	 */
	Set<String> findSecretsOfProperty(ConfigurationProperty property) {
		Set<String> names = new TreeSet<>();
		ConfigurationPropertySource source = property.getSource();
		if (source != null && source.getUnderlyingSource() == this.secrets) {
			String name = this.secrets.findSecretName(property.getName().toString());
			if (name != null) {
				names.add(name);
			}
		}
		if (property.getValue() != null) {
			String value = property.getValue().toString();
			names.addAll(findSecretsReferencedBy(value));
			names.addAll(findSecretsWhoseValueAppearsIn(value));
		}
		return names;
	}

	/**
	 * Return the names of the baked secrets that the placeholders of the given value
	 * refer to, such as {@code DB_PASSWORD} for
	 * {@code jdbc:postgresql://db?password=${db.password}}.
	 * @param value a value as written in its property source, before placeholders are
	 * resolved
	 * @return the secret names, empty if no placeholder refers to a baked secret
	 */
	public Set<String> findSecretsReferencedBy(String value) {
		Set<String> names = new TreeSet<>();
		findPlaceholders(value).forEach((placeholder) -> {
			String name = this.secrets.findSecretName(placeholder);
			if (name != null) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the names of the properties that the placeholders of the given value refer
	 * to, nested ones and those of defaults included, such as {@code db.password} for
	 * {@code ${db.password:${DB_PASSWORD}}}.
	 * @param value a value as written in its property source
	 * @return the property names, empty if the value has no placeholder
	 */
	public static Set<String> findPlaceholders(String value) {
		Set<String> placeholders = new LinkedHashSet<>();
		if (value.contains(SystemPropertyUtils.PLACEHOLDER_PREFIX)) {
			PLACEHOLDERS.replacePlaceholders(value, (placeholder) -> {
				placeholders.add(placeholder);
				return null;
			});
		}
		return placeholders;
	}

	/**
	 * Return the names of the secrets decrypted so far whose value, or a form that Spring
	 * derives from it ({@link #derivedForms}), appears in the given text.
	 * @param text the text to search
	 * @return the secret names, empty if no value appears
	 */
	Set<String> findSecretsWhoseValueAppearsIn(CharSequence text) {
		Set<String> names = new TreeSet<>();
		String string = text.toString();
		this.secrets.forEachDecrypted((name, value) -> {
			if (derivedForms(value).stream().anyMatch(string::contains)) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the names of the secrets decrypted so far that appear, in any form Spring
	 * derives from them, in the messages of the given failure or of its causes, or as the
	 * value that one of them failed to convert, and of those that a failed expression
	 * held.
	 * @param failure the failure
	 * @return the secret names, empty if no secret is involved
	 */
	Set<String> findSecretsIn(Throwable failure) {
		Set<String> names = new TreeSet<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				names.addAll(findSecretsWhoseValueAppearsIn(cause.getMessage()));
			}
			Object value = (cause instanceof ConversionFailedException conversionFailure) ? conversionFailure.getValue()
					: (cause instanceof TypeMismatchException typeMismatch) ? typeMismatch.getValue() : null;
			if (value != null) {
				names.addAll(findSecretsWhoseValueAppearsIn(value.toString()));
			}
			if (cause instanceof BakedSecretExpressionException expressionFailure) {
				names.addAll(expressionFailure.getSecretNames());
			}
		}
		return names;
	}

	/**
	 * Return whether the given text holds the value of a secret decrypted so far, or a
	 * form that Spring derives from it.
	 * @param text the text
	 * @return whether it must be redacted
	 */
	public boolean containsSecret(CharSequence text) {
		return !findSecretsWhoseValueAppearsIn(text).isEmpty();
	}

	/**
	 * Return the given text with the value of every secret decrypted so far, and every
	 * form that Spring derives from it, replaced by {@value #MASK}.
	 * @param text the text to redact
	 * @return the redacted text
	 */
	String redact(String text) {
		List<String> forms = new ArrayList<>();
		this.secrets.forEachDecrypted((name, value) -> forms.addAll(derivedForms(value)));
		forms.sort(Comparator.comparingInt(String::length).reversed());
		String redacted = text;
		for (String form : forms) {
			redacted = redacted.replace(form, MASK);
		}
		return redacted;
	}

	/**
	 * Return the strings that Spring derives from a value and may show: the value itself;
	 * the value trimmed, as before a conversion; the value without any whitespace, as
	 * number parsing quotes it; and each of its parts of at least
	 * {@value #MIN_PART_LENGTH} characters, split on commas (list and array binding), on
	 * whitespace (expression tokens), or on any other character than a letter or a digit.
	 * @param value the value of a secret
	 * @return the forms, empty for an empty value
	 */
	static Set<String> derivedForms(String value) {
		Set<String> forms = new LinkedHashSet<>();
		for (String form : new String[] { value, value.strip(), WHITESPACE.matcher(value).replaceAll("") }) {
			if (!form.isEmpty()) {
				forms.add(form);
			}
		}
		for (Pattern separator : PART_SEPARATORS) {
			for (String part : separator.split(value)) {
				String trimmed = part.strip();
				if (trimmed.length() >= MIN_PART_LENGTH) {
					forms.add(trimmed);
				}
			}
		}
		return forms;
	}

}
