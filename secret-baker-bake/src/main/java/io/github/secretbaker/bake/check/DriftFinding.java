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

package io.github.secretbaker.bake.check;

import java.util.Objects;

/**
 * One difference between a baked secrets file and what its manifest and SSM say now. The
 * message names the secret and says what to do; it never contains a value or a
 * ciphertext.
 *
 * @param secretName the name of the secret
 * @param kind the kind of difference
 * @param message a description and what to do
 * @since 0.1.0
 */
public record DriftFinding(String secretName, Kind kind, String message) {

	/**
	 * Create a new {@link DriftFinding}.
	 */
	public DriftFinding {
		Objects.requireNonNull(secretName, "'secretName' must not be null");
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(message, "'message' must not be null");
	}

	/**
	 * Return a one-line description naming the secret.
	 * @return the description
	 */
	public String describe() {
		return "Secret '" + this.secretName + "': " + this.message;
	}

	/**
	 * The kinds of differences.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/**
		 * The manifest lists the secret but the file does not hold it.
		 */
		MISSING_FROM_FILE,

		/**
		 * The file holds a secret that the manifest does not list.
		 */
		EXTRA_IN_FILE,

		/**
		 * SSM holds a newer version of an unpinned secret than the one baked, or the
		 * manifest now pins another version than the one baked.
		 */
		NEWER_VERSION,

		/**
		 * The label a secret is pinned to is now on another version.
		 */
		LABEL_MOVED,

		/**
		 * The value in SSM differs from the baked one, for a file without versions.
		 */
		VALUE_CHANGED,

		/**
		 * The parameter no longer exists.
		 */
		PARAMETER_GONE,

		/**
		 * The pinned version no longer exists.
		 */
		VERSION_GONE,

		/**
		 * The pinned label is on no version any more.
		 */
		LABEL_GONE,

		/**
		 * The version now in SSM is encrypted with another key than the baked one.
		 */
		KEY_CHANGED,

		/**
		 * The manifest's path now names another parameter than the baked ARN.
		 */
		ARN_CHANGED,

		/**
		 * The parameter could not be baked any more, for example because its type
		 * changed.
		 */
		NOT_BAKEABLE

	}

}
