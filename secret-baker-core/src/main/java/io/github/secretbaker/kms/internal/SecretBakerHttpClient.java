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

package io.github.secretbaker.kms.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.secretbaker.kms.Deadline;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An AWS SDK {@link SdkHttpClient} over secret-baker's {@link HttpTransport}: it logs no
 * header (the SDK's URL-connection client goes through the JDK's
 * {@code HttpURLConnection}, whose logger writes every request's headers, credentials
 * included, at debug level) and ends every call, from connecting to the last byte of the
 * answer, within its timeout or when the SDK aborts it.
 *
 * @since 0.1.0
 */
public final class SecretBakerHttpClient implements SdkHttpClient {

	/**
	 * The most connections kept open per endpoint.
	 */
	static final int MAX_IDLE_CONNECTIONS = 16;

	/**
	 * The largest answer read: far more than any KMS or SSM answer the library asks for.
	 */
	static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

	private final HttpTransport transport = new HttpTransport(MAX_IDLE_CONNECTIONS, MAX_ANSWER_BYTES);

	private final Duration timeout;

	private SecretBakerHttpClient(Duration timeout) {
		this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
	}

	/**
	 * Return a builder for an SDK client's {@code httpClientBuilder}, so that the SDK
	 * client closes the HTTP client it builds.
	 * @param timeout the longest time one HTTP exchange may take
	 * @return the builder
	 */
	public static Builder builder(Duration timeout) {
		return new Builder(timeout);
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		return new Call(request);
	}

	@Override
	public String clientName() {
		return "SecretBaker";
	}

	@Override
	public void close() {
		this.transport.close();
	}

	private static byte[] readBody(HttpExecuteRequest request) throws IOException {
		ContentStreamProvider provider = request.contentStreamProvider().orElse(null);
		if (provider == null) {
			return new byte[0];
		}
		try (InputStream in = provider.newStream()) {
			return in.readAllBytes();
		}
	}

	/**
	 * One request, which the SDK may abort from its timeout thread.
	 */
	private final class Call implements ExecutableHttpRequest {

		private final HttpExecuteRequest request;

		private final HttpTransport.Abort abort = new HttpTransport.Abort();

		Call(HttpExecuteRequest request) {
			this.request = request;
		}

		@Override
		public HttpExecuteResponse call() throws IOException {
			Deadline deadline = Deadline.in(SecretBakerHttpClient.this.timeout);
			SdkHttpRequest httpRequest = this.request.httpRequest();
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			httpRequest.forEachHeader((name, values) -> values.forEach((value) -> headers.add(Map.entry(name, value))));
			HttpTransport.Response response = SecretBakerHttpClient.this.transport
				.exchange(new HttpTransport.Request(httpRequest.method().name(), httpRequest.getUri(), headers,
						readBody(this.request)), deadline, this.abort);
			SdkHttpFullResponse.Builder sdkResponse = SdkHttpFullResponse.builder().statusCode(response.status());
			response.headers().forEach(sdkResponse::putHeader);
			return HttpExecuteResponse.builder()
				.response(sdkResponse.build())
				.responseBody(
						AbortableInputStream.create(new ByteArrayInputStream(response.body(), 0, response.length())))
				.build();
		}

		@Override
		public void abort() {
			this.abort.abort();
		}

	}

	/**
	 * Builds a {@link SecretBakerHttpClient} for an SDK client builder.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder implements SdkHttpClient.Builder<Builder> {

		private final Duration timeout;

		private Builder(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
		}

		@Override
		public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
			return new SecretBakerHttpClient(this.timeout);
		}

	}

}
