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

package io.github.secretbaker.test.backend;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.github.secretbaker.test.LocalAwsServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS a contract suite runs against: the {@link LocalAwsServer} by default, or
 * LocalStack with {@code -Daws.backend=localstack}. Clients do not retry, so every error
 * and every call count is the server's own. {@link AwsBackendExtension} injects it.
 *
 * @since 0.1.0
 */
public interface AwsBackend {

	/**
	 * How far the backend's clock may be from this machine's, for checks of the dates it
	 * stamps.
	 */
	Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * Return the backend's name for skip and failure reasons.
	 * @return the name
	 */
	String name();

	/**
	 * Return the endpoint that clients and the code under test point at.
	 * @return the endpoint
	 */
	URI endpoint();

	/**
	 * Return a KMS client of this backend, closed with the backend.
	 * @return the client
	 */
	KmsClient kms();

	/**
	 * Return an SSM client of this backend, closed with the backend.
	 * @return the client
	 */
	SsmClient ssm();

	/**
	 * Return a KMS client of this backend that signs its requests for another region,
	 * closed with the backend.
	 * @param region the region
	 * @return the client
	 */
	KmsClient kms(String region);

	/**
	 * Return a region other than {@link #region()}.
	 * @return another region
	 */
	default String otherRegion() {
		return region().equals("eu-west-1") ? "eu-central-1" : "eu-west-1";
	}

	/**
	 * Return the region of the clients and of the ARNs the backend forms.
	 * @return the region
	 */
	String region();

	/**
	 * Return the account id of the ARNs the backend forms.
	 * @return the account id
	 */
	String accountId();

	/**
	 * Return whether the backend has a behaviour of AWS.
	 * @param capability the behaviour
	 * @return whether the backend has it
	 */
	boolean supports(Capability capability);

	/**
	 * Return the local server, or {@code null} for another backend.
	 * @return the local server
	 */
	@Nullable LocalAwsServer localServer();

	/**
	 * Reset state before a test, where the backend can.
	 */
	void reset();

	/**
	 * Return the local server, skipping the test on another backend.
	 * @return the local server
	 */
	default LocalAwsServer assumeLocalServer() {
		LocalAwsServer server = localServer();
		Assumptions.assumeTrue(server != null, () -> name() + " is not the local server");
		return server;
	}

	/**
	 * Skip the test on a backend without the capability, naming it and why.
	 * @param capability the behaviour the test needs
	 */
	default void assumeSupports(Capability capability) {
		Assumptions.assumeTrue(supports(capability),
				() -> name() + " lacks capability " + capability + ": " + capability.description());
	}

	/**
	 * Return a parameter path no other test uses, so that the suite also runs against a
	 * backend that is not reset between tests.
	 * @return a unique path such as {@code /contract/3f2a...}
	 */
	default String uniquePath() {
		return "/contract/" + UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Return the ARN of a parameter of this backend's region and account.
	 * @param name the parameter name, with or without its leading slash
	 * @return the parameter ARN
	 */
	default String parameterArn(String name) {
		return "arn:aws:ssm:" + region() + ":" + accountId() + ":parameter/"
				+ (name.startsWith("/") ? name.substring(1) : name);
	}

	/**
	 * Behaviours of AWS that a backend may lack. Tests that depend on one are skipped on
	 * a backend without it, with the reason below.
	 */
	enum Capability {

		/**
		 * Parameter Store stores a SecureString as a KMS ciphertext under the parameter's
		 * key with context {@code PARAMETER_ARN}, and reports KMS failures (a disabled
		 * key, a denied {@code kms:Decrypt}) when it decrypts. LocalStack's SSM (from
		 * moto) returns {@code kms:<key>:<plaintext>} for {@code WithDecryption=false}
		 * and never calls KMS.
		 */
		SSM_ENCRYPTS_WITH_KMS("SSM SecureStrings are not KMS ciphertexts bound to PARAMETER_ARN"),

		/**
		 * Fault injection, call counters and in-flight maxima of {@link LocalAwsServer}.
		 */
		FAULTS("no fault injection or call counters"),

		/**
		 * KMS answers a reserved {@code alias/aws/} name in {@code CreateAlias} with the
		 * {@code InvalidAliasNameException} its model lists; moto, and LocalStack after
		 * it, answer {@code NotAuthorizedException}.
		 */
		KMS_MODELLED_RESERVED_ALIAS_ERROR("CreateAlias refuses reserved alias names with another error code");

		private final String description;

		Capability(String description) {
			this.description = description;
		}

		/**
		 * Return what a backend without the capability lacks.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

}
