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

package io.github.secretbaker.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;

/**
 * Reads and writes {@code secret-baker-secrets.json}, the one place that knows its
 * format: a JSON object keyed by secret name, keys sorted, each entry holding
 * {@code ciphertext}, {@code arn}, {@code version}, {@code keyId} and {@code tier} in
 * this order, written with two-space indentation and {@code \n} line ends so the same
 * secrets always give the same bytes. Files of the Node plugin serverless-secret-baker,
 * whose entries hold only {@code ciphertext} and {@code arn}, are read too.
 *
 * @since 0.1.0
 */
public final class BakedSecretsFile {

	/**
	 * The default file name, at the root of the classpath at runtime.
	 */
	public static final String DEFAULT_FILE_NAME = "secret-baker-secrets.json";

	private static final JsonFactory JSON = new JsonFactory();

	private static final String CIPHERTEXT = "ciphertext";

	private static final String ARN = "arn";

	private static final String VERSION = "version";

	private static final String KEY_ID = "keyId";

	private static final String TIER = "tier";

	private static final int MAX_SYMBOLIC_LINKS = 40;

	private static final SecureRandom RANDOM = new SecureRandom();

	private BakedSecretsFile() {
	}

	/**
	 * Read the file at the given path.
	 * @param path the file
	 * @return the secrets
	 * @throws InvalidBakedSecretsException if the file cannot be read or is not valid
	 */
	public static BakedSecrets read(Path path) {
		String source = path.toString();
		if (Files.isDirectory(path)) {
			throw new InvalidBakedSecretsException(source, null,
					"is a directory, not a file: give the path of the " + DEFAULT_FILE_NAME + " file itself", null);
		}
		try (InputStream in = Files.newInputStream(path)) {
			return read(in, source);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidBakedSecretsException(source, null, "cannot be read: no such file", ex);
		}
		catch (AccessDeniedException ex) {
			throw new InvalidBakedSecretsException(source, null,
					"cannot be read: permission denied; make it readable to this user", ex);
		}
		catch (IOException ex) {
			throw new InvalidBakedSecretsException(source, null,
					"cannot be read (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	/**
	 * Read a file from the given stream, which is not closed.
	 * @param in the content
	 * @param source a description of the file for error messages, such as a path or a
	 * classpath location
	 * @return the secrets
	 * @throws InvalidBakedSecretsException if the content cannot be read or is not valid
	 */
	public static BakedSecrets read(InputStream in, String source) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			return new Reader(parser, source).readFile();
		}
		catch (JacksonException ex) {
			// Jackson's own message quotes the text around the error, which may be a
			// ciphertext.
			throw new InvalidBakedSecretsException(source, null, "is not valid JSON " + describe(ex.getLocation()),
					null);
		}
	}

	/**
	 * Return the exact bytes of the file for the given secrets.
	 * @param secrets the secrets
	 * @return the UTF-8 content, ending with a newline
	 */
	public static byte[] toBytes(BakedSecrets secrets) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + secrets.size() * 512);
		try (JsonGenerator generator = JSON.createGenerator(new PrettyWriteContext(), out, JsonEncoding.UTF8)) {
			generator.writeStartObject();
			for (BakedSecret secret : secrets) {
				generator.writeName(secret.name());
				generator.writeStartObject();
				generator.writeStringProperty(CIPHERTEXT, secret.ciphertext());
				generator.writeStringProperty(ARN, secret.arn());
				if (secret.version() != null) {
					generator.writeNumberProperty(VERSION, secret.version());
				}
				if (secret.keyId() != null) {
					generator.writeStringProperty(KEY_ID, secret.keyId());
				}
				if (secret.tier() != null) {
					generator.writeStringProperty(TIER, secret.tier());
				}
				generator.writeEndObject();
			}
			generator.writeEndObject();
		}
		out.write('\n');
		return out.toByteArray();
	}

	/**
	 * Write the file atomically: the content goes to a temporary file in the same folder,
	 * is flushed to disk, then replaces the target in one move. Missing parent folders
	 * are created. A file that is replaced keeps its permissions; a new file gets the
	 * process's umask applied to {@code rw-rw-rw-} (so {@code rw-r--r--} with the usual
	 * umask, as the Node plugin writes it and as Lambda needs code files to be
	 * world-readable). A target that is a symbolic link is written through: the file it
	 * points to is replaced and the link stays. On any failure the previous file is left
	 * as it was and the temporary file is removed.
	 * @param secrets the secrets to write
	 * @param path the target file
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public static void write(BakedSecrets secrets, Path path) {
		byte[] content = toBytes(secrets);
		Path temporary = null;
		try {
			Path target = followLinks(path.toAbsolutePath());
			Path folder = target.getParent();
			Files.createDirectories(folder);
			temporary = createTemporaryFile(folder, target.getFileName().toString());
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			keepPermissions(target, temporary);
			move(temporary, target);
			temporary = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write baked secrets file '" + path + "': " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Return the file a chain of symbolic links ends at, which may not exist yet.
	 * @param path the path
	 * @return the file a chain of symbolic links ends at, which may not exist yet
	 */
	private static Path followLinks(Path path) throws IOException {
		Path current = path;
		for (int hops = 0; Files.isSymbolicLink(current); hops++) {
			if (hops == MAX_SYMBOLIC_LINKS) {
				throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
			}
			current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
		}
		return current;
	}

	/**
	 * Create an empty temporary file without asking for permissions, so that the
	 * operating system applies the umask as for any new file
	 * ({@link Files#createTempFile} would make it {@code rw-------}).
	 * @param folder the folder
	 * @param fileName the file name
	 * @return the new temporary file
	 */
	private static Path createTemporaryFile(Path folder, String fileName) throws IOException {
		for (int attempt = 0;; attempt++) {
			Path candidate = folder
				.resolve("." + fileName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
			try {
				return Files.createFile(candidate);
			}
			catch (FileAlreadyExistsException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private static void keepPermissions(Path target, Path temporary) throws IOException {
		if (!Files.exists(target) || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
			return;
		}
		Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
	}

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(@Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// Best effort: the write already failed and that failure is what is
				// reported.
			}
		}
	}

	private static String describe(@Nullable TokenStreamLocation location) {
		return (location != null) ? "at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "(unexpected content)";
	}

	/**
	 * Streaming reader for one file.
	 */
	private static final class Reader {

		private final JsonParser parser;

		private final String source;

		Reader(JsonParser parser, String source) {
			this.parser = parser;
			this.source = source;
		}

		BakedSecrets readFile() {
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid(null, "must be a JSON object of secrets keyed by name");
			}
			List<BakedSecret> secrets = new ArrayList<>();
			Set<String> names = new HashSet<>();
			while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
				Entry entry = new Entry(this.parser.currentName(), this.parser.currentTokenLocation().getLineNr());
				if (!names.add(entry.name())) {
					throw invalid(entry, "appears more than once");
				}
				secrets.add(readSecret(entry));
			}
			if (this.parser.nextToken() != null) {
				throw invalid(null, "has content after the closing brace " + describe(this.parser.currentLocation()));
			}
			return BakedSecrets.of(secrets);
		}

		private BakedSecret readSecret(Entry entry) {
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid(entry, "must be an object with 'ciphertext' and 'arn'");
			}
			String ciphertext = null;
			String arn = null;
			Long version = null;
			String keyId = null;
			String tier = null;
			Set<String> fields = new HashSet<>();
			while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = this.parser.currentName();
				JsonToken value = this.parser.nextToken();
				if (!fields.add(field)) {
					throw invalid(entry, "has the field " + Quoting.quote(field) + " more than once");
				}
				switch (field) {
					case CIPHERTEXT -> ciphertext = readString(entry, field, value);
					case ARN -> arn = readString(entry, field, value);
					case KEY_ID -> keyId = readString(entry, field, value);
					case TIER -> tier = readString(entry, field, value);
					case VERSION -> {
						if (value != JsonToken.VALUE_NUMBER_INT) {
							throw invalid(entry, "'version' must be a whole number");
						}
						version = this.parser.getLongValue();
					}
					default -> throw invalid(entry, "has unknown field " + Quoting.quote(field)
							+ " (known: ciphertext, arn, version, keyId, tier)");
				}
			}
			if (ciphertext == null) {
				throw invalid(entry, "has no 'ciphertext'");
			}
			if (arn == null) {
				throw invalid(entry, "has no 'arn'");
			}
			try {
				return new BakedSecret(entry.name(), ciphertext, arn, version, keyId, tier);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(entry, ex.getMessage());
			}
		}

		private String readString(Entry entry, String field, @Nullable JsonToken value) {
			if (value != JsonToken.VALUE_STRING) {
				throw invalid(entry, "'" + field + "' must be a string");
			}
			return this.parser.getString();
		}

		/**
		 * Return the exception for a problem with the file or one of its entries. An
		 * entry is named only when its name may be quoted; otherwise by its line.
		 * @param entry the entry
		 * @param problem the problem
		 * @return the exception for a problem with the file or one of its entries
		 */
		private InvalidBakedSecretsException invalid(@Nullable Entry entry, String problem) {
			if (entry == null || Quoting.isQuotable(entry.name())) {
				return new InvalidBakedSecretsException(this.source, (entry != null) ? entry.name() : null, problem,
						null);
			}
			return new InvalidBakedSecretsException(this.source, null, "the secret at line " + entry.line()
					+ " (whose name of " + entry.name().length() + " characters is not shown) " + problem, null);
		}

	}

	/**
	 * The name of one entry and the line it starts on.
	 */
	private record Entry(String name, int line) {

	}

	/**
	 * Write context that pretty prints with two-space indentation and {@code \n} line
	 * ends.
	 */
	private static final class PrettyWriteContext extends ObjectWriteContext.Base {

		private static final Separators SEPARATORS = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withObjectEmptySeparator("");

		@Override
		public PrettyPrinter getPrettyPrinter() {
			return new DefaultPrettyPrinter(SEPARATORS).withObjectIndenter(new DefaultIndenter("  ", "\n"));
		}

		@Override
		public boolean hasPrettyPrinter() {
			return true;
		}

	}

}
