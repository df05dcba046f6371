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

package io.github.secretbaker.kms;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Decrypted secret values keyed by secret name. Values never appear in
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class DecryptedSecrets {

	private final Map<String, String> values;

	private DecryptedSecrets(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	/**
	 * Create an instance holding the given values.
	 * @param values the values keyed by secret name
	 * @return the secrets
	 */
	public static DecryptedSecrets of(Map<String, String> values) {
		return new DecryptedSecrets(values);
	}

	/**
	 * Return the value of the secret with the given name.
	 * @param name the secret name
	 * @return the value, or {@code null} if there is no such secret
	 */
	public @Nullable String get(String name) {
		return this.values.get(name);
	}

	/**
	 * Return the value of the secret with the given name, which must exist.
	 * @param name the secret name
	 * @return the value
	 * @throws NoSuchElementException if there is no such secret; the message lists the
	 * names that exist
	 */
	public String require(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new NoSuchElementException("No baked secret named '" + name + "' (baked: "
					+ String.join(", ", this.values.keySet()) + "). Add it to the bake configuration and bake again.");
		}
		return value;
	}

	/**
	 * Return whether a secret with the given name exists.
	 * @param name the secret name
	 * @return whether it exists
	 */
	public boolean contains(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * Return the secret names in order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.values.keySet();
	}

	/**
	 * Return the number of secrets.
	 * @return the size
	 */
	public int size() {
		return this.values.size();
	}

	@Override
	public String toString() {
		return "DecryptedSecrets" + this.values.keySet();
	}

}
