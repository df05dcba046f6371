package io.github.secretbaker.bake;

/**
 * Told of a bake's progress, for example to draw a progress line. Called from worker
 * threads.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BakeProgressListener {

	/**
	 * Called once with no completed call as the first {@code GetParameters} call starts,
	 * so that a slow first call shows, then each time a call completes.
	 * @param completedCalls the calls completed so far
	 * @param totalCalls the calls the bake makes in all
	 */
	void parametersFetched(int completedCalls, int totalCalls);

}
