package io.github.secretbaker.bake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.manifest.Manifest;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the list of secrets comes from, shared by {@code bake} and {@code check}.
 */
final class ManifestOptions {

	@Option(names = { "-m", "--manifest" }, paramLabel = "FILE",
			description = "Manifest listing the secrets under 'secrets:'. Default: " + Manifest.DEFAULT_FILE_NAME
					+ " when neither --serverless-config nor --secret is given.")
	@Nullable Path manifest;

	@Option(names = "--serverless-config", paramLabel = "FILE",
			description = "serverless.yml of the Node plugin serverless-secret-baker: reads custom.secretBaker "
					+ "or, when it is absent, provider.environmentSecrets.")
	@Nullable Path serverlessConfig;

	@Option(names = { "-s", "--secret" }, paramLabel = "NAME=PATH",
			description = "A secret to bake, repeatable. PATH may end with :VERSION or :LABEL and may be a "
					+ "parameter ARN.")
	List<String> secrets = new ArrayList<>();

	Manifest load() {
		List<Manifest> manifests = new ArrayList<>();
		if (this.manifest != null) {
			manifests.add(Manifest.load(this.manifest));
		}
		if (this.serverlessConfig != null) {
			manifests.add(Manifest.loadServerlessConfig(this.serverlessConfig));
		}
		if (!this.secrets.isEmpty()) {
			manifests.add(Manifest.parseArguments(this.secrets));
		}
		if (manifests.isEmpty()) {
			Path defaultManifest = Path.of(Manifest.DEFAULT_FILE_NAME);
			if (!Files.isRegularFile(defaultManifest)) {
				throw new InvalidManifestException(Manifest.DEFAULT_FILE_NAME,
						List.of("not found in " + defaultManifest.toAbsolutePath().getParent()
								+ ": create it with a 'secrets:' key, or pass --manifest, --serverless-config or --secret"));
			}
			manifests.add(Manifest.load(defaultManifest));
		}
		return Manifest.combine(manifests);
	}

}
