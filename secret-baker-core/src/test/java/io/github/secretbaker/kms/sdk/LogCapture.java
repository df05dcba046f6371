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

package io.github.secretbaker.kms.sdk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures everything logged through SLF4J (the AWS SDK's loggers included) while an
 * action runs with the root logger at TRACE.
 */
public final class LogCapture {

	private LogCapture() {
	}

	/**
	 * Run the given action with the root logger at TRACE and return what was logged.
	 * @param action the action
	 * @return each event's level, logger, message and causes, one line each
	 */
	public static String atTrace(Runnable action) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level previous = root.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setContext(context);
		appender.start();
		root.addAppender(appender);
		root.setLevel(Level.TRACE);
		try {
			action.run();
		}
		finally {
			root.setLevel(previous);
			root.detachAppender(appender);
			appender.stop();
		}
		StringBuilder output = new StringBuilder();
		for (ILoggingEvent event : appender.list) {
			output.append(event.getLevel())
				.append(' ')
				.append(event.getLoggerName())
				.append(" - ")
				.append(event.getFormattedMessage())
				.append('\n');
			for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
				output.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
			}
		}
		return output.toString();
	}

	/**
	 * Assert that captured output holds no part of a secret access key or session token
	 * of 6 or more characters, no signature and no signature input.
	 * @param output the output
	 * @param secretAccessKey the secret access key
	 * @param sessionToken the session token
	 */
	public static void assertHoldsNoCredential(String output, String secretAccessKey, String sessionToken) {
		for (String credential : new String[] { secretAccessKey, sessionToken }) {
			for (int i = 0; i + 6 <= credential.length(); i++) {
				assertThat(output).doesNotContain(credential.substring(i, i + 6));
			}
		}
		assertThat(output).doesNotContain("AWS4-HMAC-SHA256")
			.doesNotContain("Signature=")
			.doesNotContainPattern("[0-9a-f]{64}");
	}

}
