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

package io.github.secretbaker.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.benchmarks.lambda.LambdaShapedSummary;
import org.knowm.xchart.CategoryChart;

/**
 * Draws the Lambda-shaped benchmark as a PNG: the median added Init Duration over the
 * function without the library against the number of secrets, one line per variant and
 * memory size, the larger memory sizes dashed.
 *
 * @since 0.1.0
 */
public final class LambdaShapedPlot {

	private LambdaShapedPlot() {
	}

	/**
	 * Write the plot.
	 * @param summary the Lambda-shaped statistics
	 * @param latency the latency added to every AWS call, in milliseconds
	 * @param file the PNG file to write
	 */
	public static void write(LambdaShapedSummary summary, long latency, Path file) {
		CategoryChart chart = ColdStartPlot.chart("Lambda-shaped init added over the function without the library "
				+ "(median of paired rounds, HTTPS, L = " + latency + " ms)", "added Init Duration (ms)");
		List<Integer> sizes = summary.sizes();
		List<String> categories = sizes.stream().map(String::valueOf).toList();
		int color = 0;
		List<Integer> memorySizes = summary.memorySizes();
		for (int memory : memorySizes) {
			for (Variant variant : summary.setting().variants()) {
				if (variant == Variant.BASELINE) {
					continue;
				}
				List<Double> added = new ArrayList<>();
				for (int secrets : sizes) {
					added.add(summary.has(memory, variant, secrets) ? summary.added(memory, variant, secrets).median()
							: Double.NaN);
				}
				ColdStartPlot.line(chart, variant.label() + ", " + memory + " MB", categories, added,
						ColdStartPlot.COLORS.get(color++ % ColdStartPlot.COLORS.size()), memory != memorySizes.get(0));
			}
		}
		ColdStartPlot.save(chart, categories, file);
	}

}
