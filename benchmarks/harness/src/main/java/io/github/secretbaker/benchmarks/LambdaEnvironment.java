package io.github.secretbaker.benchmarks;

import java.util.HashMap;
import java.util.Map;

import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The environment of a child JVM, as Lambda gives a function: region and credentials in
 * {@code AWS_*} variables (here, the local server's), and nothing from the harness's own
 * AWS, Spring or JVM options settings.
 *
 * @since 0.1.0
 */
public final class LambdaEnvironment {

	private LambdaEnvironment() {
	}

	/**
	 * Return the environment of a child JVM calling the given server.
	 * @param server the local server
	 * @return a new, modifiable environment
	 */
	public static Map<String, String> of(LocalAwsServer server) {
		Map<String, String> environment = new HashMap<>();
		System.getenv().forEach((name, value) -> {
			if (!name.startsWith("AWS_") && !name.startsWith("SPRING_") && !name.startsWith("SECRET_BAKER_")
					&& !name.endsWith("JAVA_OPTIONS") && !name.equals("JAVA_TOOL_OPTIONS")
					&& !name.equals("MAIN_CLASS")) {
				environment.put(name, value);
			}
		});
		AwsCredentials credentials = server.credentialsProvider().resolveCredentials();
		environment.put("AWS_REGION", server.region());
		environment.put("AWS_DEFAULT_REGION", server.region());
		environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		return environment;
	}

}
