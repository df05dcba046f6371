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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Terminal}.
 */
class TerminalTests {

	@Test
	void drawsOnTerminalStandardErrorWhenStandardOutputIsRedirected() {
		assertThat(Terminal.isStandardErrorInteractive(null, "/dev/pts/3", false)).isTrue();
		assertThat(Terminal.isStandardErrorInteractive(null, "/dev/tty1", false)).isTrue();
	}

	@Test
	void staysQuietWhenStandardErrorIsRedirectedFromTerminalSession() {
		assertThat(Terminal.isStandardErrorInteractive(null, "/home/ci/bake.log", true)).isFalse();
		assertThat(Terminal.isStandardErrorInteractive(null, "pipe:[81731]", true)).isFalse();
		assertThat(Terminal.isStandardErrorInteractive(null, "/dev/null", true)).isFalse();
	}

	@Test
	void staysQuietInCiEvenOnTerminal() {
		assertThat(Terminal.isStandardErrorInteractive("true", "/dev/pts/0", true)).isFalse();
		assertThat(Terminal.isStandardErrorInteractive("1", null, true)).isFalse();
		assertThat(Terminal.isStandardErrorInteractive("false", "/dev/pts/0", true)).isTrue();
		assertThat(Terminal.isStandardErrorInteractive("", "/dev/pts/0", true)).isTrue();
	}

	@Test
	void fallsBackToConsoleWhereStandardErrorCannotBeInspected() {
		assertThat(Terminal.isStandardErrorInteractive(null, null, true)).isTrue();
		assertThat(Terminal.isStandardErrorInteractive(null, null, false)).isFalse();
	}

	@Test
	void readsWhereStandardErrorPointsOnLinux() throws IOException {
		Path standardError = Path.of("/proc/self/fd/2");
		assumeTrue(Files.isSymbolicLink(standardError), "standard error is inspectable on Linux only");
		assertThat(Terminal.standardErrorTarget()).isEqualTo(Files.readSymbolicLink(standardError).toString());
	}

}
