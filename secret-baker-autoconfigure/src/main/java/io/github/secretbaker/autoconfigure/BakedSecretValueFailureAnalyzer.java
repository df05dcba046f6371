package io.github.secretbaker.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.secretbaker.format.BakedSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a startup failure caused by the value of a baked secret (a secret that does not
 * convert to its target type, or fails validation) without the value that Spring Boot's own
 * analyzers print, and without the failure's messages that may hold it. It runs before
 * them.
 */
class BakedSecretValueFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final @Nullable Environment environment;

	BakedSecretValueFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		BakedSecretsRedactor secrets = BakedSecretsRedactor.from(this.environment);
		if (secrets == null) {
			return null;
		}
		InvalidConfigurationPropertyValueException invalidValue = findCause(failure,
				InvalidConfigurationPropertyValueException.class);
		if (invalidValue != null) {
			FailureAnalysis analysis = analyzeInvalidValue(failure, invalidValue, secrets);
			if (analysis != null) {
				return analysis;
			}
		}
		BindValidationException validationFailure = findCause(failure, BindValidationException.class);
		if (validationFailure != null) {
			return analyzeValidation(failure, validationFailure, secrets);
		}
		BindException bindFailure = findCause(failure, BindException.class);
		if (bindFailure != null) {
			return analyzeBind(failure, bindFailure, secrets);
		}
		TypeMismatchException typeMismatch = findCause(failure, TypeMismatchException.class);
		if (typeMismatch != null) {
			return analyzeTypeMismatch(failure, typeMismatch, secrets);
		}
		return analyzeMessages(failure, secrets);
	}

	/**
	 * Spring Boot's own analyzer of this exception looks the property up in every property
	 * source and prints each value it finds, which for a baked secret is the secret.
	 */
	private @Nullable FailureAnalysis analyzeInvalidValue(Throwable failure,
			InvalidConfigurationPropertyValueException invalidValue, BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>(secrets.findSecretsOfProperty(invalidValue.getName()));
		if (invalidValue.getValue() != null) {
			names.addAll(secrets.findSecretsWhoseValueAppearsIn(invalidValue.getValue().toString()));
		}
		names.addAll(secrets.findSecretsIn(failure));
		if (names.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid value for configuration property '")
			.append(invalidValue.getName())
			.append("', which resolves to baked secret ")
			.append(String.join(", ", names))
			.append(":\n");
		for (String name : names) {
			BakedSecret secret = secrets.getPropertySource().getSource().get(name);
			if (secret != null) {
				description.append("\n    ").append(name).append(": SSM parameter ").append(secret.arn());
			}
		}
		description.append("\n    Value: ").append(hidden(names));
		if (invalidValue.getReason() != null) {
			description.append("\n    Reason: ").append(secrets.redact(invalidValue.getReason()));
		}
		description.append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a valid value for '"
				+ invalidValue.getName() + "', then bake the secrets again. The value is not shown because it is a "
				+ "secret.";
		return new FailureAnalysis(description.toString(), action, redacted(failure, secrets));
	}

	private @Nullable FailureAnalysis analyzeBind(Throwable failure, BindException bindFailure,
			BakedSecretsRedactor secrets) {
		ConfigurationProperty property = bindFailure.getProperty();
		Set<String> names = new TreeSet<>(secrets.findSecretsIn(failure));
		if (property != null) {
			names.addAll(secrets.findSecretsOfProperty(property));
		}
		if (names.isEmpty()) {
			return null;
		}
		String target = bindFailure.getTarget().getType().toString();
		StringBuilder description = new StringBuilder("Failed to bind baked secret ").append(String.join(", ", names))
			.append(" to ")
			.append(target)
			.append(":\n");
		description.append("\n    Property: ").append(bindFailure.getName());
		description.append("\n    Value: ").append(hidden(names));
		if (property != null && property.getOrigin() != null) {
			description.append("\n    Origin: ").append(property.getOrigin());
		}
		description.append("\n    Reason: ").append(reason(bindFailure, secrets)).append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a value that converts to "
				+ target + ", then bake the secrets again; or bind it to a String property. The value is not shown "
				+ "because it is a secret.";
		return new FailureAnalysis(description.toString(), action, redacted(failure, secrets));
	}

	private @Nullable FailureAnalysis analyzeValidation(Throwable failure, BindValidationException validationFailure,
			BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>(secrets.findSecretsIn(failure));
		StringBuilder errors = new StringBuilder();
		for (ObjectError error : validationFailure.getValidationErrors().getAllErrors()) {
			if (error instanceof FieldError fieldError) {
				String property = fieldError.getObjectName() + "."
						+ DataObjectPropertyName.toDashedForm(fieldError.getField());
				Set<String> fieldNames = secretNames(property, fieldError.getRejectedValue(), validationFailure,
						secrets);
				names.addAll(fieldNames);
				errors.append("\n    Property: ").append(property);
				errors.append("\n    Value: ")
					.append(fieldNames.isEmpty() ? "\"" + secrets.redact(String.valueOf(fieldError.getRejectedValue()))
							+ "\"" : hidden(fieldNames));
				Origin origin = Origin.from(fieldError);
				if (origin != null) {
					errors.append("\n    Origin: ").append(origin);
				}
			}
			errors.append("\n    Reason: ").append(secrets.redact(String.valueOf(error.getDefaultMessage()))).append('\n');
		}
		if (names.isEmpty()) {
			return null;
		}
		BindException bindFailure = findCause(failure, BindException.class);
		String target = (bindFailure != null) ? bindFailure.getTarget().getType().toString()
				: validationFailure.getValidationErrors().getName().toString();
		String description = "Baked secret " + String.join(", ", names) + " failed validation when bound to "
				+ target + ":\n" + errors;
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a valid value, then bake "
				+ "the secrets again. The value is not shown because it is a secret.";
		return new FailureAnalysis(description, action, redacted(failure, secrets));
	}

	private @Nullable FailureAnalysis analyzeTypeMismatch(Throwable failure, TypeMismatchException typeMismatch,
			BakedSecretsRedactor secrets) {
		Set<String> names = secrets.findSecretsIn(failure);
		if (names.isEmpty()) {
			return null;
		}
		String requiredType = (typeMismatch.getRequiredType() != null) ? typeMismatch.getRequiredType().getName()
				: "the required type";
		StringBuilder description = new StringBuilder("Failed to convert baked secret ")
			.append(String.join(", ", names))
			.append(" to ")
			.append(requiredType)
			.append(":\n");
		UnsatisfiedDependencyException injectionFailure = findCause(failure, UnsatisfiedDependencyException.class);
		if (injectionFailure != null) {
			description.append("\n    Bean: ").append(injectionFailure.getBeanName());
			InjectionPoint injectionPoint = injectionFailure.getInjectionPoint();
			if (injectionPoint != null) {
				description.append("\n    Injection point: ").append(injectionPoint);
			}
		}
		description.append("\n    Value: ").append(hidden(names));
		description.append("\n    Reason: ").append(reason(typeMismatch, secrets)).append('\n');
		String action = "Make the SSM parameter of " + String.join(", ", names) + " hold a value that converts to "
				+ requiredType + ", then bake the secrets again; or inject it as a String. The value is not shown "
				+ "because it is a secret.";
		return new FailureAnalysis(description.toString(), action, redacted(failure, secrets));
	}

	private @Nullable FailureAnalysis analyzeMessages(Throwable failure, BakedSecretsRedactor secrets) {
		Set<String> names = secrets.findSecretsIn(failure);
		if (names.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("The application failed to start, and the failure involves the "
				+ "value of baked secret ")
			.append(String.join(", ", names))
			.append(", so the messages that may hold it are not shown:\n");
		for (String cause : describeChain(failure, secrets)) {
			description.append("\n    ").append(cause);
		}
		String action = "Fix the failure described above. The value of " + String.join(", ", names)
				+ " is not shown because it is a secret.";
		return new FailureAnalysis(description.append('\n').toString(), action, redacted(failure, secrets));
	}

	private Set<String> secretNames(String propertyName, @Nullable Object rejectedValue,
			BindValidationException validationFailure, BakedSecretsRedactor secrets) {
		Set<String> names = new TreeSet<>();
		if (rejectedValue != null) {
			names.addAll(secrets.findSecretsWhoseValueAppearsIn(rejectedValue.toString()));
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(propertyName, '.');
		for (ConfigurationProperty property : validationFailure.getValidationErrors().getBoundProperties()) {
			if (property.getName().equals(name)) {
				names.addAll(secrets.findSecretsOfProperty(property));
			}
		}
		return names;
	}

	private static String reason(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> chain = describeChain(failure, secrets);
		return chain.get(chain.size() - 1);
	}

	/**
	 * Describe each exception of the failure's chain by its type and message, until one whose
	 * message holds a secret: from there on, messages are dropped, since that one and the
	 * ones it wraps may hold the value in a form that cannot be recognized, such as a token
	 * of an expression.
	 */
	private static List<String> describeChain(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> descriptions = new ArrayList<>();
		boolean secretSeen = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			secretSeen = secretSeen || (message != null && secrets.containsSecret(message));
			descriptions.add(cause.getClass().getName() + ((message == null) ? ""
					: secretSeen ? " (message not shown, as it may hold the value of a baked secret)" : ": " + message));
		}
		return descriptions;
	}

	private static String hidden(Set<String> names) {
		return "<the value of baked secret " + String.join(", ", names) + ", not shown>";
	}

	/**
	 * Return what the failure report logs at debug level: the failure's chain, described
	 * without the messages that may hold a secret, and its stack trace, but not its causes,
	 * which would print those messages.
	 */
	private static Throwable redacted(Throwable failure, BakedSecretsRedactor secrets) {
		List<String> chain = describeChain(failure, secrets);
		StringBuilder message = new StringBuilder(chain.get(0));
		for (String cause : chain.subList(1, chain.size())) {
			message.append("\n  caused by ").append(cause);
		}
		RedactedFailureException redacted = new RedactedFailureException(message.toString());
		redacted.setStackTrace(failure.getStackTrace());
		return redacted;
	}

	private static <E extends Throwable> @Nullable E findCause(@Nullable Throwable failure, Class<E> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * A startup failure whose messages were redacted.
	 */
	static final class RedactedFailureException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RedactedFailureException(String message) {
			super(message);
		}

	}

}
