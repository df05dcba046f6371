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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a cold start is run: the launch (Spring Cloud Function's {@code FunctionInvoker},
 * or {@code java -jar} on a repackaged Spring Boot jar), the cores, the transport to the
 * local server, and the JVM with the class cache it was trained for. Every setup has its
 * own baseline, measured in the same rounds, so that the added time of a variant is
 * always paired with the same function or application started the same way without
 * secrets.
 *
 * @since 0.1.0
 */
public enum Setup {

	/**
	 * The function through {@code FunctionInvoker}, on the machine's cores, over HTTP.
	 */
	FUNCTION("2 cores", false, false, false, Cache.NONE,
			List.of(Variant.EAGER, Variant.EAGER_SDK, Variant.EAGER_BLOCKING, Variant.TODAY, Variant.LAZY,
					Variant.SPRING_CLOUD_AWS)),

	/**
	 * The same, the child JVM pinned to one core with {@code taskset -c 0}, as a small
	 * Lambda gets; the local server keeps the machine's cores, as KMS is elsewhere.
	 */
	ONE_CORE("1 core", false, true, false, Cache.NONE, List.of(Variant.EAGER, Variant.TODAY)),

	/**
	 * The same over HTTPS: the local server serves TLS and every child trusts its
	 * certificate.
	 */
	TLS("HTTPS", false, false, true, Cache.NONE, List.of(Variant.EAGER, Variant.SPRING_CLOUD_AWS)),

	/**
	 * The same on JDK 25 with an AOT cache recorded by a training run
	 * ({@code -Dspring.context.exit=onRefresh}, in which the starter primes its client
	 * without calling KMS): the classes a SnapStart checkpoint would keep, loaded and
	 * linked.
	 */
	AOT_CACHE("AOT cache, JDK 25 (primed)", false, false, false, Cache.AOT, List.of(Variant.EAGER, Variant.TODAY)),

	/**
	 * The same on the default JDK with an AppCDS archive recorded by the same kind of
	 * training run.
	 */
	APP_CDS("AppCDS, JDK 17", false, false, false, Cache.CDS, List.of(Variant.EAGER, Variant.TODAY)),

	/**
	 * A plain Spring Boot application started as {@code java -jar} on its repackaged jar.
	 */
	JAVA_JAR("java -jar", true, false, false, Cache.NONE,
			List.of(Variant.EAGER, Variant.TODAY, Variant.SPRING_CLOUD_AWS));

	private final String label;

	private final boolean javaJar;

	private final boolean oneCore;

	private final boolean https;

	private final Cache cache;

	private final List<Variant> defaultVariants;

	Setup(String label, boolean javaJar, boolean oneCore, boolean https, Cache cache, List<Variant> defaultVariants) {
		this.label = label;
		this.javaJar = javaJar;
		this.oneCore = oneCore;
		this.https = https;
		this.cache = cache;
		this.defaultVariants = defaultVariants;
	}

	/**
	 * Return the name the report shows.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the name used in {@code --variants}, such as {@code one-core}.
	 * @return the id
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return whether the setup starts the application with {@code java -jar} rather than
	 * the function through {@code FunctionInvoker}.
	 * @return whether {@code java -jar}
	 */
	public boolean javaJar() {
		return this.javaJar;
	}

	/**
	 * Return whether the child JVM is pinned to one core.
	 * @return whether one core
	 */
	public boolean oneCore() {
		return this.oneCore;
	}

	/**
	 * Return whether the local server is called over HTTPS.
	 * @return whether HTTPS
	 */
	public boolean https() {
		return this.https;
	}

	/**
	 * Return the class cache the child JVM is trained for and started with.
	 * @return the cache
	 */
	public Cache cache() {
		return this.cache;
	}

	/**
	 * Return the variants {@code --variants=<setup id>} selects, baseline first.
	 * @return the variants
	 */
	public List<Variant> defaultVariants() {
		List<Variant> variants = new ArrayList<>(List.of(Variant.BASELINE));
		variants.addAll(this.defaultVariants);
		return variants;
	}

	/**
	 * Return the folder, under {@code benchmarks}, of the module that is a variant's
	 * class path or repackaged jar in this setup.
	 * @param variant the variant
	 * @return the module folder name
	 */
	public String module(Variant variant) {
		String prefix = this.javaJar ? "app" : "function";
		return switch (variant.library()) {
			case NONE -> this.javaJar ? "app-baseline" : "function";
			case SECRET_BAKER -> prefix + "-secret-baker";
			case SPRING_CLOUD_AWS -> prefix + "-spring-cloud-aws";
		};
	}

	/**
	 * Find a setup by its id.
	 * @param id the id, as {@link #id()} returns it
	 * @return the setup
	 * @throws IllegalArgumentException naming the known ids
	 */
	public static Setup of(String id) {
		List<String> ids = new ArrayList<>();
		for (Setup setup : values()) {
			if (setup.id().equals(id)) {
				return setup;
			}
			ids.add(setup.id());
		}
		throw new IllegalArgumentException("Unknown setup '" + id + "': use one of " + String.join(", ", ids));
	}

	/**
	 * A class cache recorded by a training run.
	 */
	public enum Cache {

		/**
		 * None beyond the JDK's default CDS archive.
		 */
		NONE,

		/**
		 * JDK 25's AOT cache: {@code -XX:AOTCacheOutput} to train (one step), then
		 * {@code -XX:AOTCache}.
		 */
		AOT,

		/**
		 * A dynamic AppCDS archive: {@code -XX:ArchiveClassesAtExit} to train, then
		 * {@code -XX:SharedArchiveFile}.
		 */
		CDS

	}

}
