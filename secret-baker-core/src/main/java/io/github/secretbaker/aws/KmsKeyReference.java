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

package io.github.secretbaker.aws;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A reference to a KMS key in one of the four forms KMS and SSM accept as a key id: a key
 * id, a key ARN, an alias name or an alias ARN. SSM reports the key of a parameter in
 * whatever form {@code PutParameter} was given; IAM and {@code Decrypt} need the key ARN.
 *
 * @param form the form
 * @param value the reference as written
 * @since 0.1.0
 */
public record KmsKeyReference(Form form, String value) {

	/**
	 * The alias of the AWS managed key of SSM, which only SSM itself may use.
	 */
	public static final String AWS_MANAGED_SSM_KEY_ALIAS = "alias/aws/ssm";

	private static final String ALIAS_PREFIX = "alias/";

	private static final String KEY_PREFIX = "key/";

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");

	private static final Pattern ALIAS_NAME = Pattern.compile("alias/[A-Za-z0-9/_-]{1,256}");

	private static final Pattern CANONICAL_KEY_ID = Pattern
		.compile("mrk-[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * Parse the given text as a key reference.
	 * @param text the text
	 * @return the reference, or {@code null} if the text is none of the four forms
	 */
	public static @Nullable KmsKeyReference parse(String text) {
		if (Arn.isArnLike(text)) {
			Arn arn = Arn.parse(text);
			if (arn == null || !"kms".equals(arn.service()) || !arn.isRegional()) {
				return null;
			}
			String resource = arn.resource();
			if (resource.startsWith(KEY_PREFIX) && KEY_ID.matcher(resource.substring(KEY_PREFIX.length())).matches()) {
				return new KmsKeyReference(Form.KEY_ARN, text);
			}
			return ALIAS_NAME.matcher(resource).matches() ? new KmsKeyReference(Form.ALIAS_ARN, text) : null;
		}
		if (ALIAS_NAME.matcher(text).matches()) {
			return new KmsKeyReference(Form.ALIAS_NAME, text);
		}
		return KEY_ID.matcher(text).matches() ? new KmsKeyReference(Form.KEY_ID, text) : null;
	}

	/**
	 * Return whether the given text is a key reference in one of the four forms.
	 * @param text the text
	 * @return whether it is a key reference
	 */
	public static boolean isValid(String text) {
		return parse(text) != null;
	}

	/**
	 * Return whether the given text is a KMS key ARN (not an alias ARN), the only form
	 * IAM takes as the resource of {@code kms:Decrypt}.
	 * @param text the text, or {@code null}
	 * @return whether it is a key ARN
	 */
	public static boolean isKeyArn(@Nullable String text) {
		KmsKeyReference reference = (text != null) ? parse(text) : null;
		return reference != null && reference.form() == Form.KEY_ARN;
	}

	/**
	 * Return whether the given text is an alias, by name or ARN.
	 * @param text the text, or {@code null}
	 * @return whether it is an alias
	 */
	public static boolean isAlias(@Nullable String text) {
		KmsKeyReference reference = (text != null) ? parse(text) : null;
		return reference != null && reference.isAlias();
	}

	/**
	 * Return whether this reference is an alias, by name or ARN: it names whichever key
	 * the alias points to at the time of the call.
	 * @return whether it is an alias
	 */
	public boolean isAlias() {
		return this.form == Form.ALIAS_NAME || this.form == Form.ALIAS_ARN;
	}

	/**
	 * Return whether this reference names one key for good: a key ARN, or a key id in the
	 * form KMS gives its keys (a UUID, or {@code mrk-} and 32 hex digits for a
	 * multi-Region key).
	 * @return whether it may be sent as the {@code KeyId} of {@code Decrypt}
	 */
	public boolean namesOneKey() {
		return this.form == Form.KEY_ARN
				|| (this.form == Form.KEY_ID && CANONICAL_KEY_ID.matcher(this.value).matches());
	}

	/**
	 * Return whether this reference is the AWS managed key of SSM, by alias name or ARN.
	 * @return whether it is {@value #AWS_MANAGED_SSM_KEY_ALIAS}
	 */
	public boolean isAwsManagedSsmKey() {
		return this.value.equals(AWS_MANAGED_SSM_KEY_ALIAS)
				|| (this.form == Form.ALIAS_ARN && this.value.endsWith(":" + AWS_MANAGED_SSM_KEY_ALIAS));
	}

	/**
	 * Return the region of the key, when this reference is an ARN.
	 * @return the region, or {@code null}
	 */
	public @Nullable String region() {
		return Arn.regionOf(this.value);
	}

	/**
	 * Return the account of the key, when this reference is an ARN.
	 * @return the account, or {@code null}
	 */
	public @Nullable String accountId() {
		Arn arn = Arn.parse(this.value);
		return (arn != null) ? arn.accountId() : null;
	}

	/**
	 * Return this reference as an ARN in the partition, region and account of the given
	 * resource, for a key id or alias name given with it (as SSM keeps the key of a
	 * parameter): a key id gives a key ARN, an alias name an alias ARN, and an ARN stays
	 * as it is.
	 * @param resource the ARN of the resource in the key's region and account, such as
	 * the parameter's
	 * @return the reference as an ARN
	 */
	public KmsKeyReference qualifiedBy(Arn resource) {
		return switch (this.form) {
			case KEY_ID ->
				new KmsKeyReference(Form.KEY_ARN, resource.sibling("kms", KEY_PREFIX + this.value).toString());
			case ALIAS_NAME -> new KmsKeyReference(Form.ALIAS_ARN, resource.sibling("kms", this.value).toString());
			case KEY_ARN, ALIAS_ARN -> this;
		};
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * The forms of a key reference.
	 *
	 * @since 0.1.0
	 */
	public enum Form {

		/**
		 * A key id, such as {@code 1234abcd-12ab-34cd-56ef-1234567890ab}.
		 */
		KEY_ID,

		/**
		 * A key ARN, {@code arn:<partition>:kms:<region>:<account>:key/<key id>}.
		 */
		KEY_ARN,

		/**
		 * An alias name, {@code alias/<name>}.
		 */
		ALIAS_NAME,

		/**
		 * An alias ARN, {@code arn:<partition>:kms:<region>:<account>:alias/<name>}.
		 */
		ALIAS_ARN

	}

}
