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
