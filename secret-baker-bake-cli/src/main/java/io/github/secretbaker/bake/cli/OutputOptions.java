package io.github.secretbaker.bake.cli;

import picocli.CommandLine.Option;

/**
 * How much a command prints.
 */
final class OutputOptions {

	@Option(names = { "-q", "--quiet" }, description = "Print nothing but errors and warnings.")
	boolean quiet;

	@Option(names = { "-v", "--verbose" },
			description = "Print one line per secret (name, path, version, key, tier; never values) and call counts.")
	boolean verbose;

}
