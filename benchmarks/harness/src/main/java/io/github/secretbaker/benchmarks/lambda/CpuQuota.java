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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * A cgroup v1 child group with a CFS CPU quota, the share of a CPU that Lambda gives a
 * function of a given memory size, and a launcher script that moves a process into it
 * before it {@code exec}s {@code java}. Where the {@code cpuacct} controller is mounted
 * too, the process joins a group of it as well, whose {@code cpuacct.usage} is its CPU
 * time in nanoseconds.
 *
 * @since 0.1.0
 */
public final class CpuQuota implements AutoCloseable {

	/**
	 * The CFS period, in microseconds.
	 */
	public static final long PERIOD_MICROS = 100_000;

	/**
	 * The memory size at which Lambda gives a function one full vCPU.
	 */
	public static final int ONE_VCPU_MEMORY_MB = 1769;

	private final Path cpuGroup;

	private final @Nullable Path cpuacctGroup;

	private final long quotaMicros;

	private CpuQuota(Path cpuGroup, @Nullable Path cpuacctGroup, long quotaMicros) {
		this.cpuGroup = cpuGroup;
		this.cpuacctGroup = cpuacctGroup;
		this.quotaMicros = quotaMicros;
	}

	/**
	 * Return the CPU quota per {@value #PERIOD_MICROS} µs that Lambda's share gives a
	 * memory size: one vCPU at {@value #ONE_VCPU_MEMORY_MB} MB, in proportion below and
	 * above, in whole tenths of a percent (57,800 µs at 1,024 MB).
	 * @param memoryMb the memory size
	 * @return the quota in microseconds
	 */
	public static long quotaMicros(int memoryMb) {
		if (memoryMb < 128) {
			throw new IllegalArgumentException("A Lambda function has at least 128 MB, not " + memoryMb);
		}
		return memoryMb * 1000L / ONE_VCPU_MEMORY_MB * (PERIOD_MICROS / 1000);
	}

	/**
	 * Find the mount points of the cgroup v1 {@code cpu} and {@code cpuacct} controllers.
	 * @param mounts the lines of {@code /proc/mounts}
	 * @return the controllers
	 * @throws IllegalStateException if no cgroup v1 {@code cpu} controller is mounted
	 */
	public static Controllers controllers(List<String> mounts) {
		Path cpu = null;
		Path cpuacct = null;
		for (String line : mounts) {
			String[] fields = line.split("\\s+");
			if (fields.length < 4 || !fields[2].equals("cgroup")) {
				continue;
			}
			List<String> options = List.of(fields[3].split(","));
			if (options.contains("cpu")) {
				cpu = Path.of(fields[1]);
			}
			if (options.contains("cpuacct")) {
				cpuacct = Path.of(fields[1]);
			}
		}
		if (cpu == null) {
			throw new IllegalStateException("no cgroup v1 cpu controller is mounted (see mount | grep cgroup)");
		}
		return new Controllers(cpu, cpuacct);
	}

