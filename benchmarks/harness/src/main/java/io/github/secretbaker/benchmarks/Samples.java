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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Order statistics of measured values: the median and the nearest-rank percentiles, which
 * are always values that were actually measured, except the median of an even count.
 *
 * @since 0.1.0
 */
public final class Samples {

	private final List<Double> sorted;

	private Samples(List<Double> sorted) {
		this.sorted = sorted;
	}

	/**
	 * Return the statistics of the given values.
	 * @param values the values, at least one
	 * @return the statistics
	 * @throws IllegalArgumentException if there are no values
	 */
	public static Samples of(Collection<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("At least one value is needed");
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return new Samples(List.copyOf(sorted));
	}

	/**
	 * Return the number of values.
	 * @return the count
	 */
	public int count() {
		return this.sorted.size();
	}

	/**
	 * Return the median: the middle value, or the mean of the two middle values.
	 * @return the median
	 */
	public double median() {
		int size = this.sorted.size();
		int middle = size / 2;
		return (size % 2 == 1) ? this.sorted.get(middle) : (this.sorted.get(middle - 1) + this.sorted.get(middle)) / 2;
	}

	/**
	 * Return the nearest-rank percentile: the smallest value that at least
	 * {@code percent} percent of the values do not exceed.
	 * @param percent the percentile, above 0 and at most 100
	 * @return the percentile
	 */
	public double percentile(double percent) {
		if (!(percent > 0 && percent <= 100)) {
			throw new IllegalArgumentException("Percentile must be above 0 and at most 100 but was " + percent);
		}
		int rank = (int) Math.ceil(percent / 100 * this.sorted.size());
		return this.sorted.get(Math.max(rank, 1) - 1);
	}

	/**
	 * Return the 90th percentile.
	 * @return the p90
	 */
	public double p90() {
		return percentile(90);
	}

	/**
	 * Return the smallest value.
	 * @return the minimum
	 */
	public double min() {
		return this.sorted.get(0);
	}

	/**
	 * Return the largest value.
	 * @return the maximum
	 */
	public double max() {
		return this.sorted.get(this.sorted.size() - 1);
	}

}
