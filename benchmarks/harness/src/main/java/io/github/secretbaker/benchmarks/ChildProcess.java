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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Starts a fresh JVM and measures it from process start to the line that answers, and its
 * peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}) and CPU time at
 * that moment.
 *
 * @since 0.1.0
 */
public final class ChildProcess {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final long POLL_MILLIS = 10;

	private ChildProcess() {
	}

	/**
	 * Run a command and wait for it to exit.
	 * @param command the command
	 * @param environment the complete environment of the process
	 * @param answer which standard output line is the answer
	 * @return the measurements and the output
	 * @throws IllegalStateException if the process fails, never answers or times out,
	 * with its output
	 */
	public static Result run(List<String> command, Map<String, String> environment, Predicate<String> answer) {
		return execute(command, environment, answer);
	}

	/**
	 * Run a command that is not expected to answer, such as a training run, and wait for
	 * it to exit, whatever its exit code.
	 * @param command the command
	 * @param environment the complete environment of the process
	 * @return the measurements, {@link Result#exitMillis()} its exit, and the output
	 * @throws IllegalStateException if the process times out, with its output
	 */
	public static Result runToExit(List<String> command, Map<String, String> environment) {
		return execute(command, environment, null);
	}

	private static Result execute(List<String> command, Map<String, String> environment,
			@Nullable Predicate<String> answer) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().clear();
		builder.environment().putAll(environment);
		List<String> stdout = Collections.synchronizedList(new ArrayList<>());
		List<String> stderr = Collections.synchronizedList(new ArrayList<>());
		AtomicLong answeredAt = new AtomicLong(-1);
		AtomicLong rssAtAnswer = new AtomicLong(-1);
		AtomicLong cpuNanosAtAnswer = new AtomicLong(-1);
		AtomicLong lastRss = new AtomicLong(-1);
		String[] answerLine = new String[1];
		long start = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command.get(0), ex);
		}
		long pid = process.pid();
		Thread out = reader(process.getInputStream(), stdout, (line) -> {
			if (answer != null && answeredAt.get() < 0 && answer.test(line)) {
				answeredAt.set(System.nanoTime());
				answerLine[0] = line;
				long rss = peakRssKb(pid);
				rssAtAnswer.set((rss > 0) ? rss : lastRss.get());
				process.toHandle().info().totalCpuDuration().ifPresent((cpu) -> cpuNanosAtAnswer.set(cpu.toNanos()));
			}
		});
		Thread err = reader(process.getErrorStream(), stderr, (line) -> {
		});
		Thread poller = new Thread(() -> {
			while (process.isAlive()) {
				long rss = peakRssKb(pid);
				if (rss > 0) {
					lastRss.set(rss);
				}
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "rss-poller-" + pid);
		poller.setDaemon(true);
		poller.start();
		try {
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw failure("did not exit within " + TIMEOUT.toSeconds() + " s", command, stdout, stderr);
			}
			long exitedAt = System.nanoTime();
			out.join(TIMEOUT.toMillis());
			err.join(TIMEOUT.toMillis());
			poller.interrupt();
			if (answer != null && process.exitValue() != 0) {
				throw failure("exited with code " + process.exitValue(), command, stdout, stderr);
			}
			if (answer != null && answeredAt.get() < 0) {
				throw failure("exited without answering", command, stdout, stderr);
			}
			return new Result(process.exitValue(), (answeredAt.get() >= 0) ? millis(answeredAt.get() - start) : -1,
					millis(exitedAt - start), rssAtAnswer.get(),
					(cpuNanosAtAnswer.get() >= 0) ? millis(cpuNanosAtAnswer.get()) : -1, answerLine[0],
					List.copyOf(stdout), List.copyOf(stderr));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while waiting for " + command.get(0), ex);
		}
	}

	private static Thread reader(InputStream stream, List<String> lines, Consumer<String> onLine) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					onLine.accept(line);
					lines.add(line);
				}
			}
			catch (IOException ex) {
				lines.add("<output unreadable: " + ex.getMessage() + ">");
			}
		}, "child-output");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static long peakRssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return -1;
		}
		catch (IOException | NumberFormatException ex) {
			// The process has exited, so /proc no longer has it.
			return -1;
		}
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	/**
	 * Return an exception saying what went wrong with a child, with the end of its
	 * output.
	 * @param problem what went wrong
	 * @param command the command
	 * @param stdout its standard output lines
	 * @param stderr its standard error lines
	 * @return the exception
	 */
	public static IllegalStateException failure(String problem, List<String> command, List<String> stdout,
			List<String> stderr) {
		StringBuilder message = new StringBuilder("Child JVM ").append(problem)
			.append(": ")
			.append(String.join(" ", command.subList(command.size() - Math.min(command.size(), 4), command.size())));
		message.append("\n--- last standard output lines ---\n").append(tail(stdout));
		message.append("\n--- last standard error lines ---\n").append(tail(stderr));
		return new IllegalStateException(message.toString());
	}

	private static String tail(List<String> lines) {
		synchronized (lines) {
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
	}

	/**
	 * What one child process did.
	 *
	 * @param exitCode the process's exit code
	 * @param answerMillis from process start to the answer line, or {@code -1} if it did
	 * not answer
	 * @param exitMillis from process start to its exit
	 * @param peakRssKb the peak resident set size when it answered, or {@code -1} if
	 * unknown
	 * @param cpuMillis the CPU time it had used when it answered, all threads, or
	 * {@code -1} if unknown
	 * @param answer the answer line
	 * @param stdout the standard output lines
	 * @param stderr the standard error lines
	 */
	public record Result(int exitCode, double answerMillis, double exitMillis, long peakRssKb, double cpuMillis,
			@Nullable String answer, List<String> stdout, List<String> stderr) {

		/**
		 * Return the peak resident set size in megabytes.
		 * @return the peak RSS, or a negative number if unknown
		 */
		public double peakRssMb() {
			return this.peakRssKb / 1024.0;
		}

	}

}
