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

package io.github.secretbaker.kms;

/**
 * Which {@link KmsDecrypter} implementation calls KMS.
 *
 * @since 0.1.0
 */
public enum KmsClientType {

	/**
	 * The light client: one signed {@code Decrypt} request over a small HTTP/1.1
	 * transport of its own on the JDK's sockets and TLS, signed with SigV4 on
	 * {@code javax.crypto}, with credentials from the environment or the container
	 * credentials endpoint (the SDK's providers only where neither is set), and no SDK
	 * service client, so a cold start loads a fraction of the classes.
	 */
	HTTP,

	/**
	 * The AWS SDK's {@code KmsClient}, which needs {@code software.amazon.awssdk:kms} on
	 * the class path: core declares it optional, so the light client's functions go
	 * without it.
	 */
	SDK;

	/**
	 * The client used unless another is chosen.
	 */
	public static final KmsClientType DEFAULT = HTTP;

}
