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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link BakedSecretsFile}.
 */
class BakedSecretsFileTests {

	private static final String ARN_PREFIX = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/";

	private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	@TempDir
	Path folder;

	@Test
	void writesSortedEntriesWithFieldsInOrderAndTwoSpaceIndentation() {
		BakedSecret db = new BakedSecret("DB_PASSWORD", "AQID", ARN_PREFIX + "db", 3L, KEY_ARN, "Standard");
		BakedSecret api = BakedSecret.of("API_KEY", "BAUG", ARN_PREFIX + "api");
		String content = new String(BakedSecretsFile.toBytes(BakedSecrets.of(List.of(db, api))),
				StandardCharsets.UTF_8);
		assertThat(content).isEqualTo("""
				{
				  "API_KEY": {
				    "ciphertext": "BAUG",
				    "arn": "arn:aws:ssm:eu-west-1:123456789012:parameter/app/api"
				  },
				  "DB_PASSWORD": {
				    "ciphertext": "AQID",
				    "arn": "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db",
				    "version": 3,
				    "keyId": "%s",
				    "tier": "Standard"
				  }
				}
				""".formatted(KEY_ARN));
	}

	@Test
	void writesEmptyObjectForNoSecrets() {
		assertThat(BakedSecretsFile.toBytes(BakedSecrets.empty())).asString(StandardCharsets.UTF_8).isEqualTo("{}\n");
	}

	@Test
	void readsWhatItWrites() {
		BakedSecrets secrets = randomSecrets(50);
		Path file = this.folder.resolve("secrets.json");
		BakedSecretsFile.write(secrets, file);
		assertThat(BakedSecretsFile.read(file)).isEqualTo(secrets);
	}

	@Test
	void writesIdenticalBytesForEqualSecretsWhateverTheirOrder() {
		List<BakedSecret> secrets = randomSecrets(20).asList();
		List<BakedSecret> reversed = new ArrayList<>(secrets);
		java.util.Collections.reverse(reversed);
		assertThat(BakedSecretsFile.toBytes(BakedSecrets.of(reversed)))
			.isEqualTo(BakedSecretsFile.toBytes(BakedSecrets.of(secrets)));
	}

	@Test
	void readsFileWrittenByTheNodePlugin() {
		String ciphertext = randomCiphertext();
		String json = "{\"DB_PASSWORD\":{\"ciphertext\":\"" + ciphertext + "\",\"arn\":\"" + ARN_PREFIX + "db\"}}";
		BakedSecrets secrets = read(json);
		assertThat(secrets.names()).containsExactly("DB_PASSWORD");
		BakedSecret secret = secrets.get("DB_PASSWORD");
		assertThat(secret).isNotNull();
		assertThat(secret.ciphertext()).isEqualTo(ciphertext);
		assertThat(secret.arn()).isEqualTo(ARN_PREFIX + "db");
		assertThat(secret.version()).isNull();
		assertThat(secret.keyId()).isNull();
		assertThat(secret.tier()).isNull();
	}

	@Test
	void createsMissingParentFolders() {
		Path file = this.folder.resolve("target/classes/secret-baker-secrets.json");
		BakedSecretsFile.write(randomSecrets(1), file);
		assertThat(file).exists();
	}

	@Test
	void keepsWhatIsInPlaceAndLeavesNoTemporaryFileWhenMoveFails() throws IOException {
		Path target = this.folder.resolve("secret-baker-secrets.json");
		Path occupant = Files.createDirectories(target).resolve("keep.txt");
		Files.writeString(occupant, "kept");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> BakedSecretsFile.write(randomSecrets(4), target))
			.withMessageContaining(target.toString());
		assertThat(occupant).hasContent("kept");
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void leavesNoTemporaryFileAfterSuccessfulWrite() throws IOException {
		Path file = this.folder.resolve("secret-baker-secrets.json");
		BakedSecretsFile.write(randomSecrets(2), file);
		BakedSecretsFile.write(randomSecrets(2), file);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void failsWithFileNameWhenContentIsNotJson() {
		String ciphertext = randomCiphertext();
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsFile.read(stream("{\"A\": {\"ciphertext\": Q" + ciphertext + "}}"),
					"app.jar!/x.json"))
			.withMessageStartingWith("Invalid baked secrets file 'app.jar!/x.json': is not valid JSON at line 1")
			.withMessageNotContaining(ciphertext.substring(0, 8));
	}

