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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.benchmarks.coldstart.ColdStartSummary;
import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the median added cold start over the baseline against the number of secrets, as a
 * PNG: one line per variant of the 2-core setup, and for every other setup its
 * secret-baker default and Spring Cloud AWS, dashed.
 *
 * @since 0.1.0
 */
public final class ColdStartPlot {

	static final List<Color> COLORS = List.of(new Color(0x1B7837), new Color(0x2166AC), new Color(0x762A83),
			new Color(0x5AAE61), new Color(0xB2182B), new Color(0xEF8A62), new Color(0x4393C3), new Color(0x8C510A),
			new Color(0xC51B7D), new Color(0x01665E), new Color(0x999999), new Color(0xE08214), new Color(0x542788),
			new Color(0x35978F));

	private ColdStartPlot() {
	}

	/**
	 * Write the plot.
	 * @param summary the cold start statistics
	 * @param latency the latency added to every AWS call
	 * @param file the PNG file to write
	 */
	public static void write(ColdStartSummary summary, Duration latency, Path file) {
		CategoryChart chart = chart("Cold start added over the baseline (median of paired runs, L = "
				+ latency.toMillis() + " ms per AWS call)", "added time to first response (ms)");
		List<Integer> sizes = summary.sizes();
		List<String> categories = sizes.stream().map(String::valueOf).toList();
		int color = 0;
		for (Setup setup : summary.setups()) {
			for (Variant variant : summary.variants(setup)) {
				if (!variant.hasSecrets() || (setup != Setup.FUNCTION && variant != Variant.EAGER
						&& variant != Variant.SPRING_CLOUD_AWS)) {
					continue;
				}
				List<Double> added = new ArrayList<>();
				for (int secrets : sizes) {
					added.add(summary.has(setup, variant, secrets) ? summary.added(setup, variant, secrets).median()
							: Double.NaN);
				}
				String name = (setup == Setup.FUNCTION) ? variant.label() : variant.label() + ", " + setup.label();
				line(chart, name, categories, added, COLORS.get(color++ % COLORS.size()), setup != Setup.FUNCTION);
			}
		}
		save(chart, categories, file);
	}

	/**
	 * Return a line chart over the numbers of secrets, styled as every plot of the
	 * report.
	 * @param title the title
	 * @param yAxisTitle the title of the y axis
	 * @return the chart
	 */
	static CategoryChart chart(String title, String yAxisTitle) {
		CategoryChart chart = new CategoryChartBuilder().width(1000)
			.height(720)
			.title(title)
			.xAxisTitle("secrets (N)")
			.yAxisTitle(yAxisTitle)
			.build();
		chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
		chart.getStyler().setOverlapped(true);
		chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
		chart.getStyler().setChartBackgroundColor(Color.WHITE);
		chart.getStyler().setPlotBackgroundColor(Color.WHITE);
		chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
		chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		chart.getStyler().setMarkerSize(9);
		chart.getStyler().setYAxisDecimalPattern("#,##0");
		return chart;
	}

	/**
	 * Add a line of one variant to a chart.
	 * @param chart the chart
	 * @param name the name of the line
	 * @param categories the numbers of secrets
	 * @param values the value for each number of secrets, {@code NaN} where not measured
	 * @param color the colour
	 * @param dashed whether the line is dashed
	 */
	static void line(CategoryChart chart, String name, List<String> categories, List<Double> values, Color color,
			boolean dashed) {
		CategorySeries series = chart.addSeries(name, categories, values);
		series.setLineColor(color);
		series.setMarkerColor(color);
		series.setMarker(SeriesMarkers.CIRCLE);
		series.setLineWidth(3f);
		if (dashed) {
			series.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
					new float[] { 10f, 4f }, 0f));
		}
	}

	/**
	 * Add the baseline's zero line and write the chart as a PNG.
	 * @param chart the chart
	 * @param categories the numbers of secrets
	 * @param file the PNG file to write
	 */
	static void save(CategoryChart chart, List<String> categories, Path file) {
		List<Double> zero = categories.stream().map((secrets) -> 0.0).toList();
		CategorySeries baseline = chart.addSeries("baseline (no secrets library)", categories, zero);
		baseline.setLineColor(Color.GRAY);
		baseline.setMarker(SeriesMarkers.NONE);
		baseline.setLineStyle(
				new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 6f }, 0f));
		try {
			BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
