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

package io.github.secretbaker.benchmarks.burst;

import java.util.Arrays;

/**
 * Percentiles and shares of the added init times of a burst.
 *
 * @since 0.1.0
 */
public final class Statistics {

	private Statistics() {
	}

	/**
	 * Return a percentile by the nearest-rank method: the smallest value that at least
	 * {@code percent} % of the values do not exceed.
	 * @param values the values, in any order
	 * @param percent the percentile, greater than 0 and at most 100
	 * @return the percentile
	 */
	public static long percentile(long[] values, double percent) {
		if (values.length == 0) {
			throw new IllegalArgumentException("A percentile needs at least one value");
		}
		if (!(percent > 0 && percent <= 100)) {
			throw new IllegalArgumentException("A percentile must be in (0, 100] but was " + percent);
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	/**
	 * Return the share of values at most the given limit.
	 * @param values the values
	 * @param limit the limit, included
	 * @return the share, from 0 to 1
	 */
	public static double shareAtMost(long[] values, long limit) {
		if (values.length == 0) {
			throw new IllegalArgumentException("A share needs at least one value");
		}
		return (double) Arrays.stream(values).filter((value) -> value <= limit).count() / values.length;
	}

}
