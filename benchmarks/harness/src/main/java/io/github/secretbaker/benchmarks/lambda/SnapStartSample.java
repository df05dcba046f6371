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

/**
 * One emulated SnapStart restore of the function with
 * {@code secret-baker.snapshot=after-restore}: AWS's runtime interface client ran the
 * checkpoint hooks at the end of init, the local Runtime API answered its
 * {@code restore/next} at once, and the restore hooks decrypted every secret before the
 * runtime asked for its first event.
 *
 * @param memoryMb the memory size, which set the CPU quota
 * @param secrets the number of secrets N
 * @param round the round, from 0
 * @param initMillis from the process start to {@code restore/next}, the checkpoint
 * @param restoreMillis from the restore to the runtime's first {@code next}, every secret
 * decrypted
 * @since 0.1.0
 */
public record SnapStartSample(int memoryMb, int secrets, int round, double initMillis, double restoreMillis) {

}
