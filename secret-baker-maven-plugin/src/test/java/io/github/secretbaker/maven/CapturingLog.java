package io.github.secretbaker.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * A Maven log that records every line, at every level, debug included.
 */
class CapturingLog extends SystemStreamLog {

	private final List<String> lines = new ArrayList<>();

	@Override
	public boolean isDebugEnabled() {
		return true;
	}

	@Override
	public void debug(CharSequence content) {
		this.lines.add("[DEBUG] " + content);
	}

	@Override
	public void info(CharSequence content) {
		this.lines.add("[INFO] " + content);
	}

	@Override
	public void warn(CharSequence content) {
		this.lines.add("[WARN] " + content);
	}

	@Override
	public void error(CharSequence content) {
		this.lines.add("[ERROR] " + content);
	}

	String text() {
		return String.join("\n", this.lines);
	}

}
