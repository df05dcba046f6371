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

/**
 * One fresh JVM that created a KMS client and made its first call.
 *
 * @param client the HTTP client
 * @param repetition the repetition
 * @param processMillis from process start to the answer
 * @param creationMillis the KMS client's creation, HTTP client included
 * @param firstCallMillis the first {@code Decrypt}
 * @param peakRssMb the peak resident set size when the probe answered
 * @since 0.1.0
 */
public record HttpClientSample(HttpClientKind client, int repetition, double processMillis, double creationMillis,
		double firstCallMillis, double peakRssMb) {

}
