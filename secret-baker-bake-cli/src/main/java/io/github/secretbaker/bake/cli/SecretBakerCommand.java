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
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.github.secretbaker.bake.BakeException;
import io.github.secretbaker.bake.BakeFailureCategory;
import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.policy.PolicyGenerationException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code secret-baker} command line: {@code bake}, {@code check}, {@code policy} and
 * {@code inspect}.
 *
 * @since 0.1.0
 */
@Command(name = "secret-baker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Bakes SSM SecureString ciphertexts into secret-baker-secrets.json without ever decrypting them.",
		subcommands = { BakeCommand.class, CheckCommand.class, VerifyCommand.class, PolicyCommand.class,
				InspectCommand.class, HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:Success.", "1:check found differences, or verify a secret that would not decrypt.",
				"2:Bad usage or input: options, manifest, baked file, a guard refusing a parameter, "
						+ "a missing parameter, version or label.",
				"3:AWS failure after retries (including access denied) or I/O failure." })
public final class SecretBakerCommand implements Callable<Integer> {

	private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

	@Spec
	CommandSpec spec;

	private final Function<String, @Nullable String> environment;

	private SecretBakerCommand(Function<String, @Nullable String> environment) {
		this.environment = environment;
	}

	/**
	 * Run the command line and exit with its exit code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		if (System.getProperty(SLF4J_VERBOSITY) == null) {
			// The SDK logs through SLF4J, which warns on stderr when no provider is
			// bound; the command line reports every problem itself, so the jar bundles no
			// provider.
			System.setProperty(SLF4J_VERBOSITY, "ERROR");
		}
		System.exit(commandLine().execute(args));
	}

	/**
	 * Create the command line with its exception handling, so that every failure prints
	 * one line per problem and exits with a documented code. Tests and embedders may
	 * redirect its output with {@link CommandLine#setOut(PrintWriter)} and
	 * {@link CommandLine#setErr(PrintWriter)}.
	 * @return the command line
	 */
	public static CommandLine commandLine() {
		return commandLine(System::getenv);
	}

	/**
	 * Create the command line as {@link #commandLine()} does, reading environment
	 * variables ({@code ${env:NAME}} of a {@code serverless.yml}, {@code AWS_REGION},
	 * {@code NO_COLOR}) from the given function rather than from the process; the AWS SDK
	 * still reads its own.
	 * @param environment the environment variables; returns {@code null} for one not set
	 * @return the command line
	 */
	public static CommandLine commandLine(Function<String, @Nullable String> environment) {
		CommandLine commandLine = new CommandLine(new SecretBakerCommand(environment));
		commandLine.setExecutionExceptionHandler(SecretBakerCommand::handleException);
		commandLine.setParameterExceptionHandler(SecretBakerCommand::handleParameterException);
		String noColor = environment.apply("NO_COLOR");
		if (noColor != null && !noColor.isEmpty()) {
			// picocli lets -Dpicocli.ansi=true override NO_COLOR; https://no-color.org
			// says it wins.
			commandLine.setColorScheme(Help.defaultColorScheme(Ansi.OFF));
		}
		return commandLine;
	}

	Function<String, @Nullable String> environment() {
		return this.environment;
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getErr());
		return ExitCodes.INVALID_INPUT;
	}

	/**
	 * Report a usage error in one line and where to find the usage, rather than the whole
	 * usage, which would bury the error.
	 * @param ex the exception
	 * @param args the command line arguments
	 * @return the exit code of a usage error
	 */
	private static int handleParameterException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("error: " + ex.getMessage());
		UnmatchedArgumentException.printSuggestions(ex, err);
		err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
		err.flush();
		return ExitCodes.INVALID_INPUT;
	}

	private static int handleException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		BakeFailureCategory category = BakeFailureCategory.of(ex);
		if (BakeFailureCategory.isMissingCredentials(ex)) {
			err.println("error: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass "
					+ "--profile");
		}
		else if (ex instanceof BakeException bakeException) {
			err.println("error: " + bakeException.getProblems().size() + " of the requested secrets cannot be baked:");
			bakeException.describeProblems().forEach((problem) -> err.println("  " + problem));
		}
		else if (ex instanceof InvalidManifestException manifestException) {
			err.println("error: invalid manifest '" + manifestException.getSource() + "':");
			manifestException.getProblems().forEach((problem) -> err.println("  " + problem));
		}
		else if (ex instanceof PolicyGenerationException policyException) {
			err.println("error: cannot generate the IAM policy:");
			policyException.getProblems().forEach((problem) -> err.println("  " + problem));
		}
		else if (BakeFailureCategory.isMissingRegion(ex)) {
			err.println("error: no AWS region: pass --region or set AWS_REGION");
		}
		else {
			err.println("error: " + ex.getMessage());
		}
		if (category == BakeFailureCategory.UNEXPECTED) {
			ex.printStackTrace(err);
		}
		err.flush();
		return switch (category) {
			case INVALID_INPUT -> ExitCodes.INVALID_INPUT;
			case AWS_OR_IO_FAILURE, UNEXPECTED -> ExitCodes.FAILURE;
		};
	}

}
