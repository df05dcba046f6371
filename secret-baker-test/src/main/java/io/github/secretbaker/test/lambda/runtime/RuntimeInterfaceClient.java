package io.github.secretbaker.test.lambda.runtime;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates AWS's Lambda runtime interface client ({@code com.amazonaws:aws-lambda-java-runtime-interface-client})
 * and the jars it runs with, on the class path of the current JVM, so that a function
 * process can be started with them as the Lambda Java runtime starts it.
 *
 * @since 0.1.0
 */
public final class RuntimeInterfaceClient {

	/**
	 * The runtime interface client's entry point, given the handler as its only argument.
	 */
	public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

	// One class of each jar the runtime interface client needs at run time: itself,
	// aws-lambda-java-core, aws-lambda-java-serialization and the SDK's utils-lite.
	private static final List<String> REQUIRED_CLASSES = List.of(MAIN_CLASS,
			"com.amazonaws.services.lambda.runtime.Context",
			"com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
			"software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

	private RuntimeInterfaceClient() {
	}

	/**
	 * Return the jars of the runtime interface client and its dependencies, found on the
	 * class path of the given class loader, without loading any of their classes.
	 * @param classLoader the class loader to search
	 * @return the jars, the runtime interface client first
	 * @throws IllegalStateException if one is missing, naming the dependency to add
	 */
	public static List<Path> classPath(ClassLoader classLoader) {
		List<Path> jars = new ArrayList<>();
		for (String className : REQUIRED_CLASSES) {
			URL resource = classLoader.getResource(className.replace('.', '/') + ".class");
			if (resource == null) {
				throw new IllegalStateException("Class " + className + " is not on the class path: add the test "
						+ "dependency com.amazonaws:aws-lambda-java-runtime-interface-client");
			}
			Path jar = jarOf(resource, className);
			if (!jars.contains(jar)) {
				jars.add(jar);
			}
		}
		return List.copyOf(jars);
	}

	/**
	 * Return the jars of the runtime interface client and its dependencies, found on the
	 * class path of this class's class loader.
	 * @return the jars
	 */
	public static List<Path> classPath() {
		return classPath(RuntimeInterfaceClient.class.getClassLoader());
	}

	private static Path jarOf(URL resource, String className) {
		String url = resource.toString();
		if (!url.startsWith("jar:file:") || !url.contains("!/")) {
			throw new IllegalStateException(
					"Class " + className + " is not in a jar but at " + url + ": the function process needs its jar");
		}
		try {
			return Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI());
		}
		catch (java.net.MalformedURLException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the jar of " + className + " from " + url, ex);
		}
	}

}
