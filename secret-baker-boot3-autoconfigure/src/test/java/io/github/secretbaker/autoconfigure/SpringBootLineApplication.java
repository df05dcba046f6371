package io.github.secretbaker.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * An application that {@link SpringBootLineCheckApplicationTests} starts in a JVM of its
 * own, on the class path of a Spring Boot line; it uses only what every line has.
 */
public final class SpringBootLineApplication {

	private SpringBootLineApplication() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SpringBootLineApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

}