	@Test
	void failsWhenRootIsNotAnObject() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(() -> read("[]"))
			.withMessageContaining("must be a JSON object of secrets keyed by name");
	}

	@Test
	void failsWithSecretNameWhenArnIsMissing() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"DB_PASSWORD\": {\"ciphertext\": \"AQID\"}}"))
			.satisfies((ex) -> assertThat(ex.getSecretName()).isEqualTo("DB_PASSWORD"))
			.withMessage("Invalid baked secrets file 'test.json', secret 'DB_PASSWORD': has no 'arn'. "
					+ "Bake the file again with secret-baker.");
	}

	@Test
	void failsWithSecretNameWhenCiphertextIsMissing() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"DB_PASSWORD\": {\"arn\": \"" + ARN_PREFIX + "db\"}}"))
			.withMessageContaining("secret 'DB_PASSWORD': has no 'ciphertext'");
	}

	@Test
	void failsWithoutQuotingCiphertextThatIsNotBase64() {
		String notBase64 = "kms:alias/aws/ssm:" + UUID.randomUUID();
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("DB_PASSWORD", notBase64, ARN_PREFIX + "db")))
			.withMessageContaining("secret 'DB_PASSWORD': 'ciphertext' is not valid base64")
			.withMessageNotContaining(notBase64);
	}

	@Test
	void failsWhenArnIsNotAParameterArn() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("DB_PASSWORD", "AQID", "arn:aws:kms:eu-west-1:123456789012:key/abc")))
			.withMessageContaining("'arn' 'arn:aws:kms:eu-west-1:123456789012:key/abc' is not an SSM parameter ARN");
	}

	@Test
	void failsWithoutQuotingCiphertextFoundInTheArnField() {
		String ciphertext = randomCiphertext();
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("DB_PASSWORD", "AQID", ciphertext)))
			.withMessageContaining("'arn' is not an SSM parameter ARN")
			.withMessageNotContaining(ciphertext);
	}

	@Test
	void readsNamesTheNodePluginWritesThatAreNotEnvironmentVariableNames() {
		String json = "{" + String.join(", ", member("my-secret.v1", "AQID", ARN_PREFIX + "one"),
				member("api-key", "AQID", ARN_PREFIX + "two"),
				member("/app/db/password", "AQID", ARN_PREFIX + "db/password")) + "}";
		assertThat(read(json).names()).containsExactly("/app/db/password", "api-key", "my-secret.v1");
	}

	@Test
	void writesAndReadsBackNamesThatAreNotEnvironmentVariableNames() {
		BakedSecrets secrets = BakedSecrets
			.of(List.of(BakedSecret.of("my-secret.v1", randomCiphertext(), ARN_PREFIX + "a"),
					BakedSecret.of("/app/db/password", randomCiphertext(), ARN_PREFIX + "db/password")));
		assertThat(BakedSecretsFile.read(stream(new String(BakedSecretsFile.toBytes(secrets), StandardCharsets.UTF_8)),
				"test.json"))
			.isEqualTo(secrets);
	}

	@Test
	void failsWhenNameIsBlank() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry(" ", "AQID", ARN_PREFIX + "db")))
			.withMessageContaining("name is blank");
	}

	@Test
	void failsWithLineAndWithoutQuotingNameThatHoldsAControlCharacter() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(
					() -> read("{\n\"DB\\u001b[2J\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "db\"}}"))
			.satisfies((ex) -> assertThat(ex.getSecretName()).isNull())
			.withMessageContaining("the secret at line 2 (whose name of 6 characters is not shown)")
			.withMessageContaining("not printable")
			.withMessageNotContaining("\u001b");
	}

	@Test
	void failsWithLineAndWithoutQuotingNameThatLooksLikeACiphertext() {
		String ciphertext = randomCiphertext();
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"" + ciphertext + "\": {\"ciphertext\": \"AQID\"}}"))
			.withMessageContaining("the secret at line 1")
			.withMessageContaining("has no 'arn'")
			.withMessageNotContaining(ciphertext)
			.withMessageNotContaining(ciphertext.substring(0, 16));
	}

	@Test
	void neverQuotesFieldValuesThatAreLongOrLookLikeBase64() {
		String ciphertext = randomCiphertext();
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"tier\": \""
					+ ciphertext + "\"}}"))
			.withMessageContaining("'tier' must be 'Standard' or 'Advanced' but was (a value of " + ciphertext.length()
					+ " characters, not shown)")
			.withMessageNotContaining(ciphertext.substring(0, 16));
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \""
					+ ciphertext + "\": \"x\"}}"))
			.withMessageContaining("has unknown field (a value of")
			.withMessageNotContaining(ciphertext.substring(0, 16));
		String longArn = "arn:" + "x".repeat(Quoting.MAX_QUOTED_LENGTH);
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("A", "AQID", longArn)))
			.withMessageContaining("'arn' (a value of " + longArn.length() + " characters, not shown) is not an SSM")
			.withMessageNotContaining(longArn);
		String keyId = "arn:" + ciphertext;
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"keyId\": \""
					+ keyId + "\"}}"))
			.withMessageContaining("'keyId' (a value of")
			.withMessageNotContaining(ciphertext.substring(0, 16));
	}

	@Test
	void failsWhenArnHasUnknownPartitionOrMalformedRegion() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("A", "AQID", "arn:aws-moon:ssm:eu-west-1:123456789012:parameter/a")))
			.withMessageContaining("is not an SSM parameter ARN");
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(entry("A", "AQID", "arn:aws:ssm:eu west 1:123456789012:parameter/a")))
			.withMessageContaining("is not an SSM parameter ARN");
	}

	@Test
	void failsWhenAFieldAppearsTwiceInAnEntry() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(
					"{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"ciphertext\": \"BAUG\"}}"))
			.withMessageContaining("secret 'A': has the field 'ciphertext' more than once");
	}

	@Test
	void failsSayingSoWhenThePathIsADirectory() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> BakedSecretsFile.read(this.folder))
			.withMessage("Invalid baked secrets file '" + this.folder + "': is a directory, not a file: give the path "
					+ "of the secret-baker-secrets.json file itself. Bake the file again with secret-baker.");
	}

	@Test
	void keepsThePermissionsOfTheFileItReplaces() throws IOException {
		Path file = this.folder.resolve("secret-baker-secrets.json");
		BakedSecretsFile.write(randomSecrets(1), file);
		Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
		Files.setPosixFilePermissions(file, chosen);
		BakedSecretsFile.write(randomSecrets(2), file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(chosen);
		assertThat(BakedSecretsFile.read(file).size()).isEqualTo(2);
	}

	@Test
	void givesANewFileTheModeOfAnyNewFileUnderTheUmask() throws IOException {
		Path reference = Files.createFile(this.folder.resolve("reference"));
		Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(reference);
		assumeThat(umasked).as("the umask leaves more than the owner's permissions")
			.isNotEqualTo(PosixFilePermissions.fromString("rw-------"));
		Path file = this.folder.resolve("new/secret-baker-secrets.json");
		BakedSecretsFile.write(randomSecrets(1), file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(umasked);
	}

	@Test
	void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
		Path real = Files.createDirectories(this.folder.resolve("real")).resolve("secrets.json");
		BakedSecretsFile.write(randomSecrets(1), real);
		Path link = Files.createSymbolicLink(this.folder.resolve("secret-baker-secrets.json"),
				Path.of("real/secrets.json"));
		BakedSecrets secrets = randomSecrets(3);
		BakedSecretsFile.write(secrets, link);
		assertThat(link).isSymbolicLink();
		assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real/secrets.json"));
		assertThat(BakedSecretsFile.read(real)).isEqualTo(secrets);
		try (Stream<Path> files = Files.list(real.getParent())) {
			assertThat(files).containsExactly(real);
		}
	}

	@Test
	void createsTheTargetOfADanglingSymbolicLink() throws IOException {
		Path link = Files.createSymbolicLink(this.folder.resolve("secret-baker-secrets.json"),
				this.folder.resolve("out/secrets.json"));
		BakedSecrets secrets = randomSecrets(1);
		BakedSecretsFile.write(secrets, link);
		assertThat(link).isSymbolicLink();
		assertThat(BakedSecretsFile.read(this.folder.resolve("out/secrets.json"))).isEqualTo(secrets);
	}

	@Test
	void failsWhenNameAppearsTwice() {
		String entry = "\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\"}";
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read("{" + entry + ", " + entry + "}"))
			.withMessageContaining("secret 'A': appears more than once");
	}

	@Test
	void failsOnUnknownField() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(
				() -> read("{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"value\": \"x\"}}"))
			.withMessageContaining("secret 'A': has unknown field 'value'");
	}

	@Test
	void failsOnUnknownTierAndInvalidVersion() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class)
			.isThrownBy(() -> read(
					"{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"tier\": \"Premium\"}}"))
			.withMessageContaining("'tier' must be 'Standard' or 'Advanced' but was 'Premium'");
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(
				() -> read("{\"A\": {\"ciphertext\": \"AQID\", \"arn\": \"" + ARN_PREFIX + "a\", \"version\": \"3\"}}"))
			.withMessageContaining("'version' must be a whole number");
	}

	@Test
	void failsOnContentAfterTheObject() {
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(() -> read("{} {}"))
			.withMessageContaining("has content after the closing brace");
	}

	@Test
	void failsWithPathWhenFileDoesNotExist() {
		Path missing = this.folder.resolve("missing.json");
		assertThatExceptionOfType(InvalidBakedSecretsException.class).isThrownBy(() -> BakedSecretsFile.read(missing))
			.withMessageContaining(missing.toString())
			.withMessageContaining("cannot be read");
	}

	private static BakedSecrets read(String json) {
		return BakedSecretsFile.read(stream(json), "test.json");
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String entry(String name, String ciphertext, String arn) {
		return "{" + member(name, ciphertext, arn) + "}";
	}

	private static String member(String name, String ciphertext, String arn) {
		return "\"" + name + "\": {\"ciphertext\": \"" + ciphertext + "\", \"arn\": \"" + arn + "\"}";
	}

	private static BakedSecrets randomSecrets(int count) {
		List<BakedSecret> secrets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			secrets.add(new BakedSecret("SECRET_" + i, randomCiphertext(), ARN_PREFIX + "secret-" + i, (long) i + 1,
					KEY_ARN, "Standard"));
		}
		return BakedSecrets.of(secrets);
	}

	private static String randomCiphertext() {
		byte[] blob = new byte[64 + new Random().nextInt(64)];
		new Random().nextBytes(blob);
		return Base64.getEncoder().encodeToString(blob);
	}

}
