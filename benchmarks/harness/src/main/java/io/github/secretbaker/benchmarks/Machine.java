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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run happens on, as the report shows it.
 *
 * @param cores the processors available to the JVM
 * @param cpu the CPU model, or {@code unknown}
 * @param memoryMb the total memory
 * @param jdk the Java runtime's vendor and version
 * @param os the operating system and architecture
 * @since 0.1.0
 */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String os) {

	/**
	 * Describe the machine this JVM runs on.
	 * @return the machine
	 */
	public static Machine current() {
		String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version");
		String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
		return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMb(), jdk, os);
	}

	/**
	 * Return the load averages over 1, 5 and 15 minutes, as {@code /proc/loadavg} has
	 * them.
	 * @return the load averages, or {@code unknown}
	 */
	public static String loadAverage() {
		List<String> lines = procLines("/proc/loadavg");
		if (lines.isEmpty()) {
			return "unknown";
		}
		String[] fields = lines.get(0).split("\\s+");
		return (fields.length >= 3) ? String.join(" ", fields[0], fields[1], fields[2]) : "unknown";
	}

	private static String cpuModel() {
		return procLines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown");
	}

	private static long totalMemoryMb() {
		return procLines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> line.replaceAll("[^0-9]", ""))
			.mapToLong(Long::parseLong)
			.map((kilobytes) -> kilobytes / 1024)
			.findFirst()
			.orElse(Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static List<String> procLines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d cores (%s), %d MB, %s, %s", this.cores, this.cpu, this.memoryMb, this.jdk,
				this.os);
	}

}
