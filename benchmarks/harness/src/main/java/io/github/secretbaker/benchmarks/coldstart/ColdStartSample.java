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

package io.github.secretbaker.benchmarks.coldstart;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One measured cold start.
 *
 * @param setup how the JVM was started
 * @param variant the variant
 * @param secrets the number of secrets
 * @param round the round, in which every variant of the setup ran once
 * @param answerMillis from process start to the function's answer
 * @param initMillis the handler's init duration, as the invoker reports it, or for
 * {@code java -jar} the startup time Spring Boot logs; {@code -1} if unknown
 * @param invokeMillis the invocation's duration, as the invoker reports it, or {@code -1}
 * @param peakRssMb the peak resident set size when the function answered
 * @param cpuMillis the CPU time the function's JVM had used when it answered
 * @param serverCpuMillis the CPU time the harness JVM, which runs the local server, used
 * meanwhile
 * @param decryptMillis the decryption time the secret-baker starter logs, or {@code null}
 * @param calls the calls the local server received, by operation
 * @since 0.1.0
 */
public record ColdStartSample(Setup setup, Variant variant, int secrets, int round, double answerMillis,
		double initMillis, double invokeMillis, double peakRssMb, double cpuMillis, double serverCpuMillis,
		@Nullable Double decryptMillis, Map<String, Long> calls) {

}
