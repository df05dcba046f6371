package io.github.secretbaker.maven;

import java.io.File;

import io.github.secretbaker.bake.BakeResult;
import io.github.secretbaker.bake.SecretBaker;
import io.github.secretbaker.bake.manifest.Manifest;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reads each secret's SSM SecureString without decrypting it and writes the ciphertexts to
 * {@code secret-baker-secrets.json} in the build output, so every packaging that follows
 * (repackage, shade, assembly) contains it. Needs {@code ssm:GetParameters},
 * {@code ssm:DescribeParameters} and {@code ssm:GetParameterHistory}; no KMS permission.
 *
 * @since 0.1.0
 */
@Mojo(name = "bake", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BakeMojo extends AbstractSsmMojo {

	/**
	 * The file to write. On failure the previous file is left untouched.
	 */
	@Parameter(property = "secret-baker.output", defaultValue = DEFAULT_FILE)
	File output;

	@Override
	String goal() {
		return "bake";
	}

	@Override
	void run() throws MojoFailureException {
		Manifest manifest = loadManifest();
		if (manifest.secrets().isEmpty()) {
			BakedSecretsFile.write(BakedSecrets.empty(), this.output.toPath());
			getLog().info("Baked no secrets into " + this.output + ": " + manifest.source()
					+ " lists none, so the file holds {}");
			return;
		}
		BakeResult result;
		try (SsmClient ssm = awsClientOptions().createSsmClient()) {
			SecretBaker baker = SecretBaker.builder(ssm).concurrency(this.concurrency).build();
			result = baker.bakeTo(manifest.secrets(), this.output.toPath());
		}
		if (getLog().isDebugEnabled()) {
			for (BakedSecret secret : result.secrets()) {
				getLog().debug("  " + secret.name() + " <- " + secret.arn() + " (version " + secret.version()
						+ ", key " + secret.keyId() + ", " + secret.tier() + ")");
			}
		}
		getLog().info(result.summary(this.output.toPath()));
	}

}
