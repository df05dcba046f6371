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

package io.github.secretbaker.bake.cli;

/**
 * The exit codes of every command.
 */
final class ExitCodes {

	/**
	 * Success.
	 */
	public static final int OK = 0;

	/**
	 * {@code check} found differences.
	 */
	public static final int FINDINGS = 1;

	/**
	 * Bad usage or input: options, manifest, baked file, a guard refusing a parameter, a
	 * missing parameter, version or label.
	 */
	public static final int INVALID_INPUT = 2;

	/**
	 * AWS failure after retries, including access denied, or an I/O failure.
	 */
	public static final int FAILURE = 3;

	private ExitCodes() {
	}

}
