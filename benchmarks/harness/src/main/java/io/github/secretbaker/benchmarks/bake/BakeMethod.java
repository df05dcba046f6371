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

package io.github.secretbaker.benchmarks.bake;

/**
 * A way to bake parameters into a secrets file.
 *
 * @since 0.1.0
 */
public enum BakeMethod {

	/**
	 * secret-baker's bake library: {@code GetParameters} of ten names per call and
	 * {@code DescribeParameters} of fifty, in parallel.
	 */
	SECRET_BAKER("secret-baker bake"),

	/**
	 * One {@code GetParameter} with {@code WithDecryption=false} per secret, in series,
	 * as the Node plugin bakes.
	 */
	SERIAL("one GetParameter per secret, in series");

	private final String label;

	BakeMethod(String label) {
		this.label = label;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
