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

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS clients of a {@link ParameterStoreBaker}: either given by the caller, who
 * closes them, or created from {@link AwsClientOptions} on first use and closed with the
 * baker, so that nothing needs a region or credentials when there is nothing to bake.
 */
final class BakeClients implements AutoCloseable {

	private final @Nullable AwsClientOptions options;

	private @Nullable SsmClient ssm;

	private @Nullable KmsClient kms;

	private BakeClients(@Nullable AwsClientOptions options, @Nullable SsmClient ssm, @Nullable KmsClient kms) {
		this.options = options;
		this.ssm = ssm;
		this.kms = kms;
	}

	static BakeClients given(SsmClient ssm, @Nullable KmsClient kms) {
		return new BakeClients(null, ssm, kms);
	}

	static BakeClients createdFrom(AwsClientOptions options) {
		return new BakeClients(options, null, null);
	}

	synchronized SsmClient ssm() {
		if (this.ssm == null) {
			this.ssm = Objects.requireNonNull(this.options, "'options' must not be null").createSsmClient();
		}
		return this.ssm;
	}

	/**
	 * Return the KMS client, or {@code null} if the caller gave an SSM client only.
	 * @return the KMS client, or {@code null} if the caller gave an SSM client only
	 */
	synchronized @Nullable KmsClient kms() {
		if (this.kms == null && this.options != null) {
			this.kms = this.options.createKmsClient();
		}
		return this.kms;
	}

	@Override
	public synchronized void close() {
		if (this.options == null) {
			return;
		}
		try (SsmClient createdSsm = this.ssm; KmsClient createdKms = this.kms) {
			this.ssm = null;
			this.kms = null;
		}
	}

}
