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
