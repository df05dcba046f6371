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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.secretbaker.benchmarks.BenchmarkOptions.Benchmark;
import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void defaultsToTheIssuesSettings() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/tmp/benchmarks" });
		assertThat(options.latency()).isEqualTo(Duration.ofMillis(25));
		assertThat(options.repetitions()).isEqualTo(10);
		assertThat(options.sizes()).containsExactly(0, 1, 10, 100);
		assertThat(options.bakeSizes()).containsExactly(10, 100, 1000);
		assertThat(options.resultsDir()).isEqualTo(Path.of("/tmp/benchmarks/results"));
		assertThat(options.benchmarks()).containsExactlyInAnyOrder(Benchmark.LAMBDA, Benchmark.COLD_START,
				Benchmark.BAKE, Benchmark.HTTP_CLIENT, Benchmark.SERVER_LOAD);
		assertThat(options.lambdaMemorySizes()).containsExactly(1024, 1769);
		assertThat(options.lambdaRounds()).isEqualTo(12);
		assertThat(options.lambdaVariants()).containsExactly(Variant.BASELINE, Variant.STARTER_WITHOUT_FILE,
				Variant.EAGER, Variant.SPRING_CLOUD_AWS);
		assertThat(options.lambdaStarterOptions()).isEmpty();
		assertThat(options.lambdaSnapStartRounds()).isEqualTo(12);
		assertThat(options.lambdaAppCds()).isFalse();
		assertThat(options.jvmOptions()).contains("-XX:TieredStopAtLevel=1");
		assertThat(options.setupRepetitions()).isEqualTo(8);
		assertThat(options.variants()).containsOnlyKeys(Setup.values());
		assertThat(options.variants().get(Setup.FUNCTION)).containsExactly(Variant.BASELINE, Variant.EAGER,
				Variant.EAGER_SDK, Variant.EAGER_BLOCKING, Variant.TODAY, Variant.LAZY, Variant.SPRING_CLOUD_AWS);
		assertThat(options.variants().get(Setup.ONE_CORE)).containsExactly(Variant.BASELINE, Variant.EAGER,
				Variant.TODAY);
	}

	@Test
	void parsesEverySetting() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--results-dir=/r",
				"--latency=5", "--repetitions=3", "--sizes=1,2", "--bake-sizes=7", "--bake-repetitions=2",
				"--http-client-repetitions=4", "--jvm-options=-Xmx256m  -Xss1m", "--only=bake, cold-start",
				"--lambda-memory-sizes=512, 3008", "--lambda-rounds=2", "--lambda-variants=baseline, eager",
				"--lambda-starter-options=-Dsecret-baker.concurrency=4 -Dx=y", "--lambda-snapstart-rounds=0",
				"--lambda-app-cds=true" });
		assertThat(options.resultsDir()).isEqualTo(Path.of("/r"));
		assertThat(options.latency()).isEqualTo(Duration.ofMillis(5));
		assertThat(options.repetitions()).isEqualTo(3);
		assertThat(options.sizes()).containsExactly(1, 2);
		assertThat(options.bakeSizes()).containsExactly(7);
		assertThat(options.bakeRepetitions()).isEqualTo(2);
		assertThat(options.httpClientRepetitions()).isEqualTo(4);
		assertThat(options.jvmOptions()).isEqualTo(List.of("-Xmx256m", "-Xss1m"));
		assertThat(options.benchmarks()).containsExactlyInAnyOrder(Benchmark.BAKE, Benchmark.COLD_START);
		assertThat(options.lambdaMemorySizes()).containsExactly(512, 3008);
		assertThat(options.lambdaRounds()).isEqualTo(2);
		assertThat(options.lambdaVariants()).containsExactly(Variant.BASELINE, Variant.EAGER);
		assertThat(options.lambdaStarterOptions()).containsExactly("-Dsecret-baker.concurrency=4", "-Dx=y");
		assertThat(options.lambdaSnapStartRounds()).isZero();
		assertThat(options.lambdaAppCds()).isTrue();
	}

	@Test
	void refusesLambdaVariantsWithoutTheBaselineFirst() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions
				.parse(new String[] { "--benchmarks-dir=/b", "--lambda-variants=eager,baseline" }))
			.withMessageContaining("--lambda-variants must start with baseline");
	}

	@Test
	void selectsVariantsBySetupAlwaysWithTheSetupsBaseline() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b",
				"--variants=java-jar:spring-cloud-aws, java-jar:eager,function:serial,one-core",
				"--setup-repetitions=2" });
		assertThat(options.variants()).containsOnlyKeys(Setup.FUNCTION, Setup.ONE_CORE, Setup.JAVA_JAR);
		assertThat(options.variants().get(Setup.JAVA_JAR)).containsExactly(Variant.BASELINE, Variant.EAGER,
				Variant.SPRING_CLOUD_AWS);
		assertThat(options.variants().get(Setup.FUNCTION)).containsExactly(Variant.BASELINE, Variant.SERIAL);
		assertThat(options.variants().get(Setup.ONE_CORE)).containsExactly(Variant.BASELINE, Variant.EAGER,
				Variant.TODAY);
		assertThat(options.repetitions(Setup.FUNCTION)).isEqualTo(10);
		assertThat(options.repetitions(Setup.JAVA_JAR)).isEqualTo(2);
	}

	@Test
	void namesTheArgumentThatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] {}))
			.withMessageContaining("--benchmarks-dir is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--repetitions=0" }))
			.withMessageContaining("--repetitions must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--sizes=1,x" }))
			.withMessageContaining("--sizes takes comma-separated whole numbers");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--only=everything" }))
			.withMessageContaining("Unknown benchmark 'everything'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--colour=red" }))
			.withMessageContaining("Unknown option --colour");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--variants=two-cores" }))
			.withMessageContaining("--variants: Unknown setup 'two-cores': use one of function, one-core");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--variants=tls:fast" }))
			.withMessageContaining("--variants: Unknown variant 'fast': use one of baseline, starter-without-file, "
					+ "eager, eager-sdk");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--lambda-memory-sizes=64" }))
			.withMessageContaining("--lambda-memory-sizes takes Lambda memory sizes, 128 to 10240 MB, but was [64]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--lambda-rounds=0" }))
			.withMessageContaining("--lambda-rounds must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--lambda-app-cds=yes" }))
			.withMessageContaining("--lambda-app-cds takes true or false, but was 'yes'");
	}

	@Test
	void runsTheLambdaInitBenchmarkOnlyWhenAskedFor() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--only=lambda-init" });
		assertThat(options.benchmarks()).containsExactly(Benchmark.LAMBDA_INIT);
	}

	@Test
	void runsTheBurstBenchmarkOnlyWhenAskedFor() {
		assertThat(BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b" }).benchmarks())
			.doesNotContain(Benchmark.BURST);
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--benchmarks-dir=/b", "--only=burst" });
		assertThat(options.benchmarks()).containsExactly(Benchmark.BURST);
	}

}
