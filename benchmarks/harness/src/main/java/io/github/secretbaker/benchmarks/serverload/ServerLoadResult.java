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

package io.github.secretbaker.benchmarks.serverload;

import java.time.Duration;
import java.util.List;

/**
 * The local server's answer times.
 *
 * @param serialCallMillis each {@code Decrypt} made one after another, without added
 * latency
 * @param parallelRuns the rounds of parallel calls, without and with added latency
 * @param parallelism the calls released at once in each round
 * @since 0.1.0
 */
public record ServerLoadResult(List<Double> serialCallMillis, List<ParallelRun> parallelRuns, int parallelism) {

	/**
	 * Rounds of parallel calls at one added latency.
	 *
	 * @param latency the latency the server added to each call
	 * @param callMillis each {@code Decrypt}
	 * @param roundMillis each round, from release to the last answer
	 * @param maxInFlight the most calls the server had in flight at once
	 */
	public record ParallelRun(Duration latency, List<Double> callMillis, List<Double> roundMillis, int maxInFlight) {

	}

}
