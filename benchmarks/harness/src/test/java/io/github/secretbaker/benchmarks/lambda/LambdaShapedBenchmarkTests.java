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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.secretbaker.benchmarks.BenchmarkOptions;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaShapedBenchmarkTests {

	private static final URI ENDPOINT = URI.create("https://127.0.0.1:4443");

	private static final Path TRUST_STORE = Path.of("/work/lambda/cacerts-with-local-server");

	private static final Path TRUST_ANCHORS = Path.of("/work/lambda/local-server.pem");

	@Test
	void startsEveryVariantWithTheManagedRuntimesFlagsTwoProcessorsAndWhatItTrusts() {
		for (Variant variant : List.of(Variant.BASELINE, Variant.STARTER_WITHOUT_FILE, Variant.SPRING_CLOUD_AWS,
				Variant.EAGER_JVM_TRUST_STORE)) {
			List<String> options = LambdaShapedBenchmark.jvmOptions(variant, ENDPOINT, "/p/n1/", TRUST_STORE,
					TRUST_ANCHORS, List.of());
			assertThat(options).startsWith("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
					"-XX:ActiveProcessorCount=2");
			assertThat(options).endsWith("-Djavax.net.ssl.trustStore=" + TRUST_STORE);
			assertThat(options).noneMatch((option) -> option.startsWith("-Djavax.net.ssl.trustStorePassword"));
			assertThat(options).noneMatch((option) -> option.startsWith("-Dsecret-baker.tls."));
		}
		for (Variant variant : List.of(Variant.EAGER, Variant.EAGER_ADVANCED, Variant.LAZY)) {
			List<String> options = LambdaShapedBenchmark.jvmOptions(variant, ENDPOINT, "/p/n1/", TRUST_STORE,
					TRUST_ANCHORS, List.of());
			assertThat(options).startsWith("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
					"-XX:ActiveProcessorCount=2");
			assertThat(options).endsWith("-Dsecret-baker.tls.trust-anchors=" + TRUST_ANCHORS);
			assertThat(options).noneMatch((option) -> option.startsWith("-Djavax.net.ssl."));
		}
	}

	@Test
	void configuresNothingForTheBaselineAndTheStarterWithoutAFile() {
		assertThat(LambdaShapedBenchmark.jvmOptions(Variant.STARTER_WITHOUT_FILE, ENDPOINT, "/p/n1/", TRUST_STORE,
				TRUST_ANCHORS, List.of()))
			.isEqualTo(LambdaShapedBenchmark.jvmOptions(Variant.BASELINE, ENDPOINT, "/p/n1/", TRUST_STORE,
					TRUST_ANCHORS, List.of()));
		assertThat(LambdaShapedBenchmark.jvmOptions(Variant.STARTER_WITHOUT_FILE, ENDPOINT, "/p/n1/", TRUST_STORE,
				TRUST_ANCHORS, List.of()))
			.noneMatch((option) -> option.startsWith("-Dsecret-baker."));
		assertThat(Variant.STARTER_WITHOUT_FILE.baked()).isFalse();
		assertThat(Variant.STARTER_WITHOUT_FILE.hasSecrets()).isFalse();
		assertThat(Variant.STARTER_WITHOUT_FILE.library()).isEqualTo(Variant.Library.SECRET_BAKER);
	}

	@Test
	void pointsTheStarterAndSpringCloudAwsAtTheHttpsServer() {
		assertThat(LambdaShapedBenchmark.jvmOptions(Variant.EAGER, ENDPOINT, "/p/n10/", TRUST_STORE, TRUST_ANCHORS,
				List.of()))
			.contains("-Dsecret-baker.endpoint=https://127.0.0.1:4443", "-Dsecret-baker.mode=eager",
					"-Dsecret-baker.client=http", "-Dsecret-baker.background=true", "-Dsecret-baker.timeout=60s");
		assertThat(LambdaShapedBenchmark.jvmOptions(Variant.SPRING_CLOUD_AWS, ENDPOINT, "/p/n10/", TRUST_STORE,
				TRUST_ANCHORS, List.of("-Xlog:class+load=info:file=/tmp/x.log")))
			.containsSubsequence("-XX:ActiveProcessorCount=2", "-Xlog:class+load=info:file=/tmp/x.log",
					"-Dspring.config.import=aws-parameterstore:/p/n10/",
					"-Dspring.cloud.aws.parameterstore.endpoint=https://127.0.0.1:4443");
	}

	@Test
	void givesAContainerImagesClassPathTheJarsInNameOrder(@TempDir Path taskRoot) throws IOException {
		Path lib = Files.createDirectories(taskRoot.resolve("lib"));
		for (String name : List.of("spring-core.jar", "aws-lambda-java-core.jar", "notes.txt", "function.jar")) {
			Files.createFile(lib.resolve(name));
		}
		assertThat(LambdaShapedBenchmark.functionClassPath(taskRoot)).containsExactly(
				lib.resolve("aws-lambda-java-core.jar"), lib.resolve("function.jar"), lib.resolve("spring-core.jar"));
	}

	@Test
	void saysWhyItIsSkippedWhereNoCpuControllerIsMounted(@TempDir Path dir) {
		BenchmarkOptions options = BenchmarkOptions
			.parse(new String[] { "--benchmarks-dir=" + dir, "--lambda-memory-sizes=1024,1769" });
		LambdaShapedSummary summary = new LambdaShapedBenchmark(options, dir)
			.run(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0"));
		assertThat(summary.samples()).isEmpty();
		assertThat(summary.skipped()).containsOnlyKeys(1024, 1769)
			.containsValue("no cgroup v1 cpu controller is mounted (see mount | grep cgroup)");
	}

	@Test
	void saysWhyAMemorySizeIsSkippedWhereItsGroupCannotBeCreated(@TempDir Path dir) throws IOException {
		Path readOnly = Files.writeString(dir.resolve("cpu"), "not a cgroup folder");
		BenchmarkOptions options = BenchmarkOptions
			.parse(new String[] { "--benchmarks-dir=" + dir, "--lambda-memory-sizes=1024" });
		LambdaShapedSummary summary = new LambdaShapedBenchmark(options, dir)
			.run(List.of("cgroup " + readOnly + " cgroup rw,relatime,cpu 0 0"));
		assertThat(summary.samples()).isEmpty();
		assertThat(summary.skipped().get(1024))
			.startsWith("the cgroup cpu controller at " + readOnly + " is not writable (run as root");
	}

	@Test
	void countsTheClassesALoadingLogNames(@TempDir Path dir) throws IOException {
		Path log = Files.writeString(dir.resolve("class-load.log"), """
				[0.006s][info][class,load] java.lang.Object source: shared objects file
				[0.006s][info][class,load] java.io.Serializable source: shared objects file
				[0.310s][info][class,load] io.github.secretbaker.kms.HttpKmsDecrypter source: file:/var/task/lib/x.jar
				[0.311s][info][gc] Using Serial
				""");
		assertThat(LambdaShapedBenchmark.classesLoaded(log)).isEqualTo(3);
	}

}
