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
