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

package io.github.secretbaker.kms.sdk;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLException;

import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.kms.internal.CredentialsResolver;
import io.github.secretbaker.kms.internal.KmsErrors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;

/**
 * A {@link KmsDecrypter} over the AWS SDK's {@link KmsClient}, for applications that
 * bring their own client or choose the SDK with {@code secret-baker.client=sdk}. Failures
 * are classified from the SDK exception's type, HTTP status and AWS error code; the SDK's
 * own message is never passed on, since for a response it cannot parse it quotes the
 * body.
 *
 * @since 0.1.0
 */
public final class SdkKmsDecrypter implements KmsDecrypter {

	private final KmsClient client;

	private final CredentialsResolver credentials;

	private final boolean closeClient;

	private SdkKmsDecrypter(KmsClient client, CredentialsResolver credentials, boolean closeClient) {
		this.client = Objects.requireNonNull(client, "'client' must not be null");
		this.credentials = credentials;
		this.closeClient = closeClient;
	}

	/**
	 * Return a decrypter over a client that the caller owns and closes. The client's
	 * credentials provider is asked before each call, within the call's deadline.
	 * @param client the client
	 * @return the decrypter
	 */
	public static SdkKmsDecrypter of(KmsClient client) {
		Objects.requireNonNull(client, "'client' must not be null");
		return new SdkKmsDecrypter(client,
				CredentialsResolver.supplied(client.serviceClientConfiguration().credentialsProvider()), false);
	}

	/**
	 * Return a decrypter over a client built for a cold start from settings, with
	 * credentials from the environment. It closes the client on {@link #close()}.
	 * @param settings the region, endpoint, FIPS choice and timeout
	 * @return the decrypter
	 * @throws KmsDecryptException if the client cannot be created, typically because no
	 * region is configured or its endpoint is plain http to another host
	 */
	public static SdkKmsDecrypter create(KmsClientSettings settings) {
		return builder().settings(settings).build();
	}

