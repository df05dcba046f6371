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

package io.github.secretbaker.autoconfigure;

import io.github.secretbaker.test.backend.AwsBackend;
import io.github.secretbaker.test.backend.AwsBackendExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration suite against LocalStack's KMS, run with
 * {@code -Daws.backend=localstack} on a machine with Docker and skipped elsewhere.
 */
@EnabledIfSystemProperty(named = "aws.backend", matches = "localstack")
@ExtendWith(AwsBackendExtension.class)
class LocalStackBakedSecretsApplicationTests extends BakedSecretsApplicationContractTests {

	private final AwsBackend backend;

	LocalStackBakedSecretsApplicationTests(AwsBackend backend) {
		this.backend = backend;
	}

	@Override
	protected AwsBackend backend() {
		return this.backend;
	}

}
