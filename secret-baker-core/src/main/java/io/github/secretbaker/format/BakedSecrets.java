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

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The immutable content of a baked secrets file: secrets keyed by name, sorted by name.
 *
 * @since 0.1.0
 */
public final class BakedSecrets implements Iterable<BakedSecret> {

	private static final BakedSecrets EMPTY = new BakedSecrets(new TreeMap<>());

	private final Map<String, BakedSecret> secrets;

	private BakedSecrets(TreeMap<String, BakedSecret> secrets) {
		this.secrets = Collections.unmodifiableMap(secrets);
	}

	/**
	 * Return an empty instance.
	 * @return no secrets
	 */
	public static BakedSecrets empty() {
		return EMPTY;
	}

	/**
	 * Create an instance from the given secrets.
	 * @param secrets the secrets
	 * @return the secrets, sorted by name
	 * @throws IllegalArgumentException if two secrets share a name
	 */
	public static BakedSecrets of(Collection<BakedSecret> secrets) {
		TreeMap<String, BakedSecret> byName = new TreeMap<>();
		for (BakedSecret secret : secrets) {
			if (byName.putIfAbsent(secret.name(), secret) != null) {
				throw new IllegalArgumentException("Duplicate secret name '" + secret.name() + "'");
			}
		}
		return new BakedSecrets(byName);
	}

	/**
	 * Return the secret with the given name.
	 * @param name the secret name
	 * @return the secret or {@code null}
	 */
	public @Nullable BakedSecret get(String name) {
		return this.secrets.get(name);
	}

	/**
	 * Return the secret names in order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.secrets.keySet();
	}

	/**
	 * Return the secrets in name order.
	 * @return the secrets
	 */
	public List<BakedSecret> asList() {
		return List.copyOf(this.secrets.values());
	}

	/**
	 * Return the number of secrets.
	 * @return the size
	 */
	public int size() {
		return this.secrets.size();
	}

	/**
	 * Return whether there are no secrets.
	 * @return whether empty
	 */
	public boolean isEmpty() {
		return this.secrets.isEmpty();
	}

	/**
	 * Return the secrets that match the given predicate.
	 * @param predicate the predicate to apply
	 * @return the matching secrets
	 */
	public BakedSecrets filter(Predicate<BakedSecret> predicate) {
		TreeMap<String, BakedSecret> matching = new TreeMap<>();
		this.secrets.forEach((name, secret) -> {
			if (predicate.test(secret)) {
				matching.put(name, secret);
			}
		});
		return new BakedSecrets(matching);
	}

	@Override
	public Iterator<BakedSecret> iterator() {
		return this.secrets.values().iterator();
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj) || (obj instanceof BakedSecrets other && this.secrets.equals(other.secrets));
	}

	@Override
	public int hashCode() {
		return this.secrets.hashCode();
	}

	@Override
	public String toString() {
		return "BakedSecrets" + this.secrets.keySet();
	}

}
