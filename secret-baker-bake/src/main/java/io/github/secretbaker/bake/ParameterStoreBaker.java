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

package io.github.secretbaker.bake;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Bakes SSM Parameter Store SecureStrings: reads each with {@code WithDecryption=false},
 * checks that KMS alone can decrypt it at runtime, and returns the ciphertexts with their
 * ARN, version, key ARN and tier, never holding a plaintext nor calling
 * {@code kms:Decrypt}. Parameters are read ten names per {@code GetParameters} call, in
 * parallel up to the concurrency, their keys from {@code DescribeParameters} (or
 * {@code GetParameterHistory} for an older version) and, for a key given by alias,
 * {@code DescribeKey}. A bake either succeeds for every secret or fails with a
 * {@link BakeException} listing every problem. <pre class="code">
 * try (ParameterStoreBaker baker = ParameterStoreBaker.builder(AwsClientOptions.defaults()).concurrency(8).build()) {
 *     BakeResult result = baker.bakeTo(manifest.secrets(), Path.of("target/classes/secret-baker-secrets.json"));
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class ParameterStoreBaker implements AutoCloseable {

	/**
	 * The default number of AWS calls in flight at once.
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

	private final BakeClients clients;

	private final SecretSource source;

	private ParameterStoreBaker(Builder builder) {
		this.clients = (builder.options != null) ? BakeClients.createdFrom(builder.options)
				: BakeClients.given(Objects.requireNonNull(builder.ssm), builder.kms);
		this.source = new ParameterStoreSource(this.clients, builder.concurrency, builder.progressListener);
	}

	/**
	 * Check a number of AWS calls in flight at once, for a builder, a command-line option
	 * or a plugin setting to report under its own name.
	 * @param concurrency the number
	 * @return what is wrong with it, to follow its name, or {@code null} if it is valid
	 */
	public static @Nullable String checkConcurrency(int concurrency) {
		return (concurrency < 1) ? "must be 1 or more but was " + concurrency : null;
	}

	/**
	 * Start building a baker that uses the given SSM client, which the caller keeps and
	 * closes. Give it a KMS client too with {@link Builder#kms(KmsClient)}, or keys given
	 * by alias are recorded as alias ARNs.
	 * @param ssm the SSM client
	 * @return a builder
	 */
	public static Builder builder(SsmClient ssm) {
		return new Builder(Objects.requireNonNull(ssm, "'ssm' must not be null"), null);
	}

	/**
	 * Start building a baker that creates its SSM and KMS clients with the given options
	 * when it first needs them (so an empty list of secrets needs no region or
	 * credentials) and closes them in {@link #close()}.
	 * @param options how to reach SSM and KMS
	 * @return a builder
	 */
	public static Builder builder(AwsClientOptions options) {
		return new Builder(null, Objects.requireNonNull(options, "'options' must not be null"));
	}

	/**
	 * Bake the requested secrets.
	 * @param requests the secrets to bake, with distinct names
	 * @return the baked secrets, call counts and warnings
	 * @throws BakeException listing every secret that cannot be baked, and why
	 * @throws IllegalArgumentException if two requests share a name
	 */
	public BakeResult bake(List<SecretRequest> requests) {
		Resolution resolution = resolve(requests);
		if (!resolution.problems().isEmpty()) {
			throw new BakeException(resolution.problems());
		}
		return new BakeResult(resolution.secrets(), resolution.getParametersCalls(), resolution.metadataCalls(),
				resolution.warnings());
	}

	/**
	 * Bake the requested secrets and write them to the given file with
	 * {@link BakedSecretsFile#write(BakedSecrets, Path)}; no request at all writes
	 * {@code {}} without calling AWS. On any failure the previous file is left
	 * byte-identical.
	 * @param requests the secrets to bake, with distinct names
	 * @param output the file to write
	 * @return the baked secrets, call counts and warnings
	 * @throws BakeException listing every secret that cannot be baked, and why
	 * @throws java.io.UncheckedIOException if the file cannot be written
	 */
	public BakeResult bakeTo(List<SecretRequest> requests, Path output) {
		BakeResult result = bake(requests);
		BakedSecretsFile.write(result.secrets(), output);
		return result;
	}

	/**
	 * Read what SSM holds for the requested secrets, without failing because of any one
	 * of them: the secrets that can be baked and the problems of the others. No request
	 * at all calls no AWS service.
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
		return this.source.resolve(requests);
	}

	/**
	 * Close the clients this baker created from {@link AwsClientOptions}; clients given
	 * to {@link #builder(SsmClient)} and {@link Builder#kms(KmsClient)} stay open.
	 */
	@Override
	public void close() {
		this.clients.close();
	}

	/**
	 * Builds a {@link ParameterStoreBaker}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final @Nullable SsmClient ssm;

		private final @Nullable AwsClientOptions options;

		private @Nullable KmsClient kms;

		private int concurrency = DEFAULT_CONCURRENCY;

		private BakeProgressListener progressListener = (done, total) -> {
		};

		private Builder(@Nullable SsmClient ssm, @Nullable AwsClientOptions options) {
			this.ssm = ssm;
			this.options = options;
		}

		/**
		 * Set the KMS client that resolves keys given by alias to their key ARN with
		 * {@code DescribeKey}; the caller keeps and closes it. Only for a builder started
		 * with an SSM client: one started with options creates its own.
		 * @param kms the KMS client
		 * @return this builder
		 * @throws IllegalStateException if the builder was started with options
		 */
		public Builder kms(KmsClient kms) {
			if (this.options != null) {
				throw new IllegalStateException("A baker built from AwsClientOptions creates its own KMS client");
			}
			this.kms = Objects.requireNonNull(kms, "'kms' must not be null");
			return this;
		}

		/**
		 * Set how many AWS calls may be in flight at once.
		 * @param concurrency the limit, 1 or more
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			String problem = checkConcurrency(concurrency);
			if (problem != null) {
				throw new IllegalArgumentException("'concurrency' " + problem);
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
		public ParameterStoreBaker build() {
			return new ParameterStoreBaker(this);
		}

	}

}
