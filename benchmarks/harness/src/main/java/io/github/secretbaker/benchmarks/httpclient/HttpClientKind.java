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

package io.github.secretbaker.benchmarks.httpclient;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The AWS SDK synchronous HTTP clients a KMS client can use.
 *
 * @since 0.1.0
 */
public enum HttpClientKind {

	/**
	 * {@code url-connection-client}, on the JDK's {@code HttpURLConnection}: the
	 * starter's default.
	 */
	URL_CONNECTION("UrlConnectionHttpClient (url-connection-client)"),

	/**
	 * {@code aws-crt-client}, on the native AWS Common Runtime.
	 */
	AWS_CRT("AwsCrtHttpClient (aws-crt-client)"),

	/**
	 * {@code apache5-client}, on Apache HttpClient 5.
	 */
	APACHE5("Apache5HttpClient (apache5-client)");

	private final String label;

	HttpClientKind(String label) {
		this.label = label;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	SdkHttpClient create() {
		return switch (this) {
			case URL_CONNECTION -> UrlConnectionHttpClient.builder().build();
			case AWS_CRT -> AwsCrtHttpClient.builder().build();
			case APACHE5 -> Apache5HttpClient.builder().build();
		};
	}

}
