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

package io.github.secretbaker.benchmarks.coldstart;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A way for the benchmark function or application to get its secrets: which library is on
 * its class path and which system properties configure it. The {@link Setup} says how the
 * JVM is started.
 *
 * @since 0.1.0
 */
public enum Variant {

	/**
	 * No secrets library and no secrets.
	 */
	BASELINE("baseline", Library.NONE),

	/**
	 * secret-baker's starter on the class path, with its defaults, but no baked file:
	 * what the starter's mere presence costs.
	 */
	STARTER_WITHOUT_FILE("secret-baker starter without a file", Library.SECRET_BAKER),

	/**
	 * secret-baker as it starts by default: eager, the light client
	 * ({@code secret-baker.client=http}), decrypting on background threads from the
	 * moment the environment is prepared ({@code secret-baker.background=true}).
	 */
	EAGER("secret-baker (default)", Library.SECRET_BAKER),

	/**
	 * The default but with the AWS SDK's {@code KmsClient}
	 * ({@code secret-baker.client=sdk}): the light client's share of the difference.
	 */
	EAGER_SDK("secret-baker, SDK client", Library.SECRET_BAKER),

	/**
	 * The default but decrypting on the main thread while the environment is prepared
	 * ({@code secret-baker.background=false}): the early start's share of the difference.
	 */
	EAGER_BLOCKING("secret-baker, not in the background", Library.SECRET_BAKER),

	/**
	 * secret-baker as it behaved before the light client and the early start: the SDK
	 * client, decrypting on the main thread ({@code client=sdk},
	 * {@code background=false}).
	 */
	TODAY("secret-baker before (SDK client, not in the background)", Library.SECRET_BAKER),

	/**
	 * The default, with the secret the function reads baked from an Advanced-tier
	 * parameter (an AWS Encryption SDK message), opened with the JDK alone: what one such
	 * entry costs.
	 */
	EAGER_ADVANCED("secret-baker, the read secret Advanced-tier", Library.SECRET_BAKER),

	/**
	 * The default, but trusting the JVM's trust store alone, as a JVM given
	 * {@code javax.net.ssl.trustStore} does and as the light client did before it tried
	 * the Amazon Trust Services roots first: what loading the JVM's store costs.
	 */
	EAGER_JVM_TRUST_STORE("secret-baker, the JVM's trust store only", Library.SECRET_BAKER),

	/**
	 * The default with up to 100 calls in flight ({@code secret-baker.concurrency=100}),
	 * so that 100 secrets take one round trip.
	 */
	EAGER_UNBOUNDED("secret-baker, concurrency 100", Library.SECRET_BAKER),

	/**
	 * secret-baker decrypting each baked secret on its first read; the function reads
	 * one.
	 */
	LAZY("secret-baker lazy", Library.SECRET_BAKER),

	/**
	 * Spring Cloud AWS importing the SecureStrings from Parameter Store as config data,
	 * decrypted by SSM ({@code WithDecryption}).
	 */
	SPRING_CLOUD_AWS("Spring Cloud AWS import", Library.SPRING_CLOUD_AWS),

	/**
	 * secret-baker with {@code secret-baker.concurrency=1}: one KMS {@code Decrypt} after
	 * another, as the Node plugin's snippets decrypt.
	 */
	SERIAL("serial decryption", Library.SECRET_BAKER);

	private final String label;

	private final Library library;

	Variant(String label, Library library) {
		this.label = label;
		this.library = library;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the name used in {@code --variants}, such as {@code eager-sdk}.
	 * @return the id
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return the secrets library on the class path.
	 * @return the library
	 */
	public Library library() {
		return this.library;
	}

	/**
	 * Return whether the variant reads the baked secrets file.
	 * @return whether baked
	 */
	public boolean baked() {
		return this.library == Library.SECRET_BAKER && this != STARTER_WITHOUT_FILE;
	}

	/**
	 * Return whether the function gets the secrets, so that its answer carries the length
	 * of the secret it reads.
	 * @return whether the variant has secrets
	 */
	public boolean hasSecrets() {
		return this != BASELINE && this != STARTER_WITHOUT_FILE;
	}

	/**
	 * Return whether the starter decrypts every secret at startup, one {@code Decrypt}
	 * each.
	 * @return whether eager
	 */
	public boolean eager() {
		return baked() && this != LAZY;
	}

	/**
	 * Return the system properties that configure the variant.
	 * @param endpoint the local server's endpoint
	 * @param parameterPath the Parameter Store path holding the secrets, ending with
	 * {@code /}
	 * @return the properties, as {@code -Dname=value} options
	 */
	public List<String> systemProperties(URI endpoint, String parameterPath) {
		if (this == BASELINE || this == STARTER_WITHOUT_FILE) {
			return List.of();
		}
		if (this == SPRING_CLOUD_AWS) {
			return List.of("-Dspring.config.import=aws-parameterstore:" + parameterPath,
					"-Dspring.cloud.aws.parameterstore.endpoint=" + endpoint);
		}
		List<String> properties = new ArrayList<>(List.of("-Dsecret-baker.endpoint=" + endpoint));
		properties.add("-Dsecret-baker.mode=" + ((this == LAZY) ? "lazy" : "eager"));
		properties.add("-Dsecret-baker.client=" + ((this == EAGER_SDK || this == TODAY) ? "sdk" : "http"));
		properties.add("-Dsecret-baker.background=" + (this != EAGER_BLOCKING && this != TODAY));
		if (this == EAGER_UNBOUNDED) {
			properties.add("-Dsecret-baker.concurrency=100");
		}
		if (this == SERIAL) {
			properties.addAll(List.of("-Dsecret-baker.concurrency=1", "-Dsecret-baker.timeout=60s"));
		}
		return properties;
	}

	/**
	 * Find a variant by its id.
	 * @param id the id, as {@link #id()} returns it
	 * @return the variant
	 * @throws IllegalArgumentException naming the known ids
	 */
	public static Variant of(String id) {
		for (Variant variant : values()) {
			if (variant.id().equals(id)) {
				return variant;
			}
		}
		List<String> ids = new ArrayList<>();
		for (Variant variant : values()) {
			ids.add(variant.id());
		}
		throw new IllegalArgumentException("Unknown variant '" + id + "': use one of " + String.join(", ", ids));
	}

	/**
	 * The secrets library a variant adds to the function or application.
	 */
	public enum Library {

		/**
		 * None: the baseline.
		 */
		NONE,

		/**
		 * {@code secret-baker-spring-boot-starter}.
		 */
		SECRET_BAKER,

		/**
		 * {@code spring-cloud-aws-starter-parameter-store}.
		 */
		SPRING_CLOUD_AWS

	}

}
