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

package io.github.secretbaker.test.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Locates AWS's Lambda runtime interface client
 * ({@code com.amazonaws:aws-lambda-java-runtime-interface-client}) and the jars it runs
 * with, on the class path of the current JVM, so that a function process can be started
 * with them as the Lambda Java runtime starts it.
 */
final class RuntimeInterfaceClient {

	/**
	 * The runtime interface client's entry point, given the handler as its only argument.
	 */
	static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

	// One class of each jar the runtime interface client needs at run time, by artifact
	// id. The jar is matched by name too: shaded jars on a class path (an executable CLI,
	// say) may carry the same classes with dependencies the runtime must not see.
	private static final Map<String, String> REQUIRED_CLASSES = requiredClasses();

	private static Map<String, String> requiredClasses() {
		Map<String, String> classes = new LinkedHashMap<>();
		classes.put("aws-lambda-java-runtime-interface-client", MAIN_CLASS);
		classes.put("aws-lambda-java-core", "com.amazonaws.services.lambda.runtime.Context");
		classes.put("aws-lambda-java-serialization",
				"com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
		classes.put("utils-lite", "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");
		return Collections.unmodifiableMap(classes);
	}

	private RuntimeInterfaceClient() {
	}

	/**
	 * Return the jars of the runtime interface client and its dependencies, found on the
	 * class path of the given class loader by class and jar name, without loading any of
	 * their classes.
	 * @param classLoader the class loader to search
	 * @return the jars, the runtime interface client first
	 * @throws IllegalStateException if one is missing, naming the dependency to add
	 */
	static List<Path> classPath(ClassLoader classLoader) {
		List<Path> jars = new ArrayList<>();
		REQUIRED_CLASSES.forEach((artifactId, className) -> jars.add(jarOf(classLoader, artifactId, className)));
		return List.copyOf(jars);
	}

	private static Path jarOf(ClassLoader classLoader, String artifactId, String className) {
		List<URL> resources;
		try {
			resources = Collections.list(classLoader.getResources(className.replace('.', '/') + ".class"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot look for " + className, ex);
		}
		for (URL resource : resources) {
			Path jar = jarOf(resource);
			if (jar != null && jar.getFileName().toString().startsWith(artifactId + "-")) {
				return jar;
			}
		}
		throw new IllegalStateException("No " + artifactId + " jar holding " + className + " is on the class path: add "
				+ "the dependency com.amazonaws:aws-lambda-java-runtime-interface-client, which brings it");
	}

	/**
	 * Return the jars of the runtime interface client and its dependencies, found on the
	 * class path of this class's class loader.
	 * @return the jars
	 */
	static List<Path> classPath() {
		return classPath(RuntimeInterfaceClient.class.getClassLoader());
	}

	private static @Nullable Path jarOf(URL resource) {
		String url = resource.toString();
		if (!url.startsWith("jar:file:") || !url.contains("!/")) {
			return null;
		}
		try {
			return Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI());
		}
		catch (MalformedURLException | URISyntaxException ex) {
			return null;
		}
	}

}