	/**
	 * Create, or reuse, the child group {@code name} of each controller and give it the
	 * quota of the memory size.
	 * @param controllers the controllers
	 * @param name the name of the child group
	 * @param memoryMb the memory size
	 * @return the quota
	 * @throws IllegalStateException if the group cannot be created or configured, saying
	 * why
	 */
	public static CpuQuota create(Controllers controllers, String name, int memoryMb) {
		long quota = quotaMicros(memoryMb);
		Path cpuGroup = controllers.cpu().resolve(name);
		try {
			Files.createDirectories(cpuGroup);
			write(cpuGroup.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
			write(cpuGroup.resolve("cpu.cfs_quota_us"), Long.toString(quota));
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalStateException("the cgroup cpu controller at " + controllers.cpu()
					+ " is not writable (run as root, with the controller mounted read-write): " + ex.getMessage(), ex);
		}
		Path cpuacctGroup = null;
		if (controllers.cpuacct() != null && !controllers.cpuacct().equals(controllers.cpu())) {
			try {
				cpuacctGroup = Files.createDirectories(controllers.cpuacct().resolve(name));
			}
			catch (IOException ex) {
				// Without it the CPU time comes from /proc/<pid>/stat, in clock ticks.
				cpuacctGroup = null;
			}
		}
		else if (controllers.cpuacct() != null) {
			cpuacctGroup = cpuGroup;
		}
		return new CpuQuota(cpuGroup, cpuacctGroup, quota);
	}

	private static void write(Path file, String value) throws IOException {
		Files.writeString(file, value, StandardCharsets.US_ASCII);
	}

	/**
	 * Return the quota per {@value #PERIOD_MICROS} µs.
	 * @return the quota in microseconds
	 */
	public long quotaMicros() {
		return this.quotaMicros;
	}

	/**
	 * Return the group of the {@code cpu} controller.
	 * @return the group's folder
	 */
	public Path cpuGroup() {
		return this.cpuGroup;
	}

	/**
	 * Write a launcher script that moves its own process into the groups and then runs
	 * {@code java} in that same process with its arguments, so that the JVM runs under
	 * the quota from its first instruction.
	 * @param java the {@code java} executable
	 * @param script the script to write
	 * @return the script, executable
	 */
	public Path writeLauncher(Path java, Path script) {
		StringBuilder text = new StringBuilder("#!/bin/sh\n");
		text.append("echo $$ > ").append(quoted(this.cpuGroup.resolve("cgroup.procs"))).append(" || exit 125\n");
		if (this.cpuacctGroup != null && !this.cpuacctGroup.equals(this.cpuGroup)) {
			text.append("echo $$ > ")
				.append(quoted(this.cpuacctGroup.resolve("cgroup.procs")))
				.append(" || exit 125\n");
		}
		text.append("exec ").append(quoted(java)).append(" \"$@\"\n");
		try {
			Files.createDirectories(script.toAbsolutePath().getParent());
			Files.writeString(script, text, StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			return script;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the launcher " + script, ex);
		}
	}

	private static String quoted(Path path) {
		String text = path.toString();
		if (text.contains("'")) {
			throw new IllegalArgumentException("Path " + text + " has a quote, which the launcher cannot hold");
		}
		return "'" + text + "'";
	}

	/**
	 * Set the group's CPU usage back to zero, before a process joins it.
	 * @return whether the usage is counted ({@code cpuacct} is available)
	 */
	public boolean resetUsage() {
		if (this.cpuacctGroup == null) {
			return false;
		}
		try {
			write(this.cpuacctGroup.resolve("cpuacct.usage"), "0");
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Return the CPU time the group's processes have used since the last
	 * {@link #resetUsage()}.
	 * @return the CPU time in nanoseconds, empty without {@code cpuacct}
	 */
	public OptionalLong usageNanos() {
		if (this.cpuacctGroup == null) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong
				.of(Long.parseLong(Files.readString(this.cpuacctGroup.resolve("cpuacct.usage")).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Return how long the group's processes have been throttled so far, waiting for the
	 * next period because they had used up their quota ({@code throttled_time} of
	 * {@code cpu.stat}).
	 * @return the throttled time in nanoseconds, empty where the kernel does not tell it
	 */
	public OptionalLong throttledNanos() {
		try {
			return throttledNanos(Files.readAllLines(this.cpuGroup.resolve("cpu.stat")));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	static OptionalLong throttledNanos(List<String> cpuStat) {
		for (String line : cpuStat) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length == 2 && fields[0].equals("throttled_time")) {
				try {
					return OptionalLong.of(Long.parseLong(fields[1]));
				}
				catch (NumberFormatException ex) {
					return OptionalLong.empty();
				}
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Return the CPU time of a process from its {@code /proc/<pid>/stat} line: user and
	 * system time, in clock ticks of 10 ms.
	 * @param stat the line
	 * @return the CPU time in milliseconds
	 */
	public static double processCpuMillis(String stat) {
		// The command name, in brackets, may hold spaces: fields are counted after its
		// end.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 10.0;
	}

	/**
	 * Remove the groups, once no process is left in them.
	 */
	@Override
	public void close() {
		for (Path group : (this.cpuacctGroup != null && !this.cpuacctGroup.equals(this.cpuGroup))
				? List.of(this.cpuGroup, this.cpuacctGroup) : List.of(this.cpuGroup)) {
			try {
				Files.deleteIfExists(group);
			}
			catch (IOException ex) {
				System.out.println("[lambda] cannot remove the cgroup " + group + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * The mount points of the cgroup v1 controllers.
	 *
	 * @param cpu the {@code cpu} controller's
	 * @param cpuacct the {@code cpuacct} controller's, the same where they are mounted
	 * together, {@code null} where it is not mounted
	 * @since 0.1.0
	 */
	public record Controllers(Path cpu, @Nullable Path cpuacct) {

	}

}
