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

package io.github.secretbaker.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the application runs a Spring Boot version that the secret-baker
 * auto-configuration on its class path is not built for.
 */
class UnsupportedSpringBootLineException extends RuntimeException {

	private final @Nullable String version;

	private final SpringBootLine supported;

	private final @Nullable SpringBootLine running;

	/**
	 * Create a new instance.
	 * @param version the Spring Boot version the application runs, or {@code null} if
	 * unknown
	 * @param supported the line the auto-configuration on the class path is built for
	 * @param running the line that supports the running version, or {@code null} if none
	 */
	UnsupportedSpringBootLineException(@Nullable String version, SpringBootLine supported,
			@Nullable SpringBootLine running) {
		super(supported.getStarter() + " supports " + supported.getDescription() + " only, but the application runs "
				+ describe(version) + "; " + instead(running));
		this.version = version;
		this.supported = supported;
		this.running = running;
	}

	/**
	 * Return the Spring Boot version the application runs, such as "Spring Boot 3.5.7".
	 * @return the description of the version
	 */
	String getFound() {
		return describe(this.version);
	}

	/**
	 * Return the line the auto-configuration on the class path is built for.
	 * @return the supported line
	 */
	SpringBootLine getSupported() {
		return this.supported;
	}

	/**
	 * Return the line that supports the running version.
	 * @return that line, or {@code null} if no line does
	 */
	@Nullable SpringBootLine getRunning() {
		return this.running;
	}

	private static String describe(@Nullable String version) {
		return (version != null) ? "Spring Boot " + version : "a Spring Boot version that does not state its version";
	}

	private static String instead(@Nullable SpringBootLine running) {
		if (running != null) {
			return "use " + running.getStarter() + " instead";
		}
		StringBuilder lines = new StringBuilder("no secret-baker starter supports it");
		for (SpringBootLine line : SpringBootLine.values()) {
			lines.append("; ").append(line.getStarter()).append(" supports ").append(line.getDescription());
		}
		return lines.toString();
	}

}
