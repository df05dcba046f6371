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

package io.github.secretbaker.bake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS calls of one resolution, run on its own bounded pool of daemon threads, which
 * closing shuts down.
 */
final class ParallelCalls implements AutoCloseable {

	private static final AtomicInteger THREAD_COUNT = new AtomicInteger();

	private final ExecutorService executor;

	ParallelCalls(int concurrency) {
		this.executor = Executors.newFixedThreadPool(concurrency, ParallelCalls::newThread);
	}

	<T> Future<T> submit(Callable<T> call) {
		return this.executor.submit(call);
	}

	/**
	 * Wait for a call to complete, rethrowing what it threw.
	 * @param <T> the type of the result
	 * @param future the call
	 * @return its result
	 */
	static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading SSM parameters", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Cut the given items into batches of at most the given size, in order.
	 * @param <T> the type of the items
	 * @param items the items
	 * @param size the largest batch
	 * @return the batches
	 */
	static <T> List<List<T>> batches(List<T> items, int size) {
		List<List<T>> batches = new ArrayList<>();
		for (int start = 0; start < items.size(); start += size) {
			batches.add(List.copyOf(items.subList(start, Math.min(items.size(), start + size))));
		}
		return batches;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable, "secret-baker-" + THREAD_COUNT.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}
