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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Where a function finds its baked secrets file: {@code classpath:} followed by a
 * resource name, or a file path, optionally prefixed with {@code file:}. The default is
 * the file the bake writes into the artifact, at the root of the classpath.
 *
 * @since 0.1.0
 */
public final class BakedSecretsLocation {

	/**
	 * The prefix of a location on the classpath.
	 */
	public static final String CLASSPATH_PREFIX = "classpath:";

	/**
	 * The prefix of a location in the file system.
	 */
	public static final String FILE_PREFIX = "file:";

	/**
	 * The default location, {@code classpath:secret-baker-secrets.json}.
	 */
	public static final String DEFAULT = CLASSPATH_PREFIX + BakedSecretsFile.DEFAULT_FILE_NAME;

	private BakedSecretsLocation() {
	}

	/**
	 * Read the file at the given location.
	 * @param location the location
	 * @param classLoader the class loader for {@code classpath:} locations, or
	 * {@code null} for the one that loaded this class
	 * @return the secrets
	 * @throws InvalidBakedSecretsException if the file is missing or not valid
	 */
	public static BakedSecrets read(String location, @Nullable ClassLoader classLoader) {
		BakedSecrets secrets = readIfPresent(location, classLoader);
		if (secrets == null) {
			throw new InvalidBakedSecretsException(location, null,
					"does not exist; run the bake step before packaging, or point the location at the baked file",
					null);
		}
		return secrets;
	}

	/**
	 * Read the file at the given location, if there is one.
	 * @param location the location
	 * @param classLoader the class loader for {@code classpath:} locations, or
	 * {@code null} for the one that loaded this class
	 * @return the secrets, or {@code null} if there is no file at that location
	 * @throws InvalidBakedSecretsException if the file is not valid
	 */
	static @Nullable BakedSecrets readIfPresent(String location, @Nullable ClassLoader classLoader) {
		if (location.startsWith(CLASSPATH_PREFIX)) {
			String resource = location.substring(CLASSPATH_PREFIX.length());
			resource = resource.startsWith("/") ? resource.substring(1) : resource;
			ClassLoader loader = (classLoader != null) ? classLoader : BakedSecretsLocation.class.getClassLoader();
			try (InputStream in = loader.getResourceAsStream(resource)) {
				return (in != null) ? BakedSecretsFile.read(in, location) : null;
			}
			catch (IOException ex) {
				throw new InvalidBakedSecretsException(location, null, "cannot be read (" + ex + ")", ex);
			}
		}
		Path path = Path.of(location.startsWith(FILE_PREFIX) ? location.substring(FILE_PREFIX.length()) : location);
		return Files.exists(path) ? BakedSecretsFile.read(path) : null;
	}

}
