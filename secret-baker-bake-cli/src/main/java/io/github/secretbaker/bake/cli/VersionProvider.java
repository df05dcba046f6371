package io.github.secretbaker.bake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version from a resource filtered at build time, so that it is the same in the
 * executable jar, in tests and in an IDE.
 */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return new String[] { "secret-baker " + properties.getProperty("version", "(unknown version)"),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
	}

}
