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

/**
 * Told of a bake's progress, for example to draw a progress line. Called from worker
 * threads.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BakeProgressListener {

	/**
	 * Called once with no completed call as the first {@code GetParameters} call starts,
	 * so that a slow first call shows, then each time a call completes.
	 * @param completedCalls the calls completed so far
	 * @param totalCalls the calls the bake makes in all
	 */
	void parametersFetched(int completedCalls, int totalCalls);

}
