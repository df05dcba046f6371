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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SpringBootLineCheck}.
 */
class SpringBootLineCheckTests {

	@Test
	void acceptsTheSpringBootVersionItIsBuiltAndTestedWith() {
		assertThat(SpringBootLine.supporting(SpringBootVersion.getVersion())).isEqualTo(SupportedSpringBootLine.LINE);
		assertThatNoException()
			.isThrownBy(() -> SpringBootLineCheck.check(SpringBootVersion.getVersion(), SupportedSpringBootLine.LINE));
	}

	@Test
	void isRegisteredAsAnApplicationListenerThatRunsFirst() {
		@SuppressWarnings("rawtypes")
		List<ApplicationListener> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class);
		assertThat(listeners).filteredOn(SpringBootLineCheck.class::isInstance)
			.singleElement()
			.satisfies((listener) -> assertThat(((Ordered) listener).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE));
	}

	@Test
	void findsTheLineOfEachSupportedVersion() {
		assertThat(SpringBootLine.supporting("3.5.7")).isEqualTo(SpringBootLine.SPRING_BOOT_3);
		assertThat(SpringBootLine.supporting("3.5.0-RC1")).isEqualTo(SpringBootLine.SPRING_BOOT_3);
		assertThat(SpringBootLine.supporting("4.0.0")).isEqualTo(SpringBootLine.SPRING_BOOT_4);
		assertThat(SpringBootLine.supporting("4.1.2")).isEqualTo(SpringBootLine.SPRING_BOOT_4);
		assertThat(SpringBootLine.supporting("4.1.0-SNAPSHOT")).isEqualTo(SpringBootLine.SPRING_BOOT_4);
	}

	@Test
	void findsNoLineForAnUnsupportedOrUnknownVersion() {
		assertThat(SpringBootLine.supporting("2.7.18")).isNull();
		assertThat(SpringBootLine.supporting("3.4.11")).isNull();
		assertThat(SpringBootLine.supporting("5.0.0")).isNull();
		assertThat(SpringBootLine.supporting("35.7")).isNull();
		assertThat(SpringBootLine.supporting("")).isNull();
		assertThat(SpringBootLine.supporting(null)).isNull();
	}

	@Test
	void namesTheStarterOfTheOtherLine() {
		assertThatExceptionOfType(UnsupportedSpringBootLineException.class)
			.isThrownBy(() -> SpringBootLineCheck.check("3.5.7", SpringBootLine.SPRING_BOOT_4))
			.withMessage("secret-baker-spring-boot-starter supports Spring Boot 4.x only, but the application runs "
					+ "Spring Boot 3.5.7; use secret-baker-spring-boot3-starter instead");
		assertThatExceptionOfType(UnsupportedSpringBootLineException.class)
			.isThrownBy(() -> SpringBootLineCheck.check("4.1.2", SpringBootLine.SPRING_BOOT_3))
			.withMessage("secret-baker-spring-boot3-starter supports Spring Boot 3.5.x only, but the application runs "
					+ "Spring Boot 4.1.2; use secret-baker-spring-boot-starter instead");
	}

	@Test
	void namesEveryStarterWhenNoneSupportsTheVersion() {
		assertThatExceptionOfType(UnsupportedSpringBootLineException.class)
			.isThrownBy(() -> SpringBootLineCheck.check("2.7.18", SpringBootLine.SPRING_BOOT_3))
			.withMessage("secret-baker-spring-boot3-starter supports Spring Boot 3.5.x only, but the application runs "
					+ "Spring Boot 2.7.18; no secret-baker starter supports it; secret-baker-spring-boot3-starter "
					+ "supports Spring Boot 3.5.x; secret-baker-spring-boot-starter supports Spring Boot 4.x");
		assertThatExceptionOfType(UnsupportedSpringBootLineException.class)
			.isThrownBy(() -> SpringBootLineCheck.check(null, SpringBootLine.SPRING_BOOT_4))
			.withMessageContaining("runs a Spring Boot version that does not state its version");
	}

}
