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

package io.github.secretbaker.benchmarks.lambda;

import io.github.secretbaker.benchmarks.coldstart.Variant;

/**
 * One Lambda-shaped cold start: its Init Duration as the local Runtime API recorded it,
 * and the CPU time the function's JVM had used when init ended.
 *
 * @param memoryMb the memory size, which set the CPU quota
 * @param secrets the number of secrets N
 * @param variant the variant
 * @param round the round, from 0
 * @param initMillis from the process start to the runtime's first {@code next}
 * @param cpuMillis the CPU time of the JVM, all threads, when init ended, or {@code -1}
 * if unknown
 * @param throttledMillis how long the quota held the JVM back until init ended, or
 * {@code -1} if unknown
 * @since 0.1.0
 */
public record LambdaShapedSample(int memoryMb, int secrets, Variant variant, int round, double initMillis,
		double cpuMillis, double throttledMillis) {

}
