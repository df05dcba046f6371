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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartBenchmarkTests {

	@Test
	void comparesLambdaAndHiddenClassesWithoutTheNumbersEachJvmGivesThem() {
		assertThat(ColdStartBenchmark.normalizedClassName("com.example.Foo$$Lambda$565/0x0000000800c0b000"))
			.isEqualTo(ColdStartBenchmark.normalizedClassName("com.example.Foo$$Lambda$12/0x00007fcfb927d300"))
			.isEqualTo("com.example.Foo$$Lambda");
		assertThat(ColdStartBenchmark.normalizedClassName("com.example.Foo$$Lambda/0x000001d2c8c4a000"))
			.isEqualTo("com.example.Foo$$Lambda");
		assertThat(ColdStartBenchmark.normalizedClassName("java.lang.invoke.LambdaForm$MH/0x0000000800c0c400"))
			.isEqualTo("java.lang.invoke.LambdaForm$MH");
		assertThat(ColdStartBenchmark.normalizedClassName("com.example.Config$$SpringCGLIB$$0"))
			.isEqualTo("com.example.Config$$SpringCGLIB$$0");
	}

}
