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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Spring Boot line that secret-baker supports, with the starter and auto-configuration
 * built for it.
 */
enum SpringBootLine {

	/**
	 * Spring Boot 3.5.
	 */
	SPRING_BOOT_3("Spring Boot 3.5.x", 3, 5, "secret-baker-spring-boot3-starter", "secret-baker-boot3-autoconfigure"),

	/**
	 * Spring Boot 4.
	 */
	SPRING_BOOT_4("Spring Boot 4.x", 4, 0, "secret-baker-spring-boot-starter", "secret-baker-autoconfigure");

	private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)(?:[.-].*)?");

	private final String description;

	private final int major;

	private final int minimumMinor;

	private final String starter;

	private final String autoConfiguration;

	SpringBootLine(String description, int major, int minimumMinor, String starter, String autoConfiguration) {
		this.description = description;
		this.major = major;
		this.minimumMinor = minimumMinor;
		this.starter = starter;
		this.autoConfiguration = autoConfiguration;
	}

	/**
	 * Return the line that supports the given Spring Boot version.
	 * @param version a Spring Boot version, such as {@code 3.5.7}, or {@code null} if
	 * unknown
	 * @return the line, or {@code null} if no line supports the version
	 */
	static @Nullable SpringBootLine supporting(@Nullable String version) {
		Matcher matcher = (version != null) ? MAJOR_MINOR.matcher(version) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		for (SpringBootLine line : values()) {
			if (line.major == major && minor >= line.minimumMinor) {
				return line;
			}
		}
		return null;
	}

	/**
	 * Return the Spring Boot versions of the line, such as {@code Spring Boot 3.5.x}.
	 * @return the description
	 */
	String getDescription() {
		return this.description;
	}

	/**
	 * Return the artifact id of the starter to use on this line.
	 * @return the starter's artifact id
	 */
	String getStarter() {
		return this.starter;
	}

	/**
	 * Return the artifact id of the auto-configuration built for this line.
	 * @return the auto-configuration's artifact id
	 */
	String getAutoConfiguration() {
		return this.autoConfiguration;
	}

}
