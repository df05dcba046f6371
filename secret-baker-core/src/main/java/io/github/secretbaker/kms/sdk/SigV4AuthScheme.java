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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.secretbaker.aws.internal.SigV4Signer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * The SigV4 auth scheme ({@code aws.auth#sigv4}) for the SDK clients secret-baker builds,
 * signing with {@link SigV4Signer} instead of the SDK's signer, which logs every
 * canonical request, session token included, at DEBUG. It signs synchronous requests
 * whose body is in hand and which have no query string, as KMS and SSM requests are.
 *
 * @since 0.1.0
 */
public final class SigV4AuthScheme implements AuthScheme<AwsCredentialsIdentity> {

	/**
	 * The id of the scheme this one replaces.
	 */
	private static final String SCHEME_ID = "aws.auth#sigv4";

	// Headers a proxy may change on the way, which the SDK's signer leaves out too; and
	// the ones the signer sets itself.
	private static final List<String> UNSIGNED_HEADERS = List.of("connection", "x-amzn-trace-id", "user-agent",
			"expect", "transfer-encoding", "x-forwarded-for", "host", "x-amz-date", "authorization",
			"x-amz-security-token", "x-amz-content-sha256");

	private static final SigV4AuthScheme INSTANCE = new SigV4AuthScheme();

	private final Signer signer = new Signer();

	private SigV4AuthScheme() {
	}

	/**
	 * Return the scheme, to give to a client builder's {@code putAuthScheme}.
	 * @return the scheme
	 */
	public static SigV4AuthScheme create() {
		return INSTANCE;
	}

	@Override
	public String schemeId() {
		return SCHEME_ID;
	}

	@Override
	public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
		return providers.identityProvider(AwsCredentialsIdentity.class);
	}

	@Override
	public HttpSigner<AwsCredentialsIdentity> signer() {
		return this.signer;
	}

	@Override
	public String toString() {
		return "SigV4AuthScheme[" + SCHEME_ID + "]";
	}

	/**
	 * Signs with {@link SigV4Signer}, with the region, service and clock the SDK gives.
	 */
	private static final class Signer implements HttpSigner<AwsCredentialsIdentity> {

		// The last signer keeps its signing key for the next request of the same day.
		private volatile @Nullable SigV4Signer last;

		@Override
		public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
			if (Boolean.TRUE.equals(request.property(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED)) || request
				.property(AwsV4FamilyHttpSigner.AUTH_LOCATION) == AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING) {
				throw new IllegalArgumentException(
						"secret-baker's SigV4 signer signs neither chunked nor presigned " + "requests");
			}
			SdkHttpRequest unsigned = request.request();
			if (!unsigned.rawQueryParameters().isEmpty()) {
				throw new IllegalArgumentException("secret-baker's SigV4 signer signs no request with a query string");
			}
			Map<String, String> headers = new LinkedHashMap<>();
			unsigned.forEachHeader((name, values) -> {
				if (!UNSIGNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					headers.put(name, String.join(",", values.stream().map(String::strip).toList()));
				}
			});
			byte[] body = body(request.payload());
			String host = SigV4Signer.hostHeader(unsigned.getUri());
			AwsCredentialsIdentity identity = request.identity();
			Clock clock = request.requireProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC());
			SigV4Signer signer = signer(request.requireProperty(AwsV4HttpSigner.REGION_NAME),
					request.requireProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME));
			SigV4Signer.SignedHeaders signature = signer.sign(
					new SigV4Signer.Request(unsigned.method().name(), host, unsigned.encodedPath(), headers, body),
					new SigV4Signer.Credentials(identity.accessKeyId(), identity.secretAccessKey(),
							(identity instanceof AwsSessionCredentialsIdentity session) ? session.sessionToken()
									: null),
					clock.instant());
			SdkHttpRequest.Builder signed = unsigned.toBuilder().putHeader("Host", host);
			signature.forEach(signed::putHeader);
			return SignedRequest.builder()
				.request(signed.build())
				.payload(request.payload().isPresent() ? ContentStreamProvider.fromByteArrayUnsafe(body) : null)
				.build();
		}

		@Override
		public CompletableFuture<AsyncSignedRequest> signAsync(
				AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
			return CompletableFuture.failedFuture(new UnsupportedOperationException(
					"secret-baker's SigV4 signer signs the requests of synchronous clients only"));
		}

		private SigV4Signer signer(String region, String service) {
			SigV4Signer signer = this.last;
			if (signer == null || !signer.region().equals(region) || !signer.service().equals(service)) {
				signer = new SigV4Signer(region, service);
				this.last = signer;
			}
			return signer;
		}

		private static byte[] body(Optional<? extends ContentStreamProvider> payload) {
			if (payload.isEmpty()) {
				return new byte[0];
			}
			try (InputStream in = payload.get().newStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the request body to sign", ex);
			}
		}

	}

}
