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

package io.github.secretbaker.bake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for the tests, since the command line bundles none: it writes every
 * enabled event, with its stack trace, to the {@link System#err} of the moment, where a
 * test captures it. Nothing is enabled until a test sets the levels, so other tests stay
 * quiet.
 */
public final class StandardErrorLoggerProvider implements SLF4JServiceProvider {

	private static final String AWS_SDK = "software.amazon.awssdk";

	private static volatile int rootLevel = Integer.MAX_VALUE;

	private static volatile int sdkLevel = Integer.MAX_VALUE;

	private final ILoggerFactory loggerFactory = StandardErrorLogger::new;

	private final IMarkerFactory markerFactory = new BasicMarkerFactory();

	private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

	/**
	 * Enable logging: every logger at the root level, the AWS SDK's at its own.
	 * @param root the level of every logger
	 * @param awsSdk the level of the loggers under {@code software.amazon.awssdk}
	 */
	static void enable(Level root, Level awsSdk) {
		rootLevel = root.toInt();
		sdkLevel = awsSdk.toInt();
	}

	/**
	 * Turn logging off again.
	 */
	static void disable() {
		rootLevel = Integer.MAX_VALUE;
		sdkLevel = Integer.MAX_VALUE;
	}

	@Override
	public ILoggerFactory getLoggerFactory() {
		return this.loggerFactory;
	}

	@Override
	public IMarkerFactory getMarkerFactory() {
		return this.markerFactory;
	}

	@Override
	public MDCAdapter getMDCAdapter() {
		return this.mdcAdapter;
	}

	@Override
	public String getRequestedApiVersion() {
		return "2.0.99";
	}

	@Override
	public void initialize() {
	}

	/**
	 * A logger that prints {@code LEVEL name message} lines.
	 */
	private static final class StandardErrorLogger extends LegacyAbstractLogger {

		StandardErrorLogger(String name) {
			this.name = name;
		}

		private boolean isEnabled(Level level) {
			return level.toInt() >= (this.name.startsWith(AWS_SDK) ? sdkLevel : rootLevel);
		}

		@Override
		public boolean isTraceEnabled() {
			return isEnabled(Level.TRACE);
		}

		@Override
		public boolean isDebugEnabled() {
			return isEnabled(Level.DEBUG);
		}

		@Override
		public boolean isInfoEnabled() {
			return isEnabled(Level.INFO);
		}

		@Override
		public boolean isWarnEnabled() {
			return isEnabled(Level.WARN);
		}

		@Override
		public boolean isErrorEnabled() {
			return isEnabled(Level.ERROR);
		}

		@Override
		protected @Nullable String getFullyQualifiedCallerName() {
			return null;
		}

		@Override
		protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, String messagePattern,
				Object @Nullable [] arguments, @Nullable Throwable throwable) {
			StringWriter line = new StringWriter();
			line.append(level.name())
				.append(' ')
				.append(this.name)
				.append(' ')
				.append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
			if (throwable != null) {
				line.append(System.lineSeparator());
				throwable.printStackTrace(new PrintWriter(line));
			}
			System.err.println(line);
		}

	}

}
