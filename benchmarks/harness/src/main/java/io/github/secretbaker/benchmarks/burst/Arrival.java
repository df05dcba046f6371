package io.github.secretbaker.benchmarks.burst;

/**
 * How the cold starts of a burst arrive over its window.
 *
 * @since 0.1.0
 */
public enum Arrival {

	/**
	 * At random instants, uniform over the window: a deploy or a traffic spike.
	 */
	BURST,

	/**
	 * Evenly spaced over the window: a staggered deploy.
	 */
	RAMP

}
