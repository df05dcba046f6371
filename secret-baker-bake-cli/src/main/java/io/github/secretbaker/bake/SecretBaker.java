package io.github.secretbaker.bake;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Bakes SSM SecureString parameters: reads each one with {@code WithDecryption=false}, checks
 * it can be decrypted by KMS alone at runtime, and returns the ciphertexts with their ARN,
 * version, key and tier. The bake never holds a plaintext and needs no KMS permission.
 * <p>
 * Parameters are read with {@code GetParameters}, ten names per call, the calls running in
 * parallel up to the configured concurrency; key and tier come from
 * {@code DescribeParameters} (fifty names per call), and from {@code GetParameterHistory}
 * only for a version that is not the latest. A bake either succeeds for every secret or
 * fails with a {@link BakeException} listing every problem.
 * <pre class="code">
 * try (SsmClient ssm = AwsClientOptions.defaults().createSsmClient()) {
 *     SecretBaker baker = SecretBaker.builder(ssm).concurrency(8).build();
 *     BakeResult result = baker.bakeTo(manifest.secrets(), Path.of("target/classes/secret-baker-secrets.json"));
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class SecretBaker {

	/**
	 * The default number of SSM calls in flight at once.
	 */
	public static final int DEFAULT_CONCURRENCY = 8;

	/**
	 * The most names {@code GetParameters} takes in one call.
	 */
	public static final int MAX_NAMES_PER_GET_PARAMETERS = 10;

	/**
	 * The most values a {@code DescribeParameters} filter takes.
	 */
	public static final int MAX_NAMES_PER_DESCRIBE_PARAMETERS = 50;

	private final SsmClient ssm;

	private final int concurrency;

	private final BakeProgressListener progressListener;

	private SecretBaker(Builder builder) {
		this.ssm = builder.ssm;
		this.concurrency = builder.concurrency;
		this.progressListener = builder.progressListener;
	}

	/**
	 * Start building a baker that uses the given client, which the caller keeps and closes.
	 * @param ssm the SSM client
	 * @return a builder
	 */
	public static Builder builder(SsmClient ssm) {
		return new Builder(ssm);
	}

	/**
	 * Bake the requested secrets.
	 * @param requests the secrets to bake, with distinct names
	 * @return the baked secrets and call counts
	 * @throws BakeException listing every secret that cannot be baked, and why
	 * @throws IllegalArgumentException if two requests share a name
	 */
	public BakeResult bake(List<SecretRequest> requests) {
		Resolution resolution = resolve(requests);
		if (!resolution.problems().isEmpty()) {
			throw new BakeException(resolution.problems());
		}
		return new BakeResult(resolution.secrets(), resolution.getParametersCalls(), resolution.metadataCalls());
	}

	/**
	 * Bake the requested secrets and write them to the given file with
	 * {@link BakedSecretsFile#write(BakedSecrets, Path)}. On any failure the previous file is
	 * left byte-identical.
	 * @param requests the secrets to bake, with distinct names
	 * @param output the file to write
	 * @return the baked secrets and call counts
	 * @throws BakeException listing every secret that cannot be baked, and why
	 * @throws java.io.UncheckedIOException if the file cannot be written
	 */
	public BakeResult bakeTo(List<SecretRequest> requests, Path output) {
		BakeResult result = bake(requests);
		BakedSecretsFile.write(result.secrets(), output);
		return result;
	}

	/**
	 * Read what SSM holds for the requested secrets, without failing because of any one of
	 * them: the secrets that can be baked and the problems of the others.
	 * @param requests the secrets to resolve, with distinct names
	 * @return the secrets and the problems
	 * @throws IllegalArgumentException if two requests share a name
	 */
	public Resolution resolve(List<SecretRequest> requests) {
		Set<String> names = new HashSet<>();
		for (SecretRequest request : requests) {
			if (!names.add(request.name())) {
				throw new IllegalArgumentException("Secret '" + request.name() + "' is requested more than once");
			}
		}
		if (requests.isEmpty()) {
			return new Resolution(BakedSecrets.empty(), List.of(), 0, 0);
		}
		return new ResolutionRun(this.ssm, this.concurrency, this.progressListener).resolve(requests);
	}

	/**
	 * Builds a {@link SecretBaker}.
	 */
	public static final class Builder {

		private final SsmClient ssm;

		private int concurrency = DEFAULT_CONCURRENCY;

		private BakeProgressListener progressListener = (done, total) -> {
		};

		private Builder(SsmClient ssm) {
			this.ssm = Objects.requireNonNull(ssm, "'ssm' must not be null");
		}

		/**
		 * Set how many SSM calls may be in flight at once.
		 * @param concurrency the limit, 1 or more
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			if (concurrency < 1) {
				throw new IllegalArgumentException("'concurrency' must be 1 or more but was " + concurrency);
			}
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Set the listener told each time a {@code GetParameters} call completes.
		 * @param progressListener the listener
		 * @return this builder
		 */
		public Builder progressListener(BakeProgressListener progressListener) {
			this.progressListener = Objects.requireNonNull(progressListener, "'progressListener' must not be null");
			return this;
		}

		/**
		 * Build the baker.
		 * @return the baker
		 */
		public SecretBaker build() {
			return new SecretBaker(this);
		}

	}

}
