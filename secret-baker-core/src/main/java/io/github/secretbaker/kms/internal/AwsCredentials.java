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

package io.github.secretbaker.kms.internal;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * AWS credentials to sign requests with. Its {@link #toString()} names no part of them.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiration when temporary credentials expire, or {@code null} when not known
 * @since 0.1.0
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken,
		@Nullable Instant expiration) {

	/**
	 * Create credentials.
	 */
	public AwsCredentials {
		Objects.requireNonNull(accessKeyId, "'accessKeyId' must not be null");
		Objects.requireNonNull(secretAccessKey, "'secretAccessKey' must not be null");
	}

	@Override
	public String toString() {
		return "AwsCredentials[" + ((this.sessionToken != null) ? "temporary" : "long-term")
				+ ((this.expiration != null) ? ", expires " + this.expiration : "") + "]";
	}

}
