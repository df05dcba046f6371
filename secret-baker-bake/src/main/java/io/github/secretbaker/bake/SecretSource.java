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

package io.github.secretbaker.bake;

import java.util.List;

/**
 * Where a bake reads its secrets from: a source turns requests into the secrets that can
 * be baked and the problems of the others, without failing because of any one of them.
 */
interface SecretSource {

	/**
	 * Resolve the given requests.
	 * @param requests the secrets to resolve, at least one, with distinct names
	 * @return the secrets, the problems, the call counts and the warnings
	 */
	Resolution resolve(List<SecretRequest> requests);

}
