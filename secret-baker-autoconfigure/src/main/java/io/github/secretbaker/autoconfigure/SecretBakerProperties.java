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

package io.github.secretbaker.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.format.BakedSecretsLocation;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.KmsClientType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for decrypting baked secrets at startup.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = SecretBakerProperties.PREFIX)
public class SecretBakerProperties {

	/**
	 * The prefix of every secret-baker property.
	 */
	public static final String PREFIX = "secret-baker";

	/**
	 * Whether to decrypt baked secrets at startup and expose them as properties.
	 */
	private boolean enabled = true;

	/**
	 * Location of the baked secrets file.
	 */
	private String location = BakedSecretsLocation.DEFAULT;

	/**
	 * Whether to fail startup when no baked secrets file is found.
	 */
	private boolean required;

	/**
	 * Deadline for decrypting every secret, retries included.
	 */
	private Duration timeout = BakedSecretsDecrypter.DEFAULT_TIMEOUT;

	/**
	 * Maximum number of KMS Decrypt calls in flight at once.
	 */
	private int concurrency = BakedSecretsDecrypter.DEFAULT_CONCURRENCY;

	/**
	 * AWS region of the KMS keys. By default, the SDK's region chain: the aws.region
	 * system property, then the AWS_REGION environment variable, which Lambda sets.
	 */
	private @Nullable String region;

	/**
	 * KMS endpoint to call instead of the regional one, such as a local KMS or a VPC
	 * endpoint.
	 */
	private @Nullable URI endpoint;

	/**
	 * Whether a KMS endpoint over plain http to a host other than this machine may be
	 * called. Requests, session tokens and secrets then cross the network in clear.
	 */
	private boolean allowInsecureEndpoint;

	/**
	 * Whether to call the FIPS endpoint of KMS. By default, as the AWS_USE_FIPS_ENDPOINT
	 * environment variable says.
	 */
	private @Nullable Boolean fips;

	/**
	 * Client that calls KMS: 'http', the light client (secret-baker's own HTTP/1.1
	 * transport and core's SigV4 signer), or 'sdk', the AWS SDK's KmsClient, which needs
	 * software.amazon.awssdk:kms on the class path.
	 */
	private KmsClientType client = KmsClientType.DEFAULT;

	/**
	 * Whether eager decryption runs on background threads while the application goes on
	 * starting, waited for at the first read of a secret and at the latest before the
	 * context has refreshed. When false, the environment is not ready until every secret
	 * is decrypted.
	 */
	private boolean background = true;

	/**
	 * When to decrypt in a function whose JVM is snapshotted (Lambda SnapStart, CRaC):
	 * before the checkpoint, so the values are in the encrypted snapshot, or after each
	 * restore, so they never are. After restore needs org.crac on the class path.
	 */
	private Snapshot snapshot = Snapshot.BEFORE_CHECKPOINT;

	/**
	 * Names of the secrets to decrypt. By default, every secret in the file.
	 */
	private List<String> include = new ArrayList<>();

	/**
	 * When to decrypt: at startup, all at once, or each secret on its first read.
	 */
	private Mode mode = Mode.EAGER;

	/**
	 * Prefix under which the secrets are also exposed, such as 'secrets' for
	 * ${secrets.DB_PASSWORD}. By default, secrets are exposed under their names only.
	 */
	private @Nullable String propertyPrefix;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public boolean isAllowInsecureEndpoint() {
		return this.allowInsecureEndpoint;
	}

	public void setAllowInsecureEndpoint(boolean allowInsecureEndpoint) {
		this.allowInsecureEndpoint = allowInsecureEndpoint;
	}

	public @Nullable Boolean getFips() {
		return this.fips;
	}

	public void setFips(@Nullable Boolean fips) {
		this.fips = fips;
	}

	public KmsClientType getClient() {
		return this.client;
	}

	public void setClient(KmsClientType client) {
		this.client = client;
	}

	public boolean isBackground() {
		return this.background;
	}

	public void setBackground(boolean background) {
		this.background = background;
	}

	public Snapshot getSnapshot() {
		return this.snapshot;
	}

	public void setSnapshot(Snapshot snapshot) {
		this.snapshot = snapshot;
	}

	public List<String> getInclude() {
		return this.include;
	}

	public void setInclude(List<String> include) {
		this.include = include;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public @Nullable String getPropertyPrefix() {
		return this.propertyPrefix;
	}

	public void setPropertyPrefix(@Nullable String propertyPrefix) {
		this.propertyPrefix = propertyPrefix;
	}

	/**
	 * When secrets are decrypted.
	 *
	 * @since 0.1.0
	 */
	public enum Mode {

		/**
		 * Decrypt every secret at startup, in parallel, in the background while the
		 * application starts (see {@code secret-baker.background}).
		 */
		EAGER,

		/**
		 * Decrypt each secret on its first read, at most once.
		 */
		LAZY

	}

	/**
	 * When secrets are decrypted in a JVM that is snapshotted.
	 *
	 * @since 0.1.0
	 */
	public enum Snapshot {

		/**
		 * Decrypt during init, before the checkpoint: the values are in the snapshot,
		 * which Lambda encrypts.
		 */
		BEFORE_CHECKPOINT,

		/**
		 * Prime the client before the checkpoint and decrypt after each restore, so no
		 * value is in the snapshot; a secret read before the restore fails.
		 */
		AFTER_RESTORE

	}

}
