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
