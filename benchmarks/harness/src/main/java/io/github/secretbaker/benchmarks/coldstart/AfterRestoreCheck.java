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
 * What secret-baker did in a function about to be snapshotted with
 * {@code secret-baker.snapshot=after-restore}: started as Lambda starts a SnapStart
 * version ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, {@code org.crac} on the
 * class path), on a JVM that takes no checkpoint, so the restore never comes and the
 * invocation's read is refused rather than answered.
 *
 * @param secrets the number of secrets baked
 * @param refused whether the read was refused as a read before the restore
 * @param calls the calls the local server received during the whole run, by operation
 * @since 0.1.0
 */
public record AfterRestoreCheck(int secrets, boolean refused, Map<String, Long> calls) {

}
