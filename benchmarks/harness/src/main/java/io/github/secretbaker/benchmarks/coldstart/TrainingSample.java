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

/**
 * One training run, which recorded the AOT cache or the AppCDS archive of a variant for a
 * number of secrets: the JVM started with {@code -Dspring.context.exit=onRefresh} and
 * exited once the context had refreshed.
 *
 * @param setup the setup whose cache it recorded
 * @param variant the variant
 * @param secrets the number of secrets
 * @param millis from process start to its exit, the cache written
 * @param calls the calls the local server received, by operation
 * @since 0.1.0
 */
public record TrainingSample(Setup setup, Variant variant, int secrets, double millis, Map<String, Long> calls) {

}
