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
 * An Amazon Resource Name,
 * {@code arn:<partition>:<service>:<region>:<account>:<resource>}, in one of the
 * partitions {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-eusc} (the
 * European Sovereign Cloud) or {@code aws-iso*}. The region and the account may be empty,
 * as in IAM ARNs.
 *
 * @param partition the partition, such as {@code aws}
 * @param service the service, such as {@code kms}
 * @param region the region, such as {@code eu-west-1}, or empty
 * @param accountId the twelve-digit account, or empty
 * @param resource the resource, such as {@code key/1234abcd-...}
 * @since 0.1.0
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

	private static final String PREFIX = "arn:";

	private static final Pattern PARTITION = Pattern.compile("aws|aws-cn|aws-us-gov|aws-eusc|aws-iso(?:-[a-z]+)?");

	private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");

	private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(?:-[a-z]+){1,2}-[0-9]{1,2}");

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

	/**
	 * Parse the given text as an ARN.
	 * @param text the text
	 * @return the ARN, or {@code null} if the text is not one
	 */
	public static @Nullable Arn parse(String text) {
		if (!isArnLike(text)) {
			return null;
		}
		String[] parts = text.split(":", 6);
		if (parts.length != 6 || !PARTITION.matcher(parts[1]).matches() || !SERVICE.matcher(parts[2]).matches()
				|| (!parts[3].isEmpty() && !REGION.matcher(parts[3]).matches())
				|| (!parts[4].isEmpty() && !ACCOUNT_ID.matcher(parts[4]).matches()) || parts[5].isEmpty()) {
			return null;
		}
		return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
	}

	/**
	 * Return whether the given text starts as an ARN does, whether or not it is a valid
	 * one: such text is an identifier, never a value, so a message may quote it.
	 * @param text the text
	 * @return whether it starts with {@code arn:}
	 */
	public static boolean isArnLike(String text) {
		return text.startsWith(PREFIX);
	}

	/**
	 * Return the region of the resource the given text names, if it is an ARN with one.
	 * @param text the text, or {@code null}
	 * @return the region, or {@code null}
	 */
	public static @Nullable String regionOf(@Nullable String text) {
		Arn arn = (text != null) ? parse(text) : null;
		return (arn != null && !arn.region().isEmpty()) ? arn.region() : null;
	}

	/**
	 * Return whether the resource has both a region and an account, as KMS keys and SSM
	 * parameters do.
	 * @return whether the ARN is regional and of an account
	 */
	public boolean isRegional() {
		return !this.region.isEmpty() && !this.accountId.isEmpty();
	}

	/**
	 * Return the ARN of another resource of another service in the same partition, region
	 * and account.
	 * @param service the other service
	 * @param resource the other resource
	 * @return the ARN
	 */
	Arn sibling(String service, String resource) {
		return new Arn(this.partition, service, this.region, this.accountId, resource);
	}

	@Override
	public String toString() {
		return PREFIX + this.partition + ":" + this.service + ":" + this.region + ":" + this.accountId + ":"
				+ this.resource;
	}

}
