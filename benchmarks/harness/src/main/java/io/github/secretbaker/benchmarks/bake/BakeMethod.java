package io.github.secretbaker.benchmarks.bake;

/**
 * A way to bake parameters into a secrets file.
 *
 * @since 0.1.0
 */
public enum BakeMethod {

	/**
	 * secret-baker's bake library: {@code GetParameters} of ten names per call and
	 * {@code DescribeParameters} of fifty, in parallel.
	 */
	SECRET_BAKER("secret-baker bake"),

	/**
	 * One {@code GetParameter} with {@code WithDecryption=false} per secret, in series,
	 * as the Node plugin bakes.
	 */
	SERIAL("one GetParameter per secret, in series");

	private final String label;

	BakeMethod(String label) {
		this.label = label;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
