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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a secret-baker starter used on a Spring Boot line it is not built for: the
 * Spring Boot version found, the line the starter supports, and the starter to use
 * instead.
 */
class UnsupportedSpringBootLineFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedSpringBootLineException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootLineException cause) {
		SpringBootLine supported = cause.getSupported();
		String description = "The application runs " + cause.getFound() + ", but the secret-baker auto-configuration "
				+ "on its class path (" + supported.getAutoConfiguration() + ", brought by " + supported.getStarter()
				+ ") supports " + supported.getDescription() + " only. On another Spring Boot line it would add no "
				+ "baked secret, and every ${NAME:default} placeholder would silently run on its default.";
		return new FailureAnalysis(description, action(cause), cause);
	}

	private static String action(UnsupportedSpringBootLineException cause) {
		SpringBootLine running = cause.getRunning();
		String replaced = cause.getSupported().getStarter();
		if (running != null) {
			return "Replace the dependency io.github.secretbaker:" + replaced + " with io.github.secretbaker:"
					+ running.getStarter() + " (same version), which supports " + running.getDescription() + ".";
		}
		StringBuilder action = new StringBuilder("No secret-baker starter supports ").append(cause.getFound())
			.append(". Upgrade the application to a supported Spring Boot line and use its starter:");
		for (SpringBootLine line : SpringBootLine.values()) {
			action.append("\n    ")
				.append(line.getDescription())
				.append(": io.github.secretbaker:")
				.append(line.getStarter());
		}
		return action.toString();
	}

}
