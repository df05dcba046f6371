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

package io.github.secretbaker.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SamplesTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Samples.of(List.of(9.0, 1.0, 5.0)).median()).isEqualTo(5.0);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleValues() {
		assertThat(Samples.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
	}

	@Test
	void p90IsTheNearestRankValue() {
		List<Double> values = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
		assertThat(Samples.of(values).p90()).isEqualTo(9.0);
		assertThat(Samples.of(values).percentile(100)).isEqualTo(10.0);
		assertThat(Samples.of(List.of(3.0)).p90()).isEqualTo(3.0);
	}

	@Test
	void rejectsNoValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Samples.of(List.of()))
			.withMessageContaining("At least one value");
	}

}
