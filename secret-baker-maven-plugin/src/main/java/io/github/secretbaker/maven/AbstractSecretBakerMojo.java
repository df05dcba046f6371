package io.github.secretbaker.maven;

import java.io.UncheckedIOException;

import io.github.secretbaker.bake.BakeException;
import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.policy.PolicyGenerationException;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The skip switch shared by the secret-baker goals, and the mapping of the bake library's failures
 * onto Maven's: what the command line reports with exit code 2 (bad input, a guard) fails the
 * build with a {@link MojoFailureException}; what it reports with exit code 3 (AWS or I/O
 * failure) with a {@link MojoExecutionException}. Messages are the command line's.
 *
 * @since 0.1.0
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
		catch (InvalidManifestException | InvalidBakedSecretsException | PolicyGenerationException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (BakeException ex) {
			if (ex.isAwsFailure()) {
				throw new MojoExecutionException(ex.getMessage(), ex);
			}
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (SdkException | UncheckedIOException ex) {
			throw new MojoExecutionException("secret-baker:" + goal() + " failed: " + ex.getMessage(), ex);
		}
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
