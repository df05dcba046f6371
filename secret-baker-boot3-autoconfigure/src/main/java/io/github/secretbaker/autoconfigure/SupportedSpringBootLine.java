package io.github.secretbaker.autoconfigure;

/**
 * The Spring Boot line that this build of the auto-configuration is compiled for and
 * supports.
 */
final class SupportedSpringBootLine {

	static final SpringBootLine LINE = SpringBootLine.SPRING_BOOT_3;

	private SupportedSpringBootLine() {
	}

}
