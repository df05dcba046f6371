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

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;

/**
 * Runs in a fresh JVM: creates a KMS client with one HTTP client and decrypts one baked
 * secret, then prints {@code PROBE creation=<ms> first-call=<ms> length=<n>} with the
 * time each step took. Region and credentials come from the environment, as on Lambda.
 * <p>
 * Arguments: the {@link HttpClientKind}, the endpoint, the base64 ciphertext and the
 * parameter ARN it is bound to.
 *
 * @since 0.1.0
 */
public final class KmsFirstCallProbe {

	/**
	 * The start of the line the probe answers with.
	 */
	public static final String ANSWER_PREFIX = "PROBE ";

	private KmsFirstCallProbe() {
	}

	/**
	 * Create the client and make the first call.
	 * @param args the HTTP client kind, endpoint, ciphertext and parameter ARN
	 */
	public static void main(String[] args) {
		if (args.length != 4) {
			System.err
				.println("Usage: KmsFirstCallProbe <URL_CONNECTION|AWS_CRT|APACHE5> <endpoint> <ciphertext> <arn>");
			System.exit(2);
		}
		HttpClientKind kind = HttpClientKind.valueOf(args[0]);
		long start = System.nanoTime();
		SdkHttpClient httpClient = kind.create();
		try (KmsClient kms = KmsClient.builder().httpClient(httpClient).endpointOverride(URI.create(args[1])).build()) {
			long created = System.nanoTime();
			DecryptResponse response = kms.decrypt(
					(decrypt) -> decrypt.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(args[2])))
						.encryptionContext(Map.of("PARAMETER_ARN", args[3])));
			long called = System.nanoTime();
			System.out.printf(Locale.ROOT, "%screation=%.2f first-call=%.2f length=%d%n", ANSWER_PREFIX,
					(created - start) / 1e6, (called - created) / 1e6, response.plaintext().asUtf8String().length());
			System.out.flush();
		}
		finally {
			httpClient.close();
		}
	}

}
