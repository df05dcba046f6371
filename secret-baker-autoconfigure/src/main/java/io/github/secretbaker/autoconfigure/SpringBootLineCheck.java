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

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Fails startup when the application runs a Spring Boot line that this build of the
 * auto-configuration is not for, rather than letting it silently add no secret.
 * <p>
 * It is registered as an {@link ApplicationListener} in
 * {@code META-INF/spring.factories}, a key and a contract that every Spring Boot line
 * loads alike, and it runs before any {@code EnvironmentPostProcessor}: Spring Boot 3
 * never loads the Spring Boot 4 line's post-processor, and Spring Boot 4 cannot create
 * the Spring Boot 3 line's one.
 */
class SpringBootLineCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(SpringBootVersion.getVersion(), SupportedSpringBootLine.LINE);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Check that the given Spring Boot version belongs to the supported line.
	 * @param version the Spring Boot version the application runs, or {@code null} if
	 * unknown
	 * @param supported the line this build of the auto-configuration is for
	 * @throws UnsupportedSpringBootLineException if the version is not of that line
	 */
	static void check(@Nullable String version, SpringBootLine supported) {
		SpringBootLine running = SpringBootLine.supporting(version);
		if (running != supported) {
			throw new UnsupportedSpringBootLineException(version, supported, running);
		}
	}

}
