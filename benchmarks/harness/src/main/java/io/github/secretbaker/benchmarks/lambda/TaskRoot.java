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

package io.github.secretbaker.benchmarks.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.secretbaker.benchmarks.coldstart.Setup;
import io.github.secretbaker.benchmarks.coldstart.Variant;
import io.github.secretbaker.format.BakedSecretsFile;
import org.jspecify.annotations.Nullable;

/**
 * A benchmark function laid out as a Lambda zip is extracted to {@code /var/task}: the
 * function's jar and its dependencies in {@code lib/} (links to the built jars), and a
 * baked file, if any, at the root, where the runtime's class loader finds it.
 *
 * @since 0.1.0
 */
public final class TaskRoot {

	/**
	 * The file, in each function module, listing its runtime class path.
	 */
	public static final String CLASS_PATH_FILE = "target/function-class-path.txt";

	private TaskRoot() {
	}

	/**
	 * Lay out, afresh, the task root of a variant's function.
	 * @param benchmarksDir the {@code benchmarks} folder with the built function modules
	 * @param variant the variant, whose library chooses the module
	 * @param bakedFile the baked file to put at the root, or {@code null} for none
	 * @param root the task root to create, replaced if it exists
	 * @return the task root
	 */
	public static Path layOut(Path benchmarksDir, Variant variant, @Nullable Path bakedFile, Path root) {
		try {
			deleteRecursively(root);
			Path lib = Files.createDirectories(root.resolve("lib"));
			Path module = benchmarksDir.resolve(Setup.FUNCTION.module(variant));
			Path classPathFile = module.resolve(CLASS_PATH_FILE);
			if (!Files.isRegularFile(classPathFile)) {
				throw new IllegalStateException(classPathFile + " is missing: build the function modules first with "
						+ "./mvnw -B -ntp -pl benchmarks/harness -am package -DskipTests");
			}
			List<Path> jars = new ArrayList<>();
			try (Stream<Path> files = Files.list(module.resolve("target"))) {
				files.filter((file) -> file.getFileName().toString().endsWith(".jar"))
					.filter((file) -> !file.getFileName().toString().matches(".*-(exec|sources|javadoc)\\.jar"))
					.forEach(jars::add);
			}
			String dependencies = Files.readString(classPathFile, StandardCharsets.UTF_8).strip();
			Arrays.stream(dependencies.split(File.pathSeparator))
				.filter((entry) -> !entry.isEmpty())
				.map(Path::of)
				.forEach(jars::add);
			for (Path jar : jars) {
				Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
			}
			if (bakedFile != null) {
				Files.copy(bakedFile, root.resolve(BakedSecretsFile.DEFAULT_FILE_NAME));
			}
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lay out the task root " + root, ex);
		}
	}

	/**
	 * Return the jar a class was loaded from.
	 * @param type the class
	 * @return its jar (or classes folder)
	 */
	public static Path jarOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the jar of " + type.getName(), ex);
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
