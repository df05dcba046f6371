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

/**
 * The light default adapter of the decryption seam: KMS {@code Decrypt} over
 * secret-baker's own HTTP/1.1 transport, signed with SigV4 computed on the JDK's own
 * {@code javax.crypto}, without an AWS SDK client or signer.
 */
@NullMarked
package io.github.secretbaker.kms.http;

import org.jspecify.annotations.NullMarked;
