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

package io.github.secretbaker.benchmarks.burst;

/**
 * What a simulated cold start does to read its secrets.
 *
 * @since 0.1.0
 */
public sealed interface ColdStartReader {

	/**
	 * Return a short description for the report.
	 * @return the description
	 */
	String describe();

	/**
	 * secret-baker: one KMS {@code Decrypt} per baked secret, with the decrypter's
	 * policy.
	 *
	 * @param policy the decrypter's scheduling, retry and deadline
	 * @since 0.1.0
	 */
	record BakedDecryption(DecrypterPolicy policy) implements ColdStartReader {

		@Override
		public String describe() {
			return "secret-baker (KMS Decrypt)";
		}

	}

	/**
	 * A runtime reader of Parameter Store by path, such as Spring Cloud AWS's
	 * {@code aws-parameterstore:} import: one {@code GetParametersByPath} per page, the
	 * pages one after another, each call retried by the SDK.
	 *
	 * @param pageSize the parameters per page
	 * @param retry the SDK's retry
	 * @since 0.1.0
	 */
	record ParametersByPath(int pageSize, SdkRetryPolicy retry) implements ColdStartReader {

		@Override
		public String describe() {
			return "SSM GetParametersByPath (pages of " + this.pageSize + ", " + this.retry.maxAttempts()
					+ " attempts, base " + this.retry.backoff().base().toMillis() + " ms)";
		}

		/**
		 * Return the calls of one cold start without throttling.
		 * @param secrets the parameters under the path
		 * @return the pages, at least one
		 */
		public int pages(int secrets) {
			return Math.max(1, (secrets + this.pageSize - 1) / this.pageSize);
		}

	}

}
