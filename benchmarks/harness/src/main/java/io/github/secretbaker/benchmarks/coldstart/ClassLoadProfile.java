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

/**
 * The classes one cold start loaded before its JVM exited, from {@code -Xlog:class+load}:
 * a profile of where a variant's added start-up work goes. Classes are compared with
 * those of the setup's baseline by name (the numbers JDK gives lambda and hidden classes
 * left out), so that what the secrets path adds is counted apart from what every start
 * loads.
 *
 * @param setup the setup
 * @param variant the variant
 * @param secrets the number of secrets
 * @param total every class loaded
 * @param added the classes the baseline did not load: the secrets path's
 * @param addedAwsSdk among those, the AWS SDK's ({@code software.amazon.awssdk})
 * @param awsSdk every AWS SDK class loaded
 * @param httpAndNetty the classes of Apache HttpClient and Netty, which SDK clients load
 * @param springCloudAws the classes of Spring Cloud AWS ({@code io.awspring})
 * @since 0.1.0
 */
public record ClassLoadProfile(Setup setup, Variant variant, int secrets, long total, long added, long addedAwsSdk,
		long awsSdk, long httpAndNetty, long springCloudAws) {

}
