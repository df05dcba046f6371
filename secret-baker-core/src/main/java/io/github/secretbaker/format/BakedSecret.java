package io.github.secretbaker.format;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One baked secret: the KMS ciphertext of an SSM SecureString parameter together with the
 * parameter ARN that is its encryption context. The ciphertext is never part of
 * {@link #toString()}.
 *
 * @param name the secret name, also the property name at runtime
 * @param ciphertext the base64-encoded KMS ciphertext exactly as SSM returned it
 * @param arn the ARN of the SSM parameter, bound to the ciphertext as the
 * {@code PARAMETER_ARN} encryption context
 * @param version the parameter version that was baked, or {@code null} for files written by
 * the Node plugin
 * @param keyId the ARN of the KMS key that encrypted the value, or {@code null} when unknown
 * @param tier the parameter tier ({@code Standard} or {@code Advanced}), or {@code null} when
 * unknown
 * @since 0.1.0
 */
public record BakedSecret(String name, String ciphertext, String arn, @Nullable Long version, @Nullable String keyId,
		@Nullable String tier) {

	private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern PARAMETER_ARN_PATTERN = Pattern
		.compile("arn:aws[a-z-]*:ssm:[a-z0-9-]+:\\d{12}:parameter/\\S+");

	/**
	 * The standard parameter tier, whose SecureString values are plain KMS ciphertexts.
	 */
	public static final String STANDARD_TIER = "Standard";

	/**
	 * The advanced parameter tier.
	 */
	public static final String ADVANCED_TIER = "Advanced";

	/**
	 * Create a new {@link BakedSecret}, validating every field.
	 * @throws IllegalArgumentException if a field is invalid; the message never contains
	 * the ciphertext
	 */
	public BakedSecret {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(ciphertext, "'ciphertext' must not be null");
		Objects.requireNonNull(arn, "'arn' must not be null");
		String problem = findProblem(name, ciphertext, arn, version, keyId, tier);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/**
	 * Create a secret with only a ciphertext and an ARN, as the Node plugin writes it.
	 * @param name the secret name
	 * @param ciphertext the base64-encoded KMS ciphertext
	 * @param arn the parameter ARN
	 * @return the secret
	 */
	public static BakedSecret of(String name, String ciphertext, String arn) {
		return new BakedSecret(name, ciphertext, arn, null, null, null);
	}

	/**
	 * Return the decoded ciphertext, ready to pass to KMS {@code Decrypt}.
	 * @return the ciphertext blob
	 */
	public byte[] ciphertextBlob() {
		return Base64.getDecoder().decode(this.ciphertext);
	}

	/**
	 * Return whether the given name can be used as a secret name: a Spring property name
	 * that is also a valid environment variable name.
	 * @param name the name to check
	 * @return whether the name is valid
	 */
	public static boolean isValidName(String name) {
		return NAME_PATTERN.matcher(name).matches();
	}

	/**
	 * Return whether the given text is an SSM parameter ARN.
	 * @param arn the text to check
	 * @return whether it is a parameter ARN
	 */
	public static boolean isParameterArn(String arn) {
		return PARAMETER_ARN_PATTERN.matcher(arn).matches();
	}

	private static @Nullable String findProblem(String name, String ciphertext, String arn, @Nullable Long version,
			@Nullable String keyId, @Nullable String tier) {
		if (!isValidName(name)) {
			return "name '" + name + "' is not valid: use letters, digits and underscores, not starting with a digit";
		}
		if (ciphertext.isEmpty()) {
			return "'ciphertext' is empty";
		}
		try {
			if (Base64.getDecoder().decode(ciphertext).length == 0) {
				return "'ciphertext' is empty";
			}
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message quotes the offending character, so it is not passed on.
			return "'ciphertext' is not valid base64";
		}
		if (!isParameterArn(arn)) {
			// Only text that starts like an ARN is quoted: a ciphertext pasted into the wrong field never is.
			String quoted = arn.startsWith("arn:") ? " '" + arn + "'" : "";
			return "'arn'" + quoted + " is not an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)";
		}
		if (version != null && version < 1) {
			return "'version' must be 1 or more but was " + version;
		}
		if (keyId != null && keyId.isBlank()) {
			return "'keyId' is blank";
		}
		if (tier != null && !STANDARD_TIER.equals(tier) && !ADVANCED_TIER.equals(tier)) {
			return "'tier' must be '" + STANDARD_TIER + "' or '" + ADVANCED_TIER + "' but was '" + tier + "'";
		}
		return null;
	}

	@Override
	public String toString() {
		return "BakedSecret[name=" + this.name + ", arn=" + this.arn + ", version=" + this.version + ", keyId="
				+ this.keyId + ", tier=" + this.tier + "]";
	}

}
