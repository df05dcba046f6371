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

package io.github.secretbaker.format;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.aws.KmsKeyReference;
import org.jspecify.annotations.Nullable;

/**
 * One baked secret: the KMS ciphertext of an SSM SecureString parameter together with the
 * parameter ARN that is its encryption context. The ciphertext is never part of
 * {@link #toString()}.
 *
 * @param name the secret name, also the property name at runtime: any non-blank text of
 * printable characters, as the Node plugin accepts any key (see
 * {@link #isValidName(String)})
 * @param ciphertext the base64-encoded KMS ciphertext exactly as SSM returned it
 * @param arn the ARN of the SSM parameter, bound to the ciphertext as the
 * {@code PARAMETER_ARN} encryption context
 * @param version the parameter version that was baked, or {@code null} for files written
 * by the Node plugin
 * @param keyId the ARN of the KMS key that encrypted the value (or, as KMS
 * {@code Decrypt} accepts them, its alias ARN, key id or alias name), or {@code null}
 * when unknown
 * @param tier the parameter tier ({@code Standard} or {@code Advanced}), or {@code null}
 * when unknown
 * @since 0.1.0
 */
public record BakedSecret(String name, String ciphertext, String arn, @Nullable Long version, @Nullable String keyId,
		@Nullable String tier) {

	private static final Pattern ENVIRONMENT_VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern PARAMETER_RESOURCE = Pattern.compile("parameter/[A-Za-z0-9_.\\-/]{1,2048}");

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
	 * Return whether the ciphertext is an AWS Encryption SDK message, as the value of an
	 * Advanced-tier SecureString is, rather than a KMS ciphertext blob, told from its
	 * first bytes only.
	 * @return whether the ciphertext is an Encryption SDK message
	 * @since 0.1.0
	 */
	public boolean isEncryptionSdkMessage() {
		return isEncryptionSdkMessage(
				Base64.getDecoder().decode(this.ciphertext.substring(0, Math.min(4, this.ciphertext.length()))));
	}

	/**
	 * Return whether a value starts as an AWS Encryption SDK message does: format version
	 * 1 with the message type of customer authenticated encrypted data
	 * ({@code 0x01 0x80}), or format version 2 with one of its two algorithm suites
	 * ({@code 0x02 0x04 0x78} or {@code 0x02 0x05 0x78}). A KMS ciphertext blob never
	 * starts so.
	 * @param value the decoded value, or at least its first three bytes
	 * @return whether the value is an Encryption SDK message
	 * @since 0.1.0
	 */
	public static boolean isEncryptionSdkMessage(byte[] value) {
		if (value.length >= 2 && value[0] == 0x01 && value[1] == (byte) 0x80) {
			return true;
		}
		return value.length >= 3 && value[0] == 0x02 && (value[1] == 0x04 || value[1] == 0x05) && value[2] == 0x78;
	}

	/**
	 * Return whether the given name can be used as a secret name: any non-blank text made
	 * of printable characters, as the Node plugin serverless-secret-baker writes any key
	 * it is given ({@code my-secret.v1}, {@code api-key}, or a parameter path such as
	 * {@code /app/db/password} in its list form). The name is also the property name at
	 * runtime.
	 * @param name the name to check
	 * @return whether the name is valid
	 * @see #isEnvironmentVariableName(String)
	 */
	public static boolean isValidName(String name) {
		return !name.isBlank() && Quoting.isPrintable(name);
	}

	/**
	 * Return whether the given name is also a valid environment variable name: letters,
	 * digits and underscores, not starting with a digit. Only such a name can be
	 * overridden by an environment variable of the same name and answers its relaxed
	 * names.
	 * @param name the name to check
	 * @return whether the name is a valid environment variable name
	 * @since 0.1.0
	 */
	public static boolean isEnvironmentVariableName(String name) {
		return ENVIRONMENT_VARIABLE_NAME.matcher(name).matches();
	}

	/**
	 * Return whether the given text is an SSM parameter ARN, in one of the partitions
	 * {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-eusc} or
	 * {@code aws-iso*}, with a region such as {@code eu-west-1}, a twelve-digit account
	 * and a valid parameter name.
	 * @param arn the text to check
	 * @return whether it is a parameter ARN
	 */
	public static boolean isParameterArn(String arn) {
		Arn parsed = Arn.parse(arn);
		return parsed != null && "ssm".equals(parsed.service()) && parsed.isRegional()
				&& PARAMETER_RESOURCE.matcher(parsed.resource()).matches();
	}

	private static @Nullable String findProblem(String name, String ciphertext, String arn, @Nullable Long version,
			@Nullable String keyId, @Nullable String tier) {
		if (name.isBlank()) {
			return "name is blank: give the secret a name";
		}
		if (!Quoting.isPrintable(name)) {
			return "name holds a character that is not printable (a control, format or line separator character): "
					+ "use printable characters only";
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
			// The decoder's message quotes the offending character, so it is not passed
			// on.
			return "'ciphertext' is not valid base64";
		}
		if (!isParameterArn(arn)) {
			// Only text that starts like an ARN is quoted: a ciphertext pasted into the
			// wrong field never is.
			String quoted = Arn.isArnLike(arn) ? " " + Quoting.quote(arn) : "";
			return "'arn'" + quoted + " is not an SSM parameter ARN (arn:<partition>:ssm:<region>:<account>:"
					+ "parameter/<name>, partition aws, aws-cn, aws-us-gov, aws-eusc or aws-iso*)";
		}
		if (version != null && version < 1) {
			return "'version' must be 1 or more but was " + version;
		}
		if (keyId != null && !KmsKeyReference.isValid(keyId)) {
			String quoted = Arn.isArnLike(keyId) ? " " + Quoting.quote(keyId) : "";
			return "'keyId'" + quoted + " is not a KMS key ARN, alias ARN, key id or alias name "
					+ "(arn:<partition>:kms:<region>:<account>:key/<id> or alias/<name>)";
		}
		if (tier != null && !STANDARD_TIER.equals(tier) && !ADVANCED_TIER.equals(tier)) {
			return "'tier' must be '" + STANDARD_TIER + "' or '" + ADVANCED_TIER + "' but was " + Quoting.quote(tier);
		}
		return null;
	}

	@Override
	public String toString() {
		return "BakedSecret[name=" + this.name + ", arn=" + this.arn + ", version=" + this.version + ", keyId="
				+ this.keyId + ", tier=" + this.tier + "]";
	}

}
