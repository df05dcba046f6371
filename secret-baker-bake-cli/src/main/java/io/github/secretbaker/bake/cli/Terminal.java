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

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether a progress line may be drawn on standard error. Java cannot ask whether
 * standard error is a terminal, so on Linux the target of {@code /proc/self/fd/2}
 * decides; elsewhere {@link System#console()}, which speaks for standard input and
 * output, stands in. Never in CI.
 */
final class Terminal {

	private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

	private Terminal() {
	}

	static boolean isStandardErrorInteractive() {
		return isStandardErrorInteractive(System.getenv("CI"), standardErrorTarget(), hasConsole());
	}

	/**
	 * Decide whether standard error is an interactive terminal.
	 * @param ci the value of the {@code CI} environment variable, or {@code null}
	 * @param standardErrorTarget what standard error points to, such as
	 * {@code /dev/pts/0}, or {@code null} where that cannot be read
	 * @param console whether Java has a console (standard input and output on a terminal)
	 * @return whether to draw on standard error
	 */
	static boolean isStandardErrorInteractive(@Nullable String ci, @Nullable String standardErrorTarget,
			boolean console) {
		if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
			return false;
		}
		if (standardErrorTarget != null) {
			return standardErrorTarget.startsWith("/dev/pts/") || standardErrorTarget.startsWith("/dev/tty")
					|| standardErrorTarget.equals("/dev/console");
		}
		return console;
	}

	static @Nullable String standardErrorTarget() {
		try {
			return Files.readSymbolicLink(STANDARD_ERROR).toString();
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return null;
		}
	}

	private static boolean hasConsole() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// From Java 22 a console exists even when streams are redirected;
			// isTerminal() tells.
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
