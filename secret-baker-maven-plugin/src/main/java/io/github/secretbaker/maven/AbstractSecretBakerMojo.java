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

package io.github.secretbaker.maven;

import io.github.secretbaker.bake.BakeException;
import io.github.secretbaker.bake.BakeFailureCategory;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The skip switch shared by the secret-baker goals, and the mapping of the bake library's
 * failures onto Maven's by their {@link BakeFailureCategory}, as the command line maps
 * them onto its exit codes: bad input fails the build with a
 * {@link MojoFailureException}, an AWS or I/O failure with a
 * {@link MojoExecutionException}.
 */
abstract class AbstractSecretBakerMojo extends AbstractMojo {

	static final String DEFAULT_FILE = "${project.build.outputDirectory}/" + BakedSecretsFile.DEFAULT_FILE_NAME;

	/**
	 * Whether to skip the goal.
	 */
	@Parameter(property = "secret-baker.skip", defaultValue = "false")
	boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping secret-baker:" + goal() + " (secret-baker.skip is true)");
			return;
		}
		try {
			run();
		}
		catch (RuntimeException ex) {
			switch (BakeFailureCategory.of(ex)) {
				case INVALID_INPUT -> throw new MojoFailureException(BakeFailureCategory.isMissingRegion(ex)
						? "no AWS region: configure <region> or set AWS_REGION" : ex.getMessage(), ex);
				case AWS_OR_IO_FAILURE -> throw new MojoExecutionException(awsOrIoFailure(ex), ex);
				case UNEXPECTED -> throw ex;
			}
		}
	}

	private String awsOrIoFailure(RuntimeException ex) {
		if (BakeFailureCategory.isMissingCredentials(ex)) {
			return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure "
					+ "<profile> (-Dsecret-baker.profile=NAME)";
		}
		return (ex instanceof BakeException) ? ex.getMessage()
				: "secret-baker:" + goal() + " failed: " + ex.getMessage();
	}

	/**
	 * Return the goal name, for messages.
	 * @return the goal
	 */
	abstract String goal();

	/**
	 * Do the goal's work.
	 * @throws MojoExecutionException on a failure the goal reports itself
	 * @throws MojoFailureException on findings the goal reports itself
	 */
	abstract void run() throws MojoExecutionException, MojoFailureException;

}
