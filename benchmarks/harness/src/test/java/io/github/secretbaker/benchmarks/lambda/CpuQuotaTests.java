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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CpuQuotaTests {

	@Test
	void givesLambdasShareOfACpuForAMemorySize() {
		assertThat(CpuQuota.quotaMicros(1024)).isEqualTo(57_800);
		assertThat(CpuQuota.quotaMicros(1769)).isEqualTo(100_000);
		assertThat(CpuQuota.quotaMicros(3538)).isEqualTo(200_000);
		assertThat(CpuQuota.quotaMicros(128)).isEqualTo(7_200);
		assertThatIllegalArgumentException().isThrownBy(() -> CpuQuota.quotaMicros(64))
			.withMessageContaining("at least 128 MB, not 64");
	}

	@Test
	void findsTheCpuAndCpuacctControllersMountedApart() {
		CpuQuota.Controllers controllers = CpuQuota
			.controllers(List.of("tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0",
					"cgroup /sys/fs/cgroup/cpuset cgroup rw,relatime,cpuset 0 0",
					"cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0",
					"cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0",
					"cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0"));
		assertThat(controllers.cpu()).isEqualTo(Path.of("/sys/fs/cgroup/cpu"));
		assertThat(controllers.cpuacct()).isEqualTo(Path.of("/sys/fs/cgroup/cpuacct"));
	}

	@Test
	void findsTheCpuAndCpuacctControllersMountedTogether() {
		CpuQuota.Controllers controllers = CpuQuota.controllers(
				List.of("cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpu,cpuacct 0 0"));
		assertThat(controllers.cpu()).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
		assertThat(controllers.cpuacct()).isEqualTo(controllers.cpu());
	}

	@Test
	void saysWhenNoCpuControllerIsMounted() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CpuQuota.controllers(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev 0 0",
					"cgroup /sys/fs/cgroup/cpuset cgroup rw,relatime,cpuset 0 0")))
			.withMessage("no cgroup v1 cpu controller is mounted (see mount | grep cgroup)");
	}

	@Test
	void writesThePeriodAndQuotaOfTheMemorySizeIntoItsChildGroup(@TempDir Path root) throws IOException {
		Path cpu = Files.createDirectories(root.resolve("cpu"));
		Path cpuacct = Files.createDirectories(root.resolve("cpuacct"));
		CpuQuota quota = CpuQuota.create(new CpuQuota.Controllers(cpu, cpuacct), "bench-1024", 1024);
		assertThat(quota.cpuGroup()).isEqualTo(cpu.resolve("bench-1024"));
		assertThat(cpu.resolve("bench-1024/cpu.cfs_period_us")).hasContent("100000");
		assertThat(cpu.resolve("bench-1024/cpu.cfs_quota_us")).hasContent("57800");
		assertThat(cpuacct.resolve("bench-1024")).isDirectory();
		assertThat(quota.quotaMicros()).isEqualTo(57_800);
	}

	@Test
	void saysWhyAGroupCannotBeCreated(@TempDir Path root) throws IOException {
		// A file where the controller's folder should be: as when the controller is
		// read-only.
		Path notAFolder = Files.writeString(root.resolve("cpu"), "");
		assertThatIllegalStateException()
			.isThrownBy(() -> CpuQuota.create(new CpuQuota.Controllers(notAFolder, null), "bench-1024", 1024))
			.withMessageContaining("the cgroup cpu controller at " + notAFolder + " is not writable (run as root");
	}

	@Test
	void countsCpuUsageOnlyWithACpuacctGroup(@TempDir Path root) throws IOException {
		Path cpu = Files.createDirectories(root.resolve("cpu"));
		CpuQuota withoutCpuacct = CpuQuota.create(new CpuQuota.Controllers(cpu, null), "alone", 1769);
		assertThat(withoutCpuacct.resetUsage()).isFalse();
		assertThat(withoutCpuacct.usageNanos()).isEmpty();
		Path cpuacct = Files.createDirectories(root.resolve("cpuacct"));
		CpuQuota quota = CpuQuota.create(new CpuQuota.Controllers(cpu, cpuacct), "counted", 1769);
		Files.writeString(cpuacct.resolve("counted/cpuacct.usage"), "123456789\n");
		assertThat(quota.usageNanos()).hasValue(123_456_789);
		assertThat(quota.resetUsage()).isTrue();
		assertThat(cpuacct.resolve("counted/cpuacct.usage")).hasContent("0");
		assertThat(quota.usageNanos()).hasValue(0);
	}

	@Test
	void launcherJoinsTheGroupsThenRunsJavaInTheSameProcessWithItsArguments(@TempDir Path root) throws Exception {
		Path cpu = Files.createDirectories(root.resolve("cpu"));
		Path cpuacct = Files.createDirectories(root.resolve("cpuacct"));
		CpuQuota quota = CpuQuota.create(new CpuQuota.Controllers(cpu, cpuacct), "launched", 1024);
		// printf stands in for java: it shows the arguments arrive intact, spaces and
		// quotes included.
		Path launcher = quota.writeLauncher(Path.of("/usr/bin/printf"), root.resolve("bin/java-1024.sh"));
		assertThat(Files.isExecutable(launcher)).isTrue();
		Process process = new ProcessBuilder(launcher.toString(), "%s|%s", "-Dx=a b", "it's \"quoted\"").start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(output).isEqualTo("-Dx=a b|it's \"quoted\"");
		assertThat(cpu.resolve("launched/cgroup.procs")).hasContent(Long.toString(process.pid()));
		assertThat(cpuacct.resolve("launched/cgroup.procs")).hasContent(Long.toString(process.pid()));
	}

	@Test
	void launcherStopsWhenItCannotJoinTheGroup(@TempDir Path root) throws Exception {
		Path cpu = Files.createDirectories(root.resolve("cpu"));
		CpuQuota quota = CpuQuota.create(new CpuQuota.Controllers(cpu, null), "gone", 1024);
		Path launcher = quota.writeLauncher(Path.of("/usr/bin/printf"), root.resolve("java.sh"));
		Files.delete(cpu.resolve("gone/cpu.cfs_period_us"));
		Files.delete(cpu.resolve("gone/cpu.cfs_quota_us"));
		Files.delete(cpu.resolve("gone"));
		Process process = new ProcessBuilder(launcher.toString(), "ran").start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(125);
		assertThat(output).isEmpty();
	}

	@Test
	void readsHowLongTheGroupWasThrottled(@TempDir Path root) throws IOException {
		assertThat(CpuQuota.throttledNanos(List.of("nr_periods 42", "nr_throttled 17", "throttled_time 1234567890",
				"nr_bursts 0", "burst_time 0")))
			.hasValue(1_234_567_890L);
		assertThat(CpuQuota.throttledNanos(List.of("usage_usec 10"))).isEmpty();
		Path cpu = Files.createDirectories(root.resolve("cpu"));
		CpuQuota quota = CpuQuota.create(new CpuQuota.Controllers(cpu, null), "throttled", 1024);
		assertThat(quota.throttledNanos()).isEmpty();
		Files.writeString(cpu.resolve("throttled/cpu.stat"),
				"nr_periods 8\nnr_throttled 3\nthrottled_time 250000000\n");
		assertThat(quota.throttledNanos()).hasValue(250_000_000L);
	}

	@Test
	void readsTheCpuTimeOfAProcessWhoseNameHasSpacesAndBrackets() {
		String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 153 47 0 0 20 0 30 0 777 "
				+ "3000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17116 0 0 0 17 1 0 0 0 0 0";
		assertThat(CpuQuota.processCpuMillis(stat)).isEqualTo(2000.0);
	}

	@Test
	void readsTheCpuTimeOfThisJvm() throws IOException {
		String stat = Files.readString(Path.of("/proc/self/stat"));
		assertThat(CpuQuota.processCpuMillis(stat)).isPositive();
	}

}
