package io.github.secretbaker.maven;

import java.io.File;

import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.check.DriftChecker;
import io.github.secretbaker.bake.check.DriftReport;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The drift gate: compares the baked file with the configured secrets and SSM, and fails the
 * build when they differ (a secret missing or extra, a newer version of an unpinned secret, a
 * pinned version or label gone, a changed key), which says that a bake and a redeploy are
 * needed after a rotation.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSsmMojo {

	/**
	 * The baked secrets file to check.
	 */
	@Parameter(property = "secret-baker.file", defaultValue = DEFAULT_FILE)
	File file;

	/**
	 * Whether differences fail the build; when false they are logged as warnings.
	 */
	@Parameter(property = "secret-baker.fail-on-drift", defaultValue = "true")
	boolean failOnDrift = true;

	@Override
	String goal() {
		return "check";
	}

	@Override
	void run() throws MojoFailureException {
		BakedSecrets baked = BakedSecretsFile.read(this.file.toPath());
		Manifest manifest = loadManifest();
		manifest.warnings().forEach(getLog()::warn);
		DriftReport report;
		try (ParameterStoreBaker baker = ParameterStoreBaker.builder(awsClientOptions(manifest)).concurrency(this.concurrency).build()) {
			report = new DriftChecker(baker).check(baked, manifest.secrets());
		}
		String summary = String.join(System.lineSeparator(), report.summary(this.file.toPath(), manifest.source()));
		if (report.isClean()) {
			getLog().info(summary);
			return;
		}
		if (this.failOnDrift) {
			throw new MojoFailureException(summary);
		}
		getLog().warn(summary);
	}

}
