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

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a baked secrets file cannot be read or is not valid. The message names the
 * file and, where there is one, the offending secret; it never contains a ciphertext.
 *
 * @since 0.1.0
 */
public class InvalidBakedSecretsException extends RuntimeException {

	private final String source;

	private final @Nullable String secretName;

	/**
	 * Create a new instance.
	 * @param source a description of the file, such as its path
	 * @param secretName the name of the offending secret, or {@code null}
	 * @param problem what is wrong
	 * @param cause the cause or {@code null}
	 */
	public InvalidBakedSecretsException(String source, @Nullable String secretName, String problem,
			@Nullable Throwable cause) {
		super(buildMessage(source, secretName, problem), cause);
		this.source = source;
		this.secretName = secretName;
	}

	private static String buildMessage(String source, @Nullable String secretName, String problem) {
		StringBuilder message = new StringBuilder("Invalid baked secrets file '").append(source).append("'");
		if (secretName != null) {
			message.append(", secret '").append(secretName).append("'");
		}
		return message.append(": ").append(problem).append(". Bake the file again with secret-baker.").toString();
	}

	/**
	 * Return a description of the file, such as its path.
	 * @return the file
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Return the name of the offending secret.
	 * @return the secret name or {@code null} if the problem is not with one secret
	 */
	public @Nullable String getSecretName() {
		return this.secretName;
	}

}