	/**
	 * Return a builder of a decrypter over a client built for a cold start:
	 * secret-baker's HTTP transport and SigV4 signer, no SDK retries, and call timeouts
	 * no longer than the settings' timeout.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a decrypter over a client that it creates with the given factory and closes
	 * on {@link #close()}.
	 * @param factory the factory
	 * @return the decrypter
	 * @throws KmsDecryptException if the client cannot be created, typically because no
	 * region is configured or its endpoint is plain http to another host
	 */
	static SdkKmsDecrypter create(KmsClientFactory factory) {
		CredentialsResolver credentials = factory.credentialsResolver();
		try {
			return new SdkKmsDecrypter(factory.createClient(credentials), credentials, true);
		}
		catch (SdkClientException ex) {
			credentials.close();
			throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null,
					"cannot create the KMS client (AWS SDK, " + ex.getClass().getSimpleName()
							+ "), usually because no region is known; set secret-baker.region or AWS_REGION");
		}
	}

	@Override
	public byte[] decrypt(KmsDecryptRequest request) {
		// The credentials are fetched here, within the deadline, not by the SDK before it
		// starts its own timeout.
		AwsCredentialsProvider credentials = StaticCredentialsProvider
			.create(KmsClientFactory.sdkCredentials(this.credentials.resolve(request.deadline())));
		Duration remaining = request.deadline().remaining();
		if (remaining.isZero()) {
			throw timeout(request);
		}
		DecryptRequest.Builder sdkRequest = DecryptRequest.builder()
			.ciphertextBlob(SdkBytes.fromByteArrayUnsafe(request.ciphertextBlob()))
			.encryptionContext(request.encryptionContext())
			.overrideConfiguration((override) -> override.credentialsProvider(credentials)
				.apiCallTimeout(remaining)
				.apiCallAttemptTimeout(remaining));
		if (request.keyId() != null) {
			sdkRequest.keyId(request.keyId());
		}
		DecryptResponse response;
		try {
			response = this.client.decrypt(sdkRequest.build());
		}
		catch (SdkException ex) {
			throw classify(ex, request);
		}
		catch (RuntimeException ex) {
			throw new KmsDecryptException(Kind.INVALID_RESPONSE, null,
					"the AWS SDK failed with " + ex.getClass().getName() + " while reading KMS's answer");
		}
		SdkBytes plaintext = response.plaintext();
		if (plaintext == null) {
			throw new KmsDecryptException(Kind.INVALID_RESPONSE, null, "KMS answered without a Plaintext");
		}
		return plaintext.asByteArray();
	}

	@Override
	public @Nullable String region() {
		return this.client.serviceClientConfiguration().region().id();
	}

	@Override
	public void close() {
		if (this.closeClient) {
			this.client.close();
			this.credentials.close();
		}
	}

	private KmsDecryptException classify(SdkException ex, KmsDecryptRequest request) {
		if (ex instanceof ApiCallTimeoutException || ex instanceof ApiCallAttemptTimeoutException) {
			return timeout(request);
		}
		if (KmsErrors.isUntrustedCertificate(ex)) {
			return new KmsDecryptException(Kind.UNTRUSTED_CERTIFICATE, null,
					"the JVM does not trust the TLS " + "certificate of the KMS endpoint " + endpointHost()
							+ " (no trusted certificate for that host name)");
		}
		if (ex instanceof AwsServiceException serviceException) {
			AwsErrorDetails details = serviceException.awsErrorDetails();
			String errorCode = (details != null) ? details.errorCode() : null;
			int status = serviceException.statusCode();
			if (errorCode == null && status >= 200 && status < 300) {
				return invalidResponse(ex, status);
			}
			return new KmsDecryptException(KmsErrors.kind(errorCode, status), errorCode,
					KmsErrors.detail(errorCode, status));
		}
		IOExceptionCause network = IOExceptionCause.find(ex);
		if (network != null && request.deadline().hasPassed()) {
			return timeout(request);
		}
		if (network != null) {
			return new KmsDecryptException(Kind.NETWORK, null,
					"cannot reach KMS (" + network.type() + ")" + network.hint());
		}
		if (ex instanceof SdkClientException && isCredentialsProblem(ex)) {
			return new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null,
					"the AWS SDK found no credentials or no region (" + ex.getClass().getSimpleName() + ")");
		}
		return invalidResponse(ex, 0);
	}

	private static KmsDecryptException timeout(KmsDecryptRequest request) {
		return new KmsDecryptException(Kind.TIMEOUT, null,
				"KMS did not answer within the " + request.deadline().describeTimeout() + " deadline");
	}

	private String endpointHost() {
		URI endpoint = this.client.serviceClientConfiguration().endpointOverride().orElse(null);
		if (endpoint != null) {
			return endpoint.getHost() + ((endpoint.getPort() != -1) ? ":" + endpoint.getPort() : "");
		}
		return "of region " + region();
	}

	private static KmsDecryptException invalidResponse(SdkException ex, int status) {
		return new KmsDecryptException(Kind.INVALID_RESPONSE, null,
				"KMS answered" + ((status != 0) ? " HTTP " + status : "")
						+ " with a response the AWS SDK could not read (" + ex.getClass().getSimpleName() + ")");
	}

	private static boolean isCredentialsProblem(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.startsWith("Unable to load credentials") || message.startsWith("Unable to load region")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The I/O failure under an SDK exception that means the network failed, as opposed to
	 * a parser's exception, which is an {@code IOException} too but says the answer was
	 * unreadable.
	 */
	private record IOExceptionCause(String type, String hint) {

		static @Nullable IOExceptionCause find(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnknownHostException) {
					return new IOExceptionCause(cause.getClass().getSimpleName(),
							"; check the region and secret-baker.endpoint");
				}
				if (cause instanceof SocketException || cause instanceof InterruptedIOException
						|| cause instanceof SSLException || cause instanceof EOFException) {
					return new IOExceptionCause(cause.getClass().getSimpleName(), "");
				}
			}
			return null;
		}

	}

	/**
	 * Builds an {@link SdkKmsDecrypter} over a client that it creates and closes.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private KmsClientSettings settings = KmsClientSettings.defaults();

		private @Nullable AwsCredentialsProvider credentialsProvider;

		private Builder() {
		}

		/**
		 * Set the region, endpoint, FIPS choice and timeout.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(KmsClientSettings settings) {
			this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
			return this;
		}

		/**
		 * Set the credentials provider, instead of reading the credentials from the
		 * environment. The caller owns it: the decrypter does not close it.
		 * @param credentialsProvider the provider, or {@code null} for the environment's
		 * @return this builder
		 */
		public Builder credentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
			this.credentialsProvider = credentialsProvider;
			return this;
		}

		/**
		 * Build the decrypter. The caller owns it and closes it.
		 * @return the decrypter
		 * @throws KmsDecryptException if the client cannot be created, typically because
		 * no region is configured or its endpoint is plain http to another host
		 */
		public SdkKmsDecrypter build() {
			return create(new KmsClientFactory().region(this.settings.region())
				.endpoint(this.settings.endpoint())
				.fips(this.settings.fips())
				.allowInsecureEndpoint(this.settings.allowInsecureEndpoint())
				.timeout(this.settings.timeout())
				.credentialsProvider(this.credentialsProvider));
		}

	}

}
