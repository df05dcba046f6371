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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where secret-baker's decryption threads spend their time in one cold start: the Java
 * Flight Recorder's execution samples of the threads named
 * {@code secret-baker-decrypt-*}, counted by the method on top of the stack (self) and by
 * every method on the stack (total).
 *
 * @param variant the variant profiled
 * @param secrets the number of secrets
 * @param samples the execution samples of the decryption threads (running Java code)
 * @param nativeSamples the native method samples of the decryption threads (in native
 * code, mostly waiting on a socket for KMS to answer)
 * @param waits the time the decryption threads spent, summed over the threads, in waits
 * the recorder reports (those of 10 ms or more with {@code settings=profile}), by kind:
 * socket reads, monitor entries, parking
 * @param self the methods most often on top of the stack, with their sample counts
 * @param total the methods most often anywhere on the stack, with their sample counts,
 * leaving out the frames of the call chain present in nearly every sample
 * @since 0.1.0
 */
public record DecryptionHotSpots(Variant variant, int secrets, int samples, int nativeSamples, Map<String, Long> waits,
		List<Map.Entry<String, Integer>> self, List<Map.Entry<String, Integer>> total) {

	static final String THREAD_PREFIX = "secret-baker-decrypt-";

	private static final int TOP = 12;

	private static final double CALL_CHAIN_SHARE = 0.95;

	private static final Map<String, String> WAITS = Map.of("jdk.SocketRead", "socket reads", "jdk.JavaMonitorEnter",
			"monitor entries", "jdk.ThreadPark", "parking");

	/**
	 * Read the hot spots from a recording.
	 * @param variant the variant profiled
	 * @param secrets the number of secrets
	 * @param recording the JFR file
	 * @return the hot spots
	 */
	static DecryptionHotSpots read(Variant variant, int secrets, Path recording) {
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		int samples = 0;
		int nativeSamples = 0;
		Map<String, Long> waits = new TreeMap<>();
		WAITS.values().forEach((kind) -> waits.put(kind, 0L));
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				String type = event.getEventType().getName();
				String wait = WAITS.get(type);
				if (wait != null) {
					RecordedThread thread = event.getThread();
					if (thread != null && thread.getJavaName() != null
							&& thread.getJavaName().startsWith(THREAD_PREFIX)) {
						waits.merge(wait, event.getDuration().toMillis(), Long::sum);
					}
					continue;
				}
				boolean javaSample = type.equals("jdk.ExecutionSample");
				if (!javaSample && !type.equals("jdk.NativeMethodSample")) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				RecordedStackTrace stack = event.getStackTrace();
				if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(THREAD_PREFIX)
						|| stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				if (!javaSample) {
					nativeSamples++;
					continue;
				}
				samples++;
				List<RecordedFrame> frames = stack.getFrames();
				self.merge(name(frames.get(0)), 1, Integer::sum);
				Set<String> methods = new LinkedHashSet<>();
				frames.forEach((frame) -> methods.add(name(frame)));
				methods.forEach((method) -> total.merge(method, 1, Integer::sum));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the flight recording " + recording, ex);
		}
		int callChain = (int) Math.ceil(samples * CALL_CHAIN_SHARE);
		total.values().removeIf((count) -> count >= callChain);
		return new DecryptionHotSpots(variant, secrets, samples, nativeSamples, waits, top(self), top(total));
	}

	private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + " ("
				+ type.substring(0, Math.max(type.lastIndexOf('.'), 0)) + ")";
	}

}
