package io.github.secretbaker.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * Reads and writes {@code secret-baker-secrets.json}, the one place that knows its format.
 * <p>
 * The file is a JSON object keyed by secret name, keys sorted; each entry holds, in this
 * order, {@code ciphertext}, {@code arn}, {@code version}, {@code keyId} and {@code tier}.
 * Files written by the Node plugin serverless-secret-baker, whose entries hold only
 * {@code ciphertext} and {@code arn}, are read too. Output uses two-space indentation,
 * {@code \n} line ends and a final newline, so the same secrets always give the same bytes.
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
		try (InputStream in = Files.newInputStream(path)) {
			return read(in, source);
		}
		catch (IOException ex) {
			throw new InvalidBakedSecretsException(source, null, "cannot be read (" + ex + ")", ex);
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
			// Jackson's own message quotes the text around the error, which may be a ciphertext.
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
	 * is flushed to disk, then replaces the target in one move. Missing parent folders are
	 * created. On any failure the previous file is left as it was and the temporary file is
	 * removed.
	 * @param secrets the secrets to write
	 * @param path the target file
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public static void write(BakedSecrets secrets, Path path) {
		byte[] content = toBytes(secrets);
		Path target = path.toAbsolutePath();
		Path temporary = null;
		try {
			Files.createDirectories(target.getParent());
			temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
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
				// Best effort: the write already failed and that failure is what is reported.
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
				String name = this.parser.currentName();
				if (!names.add(name)) {
					throw invalid(name, "appears more than once");
				}
				secrets.add(readSecret(name));
			}
			if (this.parser.nextToken() != null) {
				throw invalid(null, "has content after the closing brace " + describe(this.parser.currentLocation()));
			}
			return BakedSecrets.of(secrets);
		}

		private BakedSecret readSecret(String name) {
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid(name, "must be an object with 'ciphertext' and 'arn'");
			}
			String ciphertext = null;
			String arn = null;
			Long version = null;
			String keyId = null;
			String tier = null;
			while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = this.parser.currentName();
				JsonToken value = this.parser.nextToken();
				switch (field) {
					case CIPHERTEXT -> ciphertext = readString(name, field, value);
					case ARN -> arn = readString(name, field, value);
					case KEY_ID -> keyId = readString(name, field, value);
					case TIER -> tier = readString(name, field, value);
					case VERSION -> {
						if (value != JsonToken.VALUE_NUMBER_INT) {
							throw invalid(name, "'version' must be a whole number");
						}
						version = this.parser.getLongValue();
					}
					default -> throw invalid(name, "has unknown field '" + field
							+ "' (known: ciphertext, arn, version, keyId, tier)");
				}
			}
			if (ciphertext == null) {
				throw invalid(name, "has no 'ciphertext'");
			}
			if (arn == null) {
				throw invalid(name, "has no 'arn'");
			}
			try {
				return new BakedSecret(name, ciphertext, arn, version, keyId, tier);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(name, ex.getMessage());
			}
		}

		private String readString(String name, String field, @Nullable JsonToken value) {
			if (value != JsonToken.VALUE_STRING) {
				throw invalid(name, "'" + field + "' must be a string");
			}
			return this.parser.getString();
		}

		private InvalidBakedSecretsException invalid(@Nullable String name, String problem) {
			return new InvalidBakedSecretsException(this.source, name, problem, null);
		}

	}

	/**
	 * Write context that pretty prints with two-space indentation and {@code \n} line ends.
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
