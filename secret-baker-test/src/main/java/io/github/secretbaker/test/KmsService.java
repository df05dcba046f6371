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

package io.github.secretbaker.test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-memory KMS: symmetric keys with random AES-256 material and aliases, kept per
 * region, and the operations on them.
 * <p>
 * A ciphertext blob is {@code version (1) | key ARN length (2) | key ARN | nonce (12) |
 * AES-256-GCM output}; the version, the key ARN and the canonical encryption context
 * (entries sorted by key) are the GCM additional authenticated data.
 * <p>
 * A region may also hold keys of other accounts, shared with this one: as on AWS, they
 * are usable by key ARN only, and are not listed.
 */
final class KmsService {

	static final String SSM_DEFAULT_ALIAS = "alias/aws/ssm";

	private static final byte VERSION = 1;

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final int MAX_PLAINTEXT = 4096;

	private static final int MAX_CIPHERTEXT = 6144;

	private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

	private static final Pattern ALIAS_NAME = Pattern.compile("[a-zA-Z0-9:/_-]{1,256}");

	private static final Pattern KEY_ARN = Pattern
		.compile("arn:aws:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern KEY_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String IGNORE_CIPHERTEXT = "IGNORE_CIPHERTEXT";

	private final SecureRandom random = new SecureRandom();

	private final String accountId;

	private final Faults faults;

	private final Map<String, RegionKeys> regions = new ConcurrentHashMap<>();

	KmsService(String accountId, Faults faults) {
		this.accountId = accountId;
		this.faults = faults;
	}

	void reset() {
		this.regions.clear();
	}

	ObjectNode handle(String operation, String region, JsonRequest request) {
		return switch (operation) {
			case "CreateKey" -> createKey(region, request);
			case "DescribeKey" -> describeKey(region, request);
			case "ListKeys" -> listKeys(region, request);
			case "CreateAlias" -> createAlias(region, request);
			case "ListAliases" -> listAliases(region, request);
			case "EnableKey" -> setEnabled(region, request, "EnableKey", true);
			case "DisableKey" -> setEnabled(region, request, "DisableKey", false);
			case "Encrypt" -> encrypt(region, request);
			case "Decrypt" -> decrypt(region, request);
			case "GenerateDataKey" -> generateDataKey(region, request);
			default -> throw AwsException.badRequest("UnknownOperationException", null);
		};
	}

	/**
	 * Create a key, as {@code CreateKey} does.
	 * @param region the region
	 * @param description the description, or {@code null}
	 * @param keyId the key id to use, or {@code null} for a random one
	 * @return the key ARN
	 */
	String createKey(String region, @Nullable String description, @Nullable String keyId) {
		return createKey(region, this.accountId, description, keyId);
	}

	/**
	 * Create a key owned by the given account, which this account may use by its ARN, as
	 * a key whose key policy allows this account does.
	 * @param region the region
	 * @param ownerAccountId the owner's account id
	 * @param description the description, or {@code null}
	 * @param keyId the key id to use, or {@code null} for a random one
	 * @return the key ARN
	 */
	String createKey(String region, String ownerAccountId, @Nullable String description, @Nullable String keyId) {
		if (keyId != null && !KEY_ID.matcher(keyId).matches()) {
			throw new IllegalArgumentException("Key id '" + keyId + "' is not a lowercase UUID");
		}
		if (!ownerAccountId.matches("\\d{12}")) {
			throw new IllegalArgumentException("Account id '" + ownerAccountId + "' is not 12 digits");
		}
		Key key = newKey(region, ownerAccountId, (description != null) ? description : "", false, keyId);
		if (regionKeys(region).keys.putIfAbsent(key.id, key) != null) {
			throw new IllegalArgumentException("Key " + keyId + " already exists");
		}
		return key.arn;
	}

	/**
	 * Create an alias for a key, as {@code CreateAlias} does.
	 * @param region the region
	 * @param aliasName the alias name
	 * @param targetKeyId the key id or ARN
	 */
	void createAlias(String region, String aliasName, String targetKeyId) {
		ObjectNode body = JsonRequest.object();
		body.put("AliasName", aliasName);
		body.put("TargetKeyId", targetKeyId);
		createAlias(region, new JsonRequest(body));
	}

	void setEnabled(String region, String keyReference, boolean enabled) {
		resolve(region, keyReference).enabled = enabled;
	}

	String keyArn(String region, String keyReference) {
		return resolve(region, keyReference).arn;
	}

	/**
	 * Encrypt for another service acting on the caller's behalf, checking the caller's
	 * {@code kms:Encrypt} permission.
	 * @param context the context
	 * @param region the region
	 * @param keyReference the key reference
	 * @param plaintext the plaintext
	 * @return the key's ARN and the ciphertext
	 */
	EncryptResult encryptFor(String region, String keyReference, byte[] plaintext, Map<String, String> context) {
		Key key = usableKey(region, keyReference, "Encrypt");
		return new EncryptResult(key.arn, seal(key, plaintext, context));
	}

	/**
	 * Decrypt for another service acting on the caller's behalf, checking the caller's
	 * {@code kms:Decrypt} permission.
	 * @param region the region
	 * @param ciphertext the ciphertext
	 * @param context the context
	 * @return the plaintext
	 */
	byte[] decryptFor(String region, byte[] ciphertext, Map<String, String> context) {
		return open(region, ciphertext, null, context, false).plaintext();
	}

	/**
	 * Generate a data key for another service acting on the caller's behalf, checking the
	 * caller's {@code kms:GenerateDataKey} permission.
	 * @param context the context
	 * @param region the region
	 * @param keyReference the key reference
	 * @param length the length
	 * @return the plaintext data key and its ciphertext under the key
	 */
	DataKey generateDataKeyFor(String region, String keyReference, int length, Map<String, String> context) {
		Key key = usableKey(region, keyReference, "GenerateDataKey");
		byte[] dataKey = new byte[length];
		this.random.nextBytes(dataKey);
		return new DataKey(key.arn, dataKey, seal(key, dataKey, context));
	}

	private ObjectNode createKey(String region, JsonRequest request) {
		checkDenied(region, "CreateKey", null);
		requireSupported("KeyUsage", request.string("KeyUsage"), "ENCRYPT_DECRYPT");
		requireSupported("KeySpec", request.string("KeySpec"), SYMMETRIC_DEFAULT);
		requireSupported("CustomerMasterKeySpec", request.string("CustomerMasterKeySpec"), SYMMETRIC_DEFAULT);
		requireSupported("Origin", request.string("Origin"), "AWS_KMS");
		if (request.bool("MultiRegion")) {
			throw AwsException.badRequest("UnsupportedOperationException",
					"Multi-Region keys are not supported by the local server");
		}
		request.objectList("Tags");
		String description = request.string("Description");
		if (description != null && description.length() > 8192) {
			throw AwsException.validation("1 validation error detected: Value at 'description' failed to satisfy "
					+ "constraint: Member must have length less than or equal to 8192");
		}
		Key key = newKey(region, this.accountId, (description != null) ? description : "", false, null);
		regionKeys(region).keys.put(key.id, key);
		ObjectNode response = JsonRequest.object();
		response.set("KeyMetadata", metadata(key));
		return response;
	}

	private ObjectNode describeKey(String region, JsonRequest request) {
		Key key = resolve(region, request.requiredString("KeyId"));
		checkDenied(region, "DescribeKey", key);
		ObjectNode response = JsonRequest.object();
		response.set("KeyMetadata", metadata(key));
		return response;
	}

	private ObjectNode listKeys(String region, JsonRequest request) {
		checkDenied(region, "ListKeys", null);
		int limit = limit(request, 1000, 100);
		List<Key> keys = new ArrayList<>(regionKeys(region).keys.values());
		keys.removeIf((key) -> !key.owner.equals(this.accountId));
		keys.sort(Comparator.comparing((Key key) -> key.id));
		ObjectNode response = JsonRequest.object();
		ArrayNode array = response.putArray("Keys");
		Page<Key> page = page(keys, (key) -> key.id, request.string("Marker"), limit);
		for (Key key : page.items()) {
			array.addObject().put("KeyId", key.id).put("KeyArn", key.arn);
		}
		page.writeTo(response, "Truncated", "NextMarker");
		return response;
	}

	private ObjectNode createAlias(String region, JsonRequest request) {
		String aliasName = request.requiredString("AliasName");
		String targetKeyId = request.requiredString("TargetKeyId");
		if (!ALIAS_NAME.matcher(aliasName).matches()) {
			throw AwsException.validation("1 validation error detected: Value '" + aliasName
					+ "' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
					+ "^[a-zA-Z0-9:/_-]+$");
		}
		if (!aliasName.startsWith("alias/") || aliasName.length() == "alias/".length()) {
			throw AwsException.validation("Alias must start with the prefix \"alias/\". Please see "
					+ "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
		}
		// CreateAlias models InvalidAliasNameException for a name in the reserved
		// alias/aws/ space
		if (aliasName.startsWith("alias/aws/")) {
			throw AwsException.badRequest("InvalidAliasNameException",
					"Alias names that begin with \"alias/aws/\" are reserved for AWS managed keys.");
		}
		if (isAlias(targetKeyId)) {
			throw AwsException.validation("TargetKeyId must be a key id or key ARN, not an alias: " + targetKeyId);
		}
		Key key = resolve(region, targetKeyId);
		checkDenied(region, "CreateAlias", key);
		Alias alias = new Alias(aliasName, key.id, Instant.now());
		if (regionKeys(region).aliases.putIfAbsent(aliasName, alias) != null) {
			throw AwsException.badRequest("AlreadyExistsException",
					"An alias with the name " + aliasArn(region, aliasName) + " already exists");
		}
		return JsonRequest.object();
	}

	private ObjectNode listAliases(String region, JsonRequest request) {
		checkDenied(region, "ListAliases", null);
		int limit = limit(request, 100, 50);
		String keyId = request.string("KeyId");
		Key filter = (keyId != null) ? resolve(region, keyId) : null;
		List<Alias> aliases = new ArrayList<>(regionKeys(region).aliases.values());
		aliases.removeIf((alias) -> filter != null && !alias.targetKeyId().equals(filter.id));
		aliases.sort(Comparator.comparing(Alias::name));
		ObjectNode response = JsonRequest.object();
		ArrayNode array = response.putArray("Aliases");
		Page<Alias> page = page(aliases, Alias::name, request.string("Marker"), limit);
		for (Alias alias : page.items()) {
			array.addObject()
				.put("AliasName", alias.name())
				.put("AliasArn", aliasArn(region, alias.name()))
				.put("TargetKeyId", alias.targetKeyId())
				.put("CreationDate", JsonRequest.timestamp(alias.created()))
				.put("LastUpdatedDate", JsonRequest.timestamp(alias.created()));
		}
		page.writeTo(response, "Truncated", "NextMarker");
		return response;
	}

	private ObjectNode setEnabled(String region, JsonRequest request, String operation, boolean enabled) {
		String keyId = request.requiredString("KeyId");
		if (isAlias(keyId)) {
			throw notFound("Invalid keyId '" + keyId + "'; " + operation + " needs a key id or key ARN, not an alias");
		}
		Key key = resolve(region, keyId);
		checkDenied(region, operation, key);
		key.enabled = enabled;
		return JsonRequest.object();
	}

	private ObjectNode encrypt(String region, JsonRequest request) {
		Key key = resolve(region, request.requiredString("KeyId"));
		byte[] plaintext = request.blob("Plaintext");
		if (plaintext == null) {
			throw AwsException.validation("1 validation error detected: Value null at 'plaintext' failed to satisfy "
					+ "constraint: Member must not be null");
		}
		checkPlaintextLength(plaintext.length, "plaintext");
		Map<String, String> context = request.stringMap("EncryptionContext");
		checkAlgorithm(request);
		checkDenied(region, "Encrypt", key);
		checkCustomerManaged(key, "Encrypt");
		checkEnabled(key);
		ObjectNode response = JsonRequest.object();
		response.put("CiphertextBlob", base64(seal(key, plaintext, context)));
		response.put("KeyId", key.arn);
		response.put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
		return response;
	}

	private ObjectNode decrypt(String region, JsonRequest request) {
		byte[] ciphertext = request.blob("CiphertextBlob");
		if (ciphertext == null) {
			throw AwsException.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to "
					+ "satisfy constraint: Member must not be null");
		}
		checkAlgorithm(request);
		boolean dryRun = request.bool("DryRun");
		List<String> modifiers = request.stringList("DryRunModifiers");
		if (modifiers != null && !dryRun) {
			throw AwsException.validation("DryRunModifiers is only valid when DryRun is set to true.");
		}
		if (dryRun && modifiers != null && !modifiers.isEmpty()) {
			dryRunAuthorization(region, request, modifiers);
		}
		Opened opened = open(region, ciphertext, request.string("KeyId"), request.stringMap("EncryptionContext"), true);
		if (dryRun) {
			// KMS checks the whole call, ciphertext included, and never returns the
			// plaintext
			throw dryRunSucceeded();
		}
		ObjectNode response = JsonRequest.object();
		response.put("KeyId", opened.keyArn());
		response.put("Plaintext", base64(opened.plaintext()));
		response.put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
		return response;
	}

	// With IGNORE_CIPHERTEXT, KMS checks only that the caller may use the key named by
	// KeyId
	private void dryRunAuthorization(String region, JsonRequest request, List<String> modifiers) {
		for (String modifier : modifiers) {
			if (!modifier.equals(IGNORE_CIPHERTEXT)) {
				throw AwsException.validation("1 validation error detected: Value '[" + modifier
						+ "]' at 'dryRunModifiers' failed to satisfy constraint: Member must satisfy enum value set: ["
						+ IGNORE_CIPHERTEXT + "]");
			}
		}
		String keyReference = request.string("KeyId");
		if (keyReference == null) {
			throw AwsException.validation("KeyId is required when DryRunModifiers contains " + IGNORE_CIPHERTEXT + ".");
		}
		Key key = resolve(region, keyReference);
		checkDenied(region, "Decrypt", key, request.stringMap("EncryptionContext"));
		checkCustomerManaged(key, "Decrypt");
		checkEnabled(key);
		throw dryRunSucceeded();
	}

	private static AwsException dryRunSucceeded() {
		return new AwsException(412, "DryRunOperationException",
				"The request would have succeeded, but the DryRun option is set.");
	}

	private ObjectNode generateDataKey(String region, JsonRequest request) {
		Key key = resolve(region, request.requiredString("KeyId"));
		String keySpec = request.string("KeySpec");
		Integer numberOfBytes = request.integer("NumberOfBytes");
		if ((keySpec == null) == (numberOfBytes == null)) {
			throw AwsException.validation("Please specify either number of bytes or key spec.");
		}
		int length;
		if (keySpec != null) {
			length = switch (keySpec) {
				case "AES_256" -> 32;
				case "AES_128" -> 16;
				default -> throw AwsException.validation("1 validation error detected: Value '" + keySpec
						+ "' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: "
						+ "[AES_256, AES_128]");
			};
		}
		else {
			length = numberOfBytes;
			if (length < 1 || length > 1024) {
				throw AwsException.validation("1 validation error detected: Value '" + length
						+ "' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and 1024");
			}
		}
		Map<String, String> context = request.stringMap("EncryptionContext");
		checkDenied(region, "GenerateDataKey", key);
		checkCustomerManaged(key, "GenerateDataKey");
		checkEnabled(key);
		byte[] dataKey = new byte[length];
		this.random.nextBytes(dataKey);
		ObjectNode response = JsonRequest.object();
		response.put("CiphertextBlob", base64(seal(key, dataKey, context)));
		response.put("Plaintext", base64(dataKey));
		response.put("KeyId", key.arn);
		return response;
	}

	private Opened open(String region, byte[] ciphertext, @Nullable String keyReference, Map<String, String> context,
			boolean direct) {
		if (ciphertext.length == 0 || ciphertext.length > MAX_CIPHERTEXT) {
			throw AwsException.validation("1 validation error detected: Value at 'ciphertextBlob' failed to satisfy "
					+ "constraint: Member must have length between 1 and " + MAX_CIPHERTEXT);
		}
		Sealed sealed = Sealed.parse(ciphertext);
		if (sealed == null || !KEY_ARN.matcher(sealed.keyArn()).matches()) {
			throw invalidCiphertext();
		}
		Key key = keyOf(region, sealed.keyArn());
		// AWS cannot tell a key of another region or account from a key the caller may
		// not use
		if (key == null) {
			throw AwsException.badRequest("AccessDeniedException",
					"The ciphertext refers to a customer master key that does not exist, does not exist in this "
							+ "region, or you are not allowed to access.");
		}
		if (keyReference != null && !resolve(region, keyReference).id.equals(key.id)) {
			throw AwsException.badRequest("IncorrectKeyException",
					"The key ID in the request does not identify a KMS key that can perform this operation.");
		}
		checkDenied(region, "Decrypt", key, context);
		if (direct) {
			checkCustomerManaged(key, "Decrypt");
		}
		checkEnabled(key);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.material, "AES"),
					new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(aad(key.arn, context));
			return new Opened(key.arn, cipher.doFinal(sealed.encrypted()));
		}
		catch (GeneralSecurityException ex) {
			throw invalidCiphertext();
		}
	}

	private byte[] seal(Key key, byte[] plaintext, Map<String, String> context) {
		checkPlaintextLength(plaintext.length, "plaintext");
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.material, "AES"),
					new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad(key.arn, context));
			byte[] encrypted = cipher.doFinal(plaintext);
			byte[] arn = key.arn.getBytes(StandardCharsets.UTF_8);
			return ByteBuffer.allocate(3 + arn.length + NONCE_LENGTH + encrypted.length)
				.put(VERSION)
				.putShort((short) arn.length)
				.put(arn)
				.put(nonce)
				.put(encrypted)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static byte[] aad(String keyArn, Map<String, String> context) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeByte(VERSION);
			writeString(out, keyArn);
			Map<String, String> sorted = new TreeMap<>(context);
			out.writeInt(sorted.size());
			for (Map.Entry<String, String> entry : sorted.entrySet()) {
				writeString(out, entry.getKey());
				writeString(out, entry.getValue());
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private Key usableKey(String region, String keyReference, String operation) {
		Key key = resolve(region, keyReference);
		checkDenied(region, operation, key);
		checkEnabled(key);
		return key;
	}

	private Key resolve(String region, String reference) {
		Key key = tryResolve(region, reference);
		if (key != null) {
			return key;
		}
		if (reference.startsWith("alias/")) {
			throw notFound("Alias " + aliasArn(region, reference) + " is not found.");
		}
		if (reference.startsWith("arn:") && reference.contains(":alias/")) {
			throw notFound("Alias " + reference + " is not found.");
		}
		if (reference.startsWith("arn:") || KEY_ID.matcher(reference).matches()) {
			String arn = reference.startsWith("arn:") ? reference : arnOfKey(region, reference);
			throw notFound("Key '" + arn + "' does not exist");
		}
		throw notFound("Invalid keyId '" + reference + "'");
	}

	private @Nullable Key tryResolve(String region, String reference) {
		RegionKeys keys = regionKeys(region);
		if (reference.startsWith("arn:")) {
			String[] parts = reference.split(":", 6);
			if (parts.length != 6 || !parts[2].equals("kms") || !parts[3].equals(region)) {
				return null;
			}
			if (!parts[4].equals(this.accountId)) {
				// A key of another account is usable by its key ARN only, never by alias
				return parts[5].startsWith("key/") ? keyOf(region, reference) : null;
			}
			reference = parts[5];
			if (reference.startsWith("key/")) {
				return keys.keys.get(reference.substring("key/".length()));
			}
			if (!reference.startsWith("alias/")) {
				return null;
			}
		}
		if (reference.startsWith("alias/")) {
			Alias alias = keys.aliases.get(reference);
			return (alias != null) ? keys.keys.get(alias.targetKeyId()) : null;
		}
		Key key = keys.keys.get(reference);
		return (key != null && key.owner.equals(this.accountId)) ? key : null;
	}

	private static boolean isAlias(String reference) {
		return reference.startsWith("alias/") || (reference.startsWith("arn:") && reference.contains(":alias/"));
	}

	private @Nullable Key keyOf(String region, String keyArn) {
		int slash = keyArn.lastIndexOf("key/");
		Key key = (slash >= 0) ? regionKeys(region).keys.get(keyArn.substring(slash + "key/".length())) : null;
		return (key != null && key.arn.equals(keyArn)) ? key : null;
	}

	// The key policy of an AWS managed key allows it only through the service that owns
	// it (kms:ViaService), so a direct call is denied even for an administrator.
	private void checkCustomerManaged(Key key, String operation) {
		if (key.awsManaged) {
			throw AwsException.badRequest("AccessDeniedException", "User: " + this.faults.caller().arn()
					+ " is not authorized to perform: kms:" + operation + " on resource: " + key.arn
					+ " because the key policy of this AWS managed key allows its use only through the AWS service"
					+ " that owns it");
		}
	}

	private void checkDenied(String region, String operation, @Nullable Key key) {
		checkDenied(region, operation, key, Map.of());
	}

	private void checkDenied(String region, String operation, @Nullable Key key, Map<String, String> context) {
		boolean denied = this.faults.isDenied(operation,
				(resource) -> key != null && resourceDesignates(region, resource, key), context);
		if (denied) {
			String arn = (key != null) ? key.arn : "*";
			throw AwsException.badRequest("AccessDeniedException",
					"User: " + this.faults.caller().arn() + " is not authorized to perform: kms:" + operation
							+ " on resource: " + arn + " because no identity-based policy allows the kms:" + operation
							+ " action");
		}
	}

	private boolean resourceDesignates(String region, String resource, Key key) {
		if (resource.contains("*")) {
			Pattern glob = glob(resource);
			if (glob.matcher(key.arn).matches() || glob.matcher(key.id).matches()) {
				return true;
			}
			return regionKeys(region).aliases.values()
				.stream()
				.filter((alias) -> alias.targetKeyId().equals(key.id))
				.anyMatch((alias) -> glob.matcher(alias.name()).matches()
						|| glob.matcher(aliasArn(region, alias.name())).matches());
		}
		Key designated = tryResolve(region, resource);
		return designated != null && designated.id.equals(key.id);
	}

	static Pattern glob(String resource) {
		StringBuilder regex = new StringBuilder();
		for (String part : resource.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

	private static void checkEnabled(Key key) {
		if (!key.enabled) {
			throw AwsException.badRequest("DisabledException", key.arn + " is disabled.");
		}
	}

	private static void checkPlaintextLength(int length, String member) {
		if (length < 1 || length > MAX_PLAINTEXT) {
			throw AwsException.validation("1 validation error detected: Value at '" + member
					+ "' failed to satisfy constraint: Member must have length between 1 and " + MAX_PLAINTEXT);
		}
	}

	private static void checkAlgorithm(JsonRequest request) {
		String algorithm = request.string("EncryptionAlgorithm");
		if (algorithm != null && !algorithm.equals(SYMMETRIC_DEFAULT)) {
			throw AwsException.badRequest("InvalidKeyUsageException",
					"Encryption algorithm " + algorithm + " is not supported by a SYMMETRIC_DEFAULT key.");
		}
	}

	private static void requireSupported(String member, @Nullable String value, String supported) {
		if (value != null && !value.equals(supported)) {
			throw AwsException.badRequest("UnsupportedOperationException",
					member + " " + value + " is not supported by the local server; only " + supported + " is");
		}
	}

	private static int limit(JsonRequest request, int max, int defaultLimit) {
		Integer limit = request.integer("Limit");
		if (limit == null) {
			return defaultLimit;
		}
		if (limit < 1 || limit > max) {
			throw AwsException.validation("1 validation error detected: Value '" + limit
					+ "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + max);
		}
		return limit;
	}

	private static <T> Page<T> page(List<T> items, java.util.function.Function<T, String> id, @Nullable String marker,
			int limit) {
		int start = 0;
		if (marker != null) {
			String after;
			try {
				after = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw AwsException.badRequest("InvalidMarkerException", "Invalid marker: " + marker);
			}
			while (start < items.size() && id.apply(items.get(start)).compareTo(after) <= 0) {
				start++;
			}
		}
		int end = Math.min(items.size(), start + limit);
		List<T> pageItems = items.subList(start, end);
		String next = (end < items.size())
				? Base64.getUrlEncoder().encodeToString(id.apply(items.get(end - 1)).getBytes(StandardCharsets.UTF_8))
				: null;
		return new Page<>(pageItems, next);
	}

	private ObjectNode metadata(Key key) {
		ObjectNode metadata = JsonRequest.object();
		metadata.put("AWSAccountId", this.accountId);
		metadata.put("KeyId", key.id);
		metadata.put("Arn", key.arn);
		metadata.put("CreationDate", JsonRequest.timestamp(key.created));
		metadata.put("Enabled", key.enabled);
		metadata.put("Description", key.description);
		metadata.put("KeyUsage", "ENCRYPT_DECRYPT");
		metadata.put("KeyState", key.enabled ? "Enabled" : "Disabled");
		metadata.put("Origin", "AWS_KMS");
		metadata.put("KeyManager", key.awsManaged ? "AWS" : "CUSTOMER");
		metadata.put("CustomerMasterKeySpec", SYMMETRIC_DEFAULT);
		metadata.put("KeySpec", SYMMETRIC_DEFAULT);
		metadata.putArray("EncryptionAlgorithms").add(SYMMETRIC_DEFAULT);
		metadata.put("MultiRegion", false);
		return metadata;
	}

	private RegionKeys regionKeys(String region) {
		return this.regions.computeIfAbsent(region, this::newRegionKeys);
	}

	private RegionKeys newRegionKeys(String region) {
		RegionKeys keys = new RegionKeys();
		Key ssmKey = newKey(region, this.accountId,
				"Default key that protects my SSM parameters when no other key is defined", true, null);
		keys.keys.put(ssmKey.id, ssmKey);
		keys.aliases.put(SSM_DEFAULT_ALIAS, new Alias(SSM_DEFAULT_ALIAS, ssmKey.id, ssmKey.created));
		return keys;
	}

	private Key newKey(String region, String owner, String description, boolean awsManaged, @Nullable String keyId) {
		String id = (keyId != null) ? keyId : UUID.randomUUID().toString();
		byte[] material = new byte[32];
		this.random.nextBytes(material);
		return new Key(id, owner, "arn:aws:kms:" + region + ":" + owner + ":key/" + id, material, description,
				awsManaged);
	}

	private String arnOfKey(String region, String id) {
		return "arn:aws:kms:" + region + ":" + this.accountId + ":key/" + id;
	}

	private String aliasArn(String region, String aliasName) {
		return "arn:aws:kms:" + region + ":" + this.accountId + ":" + aliasName;
	}

	private static AwsException notFound(String message) {
		return AwsException.badRequest("NotFoundException", message);
	}

	private static AwsException invalidCiphertext() {
		return AwsException.badRequest("InvalidCiphertextException",
				"The ciphertext is invalid for this key and encryption context, or it was modified.");
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	record EncryptResult(String keyArn, byte[] ciphertext) {
	}

	record DataKey(String keyArn, byte[] plaintext, byte[] ciphertext) {

		@Override
		public String toString() {
			return "DataKey[keyArn=" + this.keyArn + "]";
		}

	}

	private record Opened(String keyArn, byte[] plaintext) {
	}

	private record Sealed(String keyArn, byte[] nonce, byte[] encrypted) {

		static @Nullable Sealed parse(byte[] blob) {
			try {
				ByteBuffer buffer = ByteBuffer.wrap(blob);
				if (buffer.get() != VERSION) {
					return null;
				}
				byte[] arn = new byte[Short.toUnsignedInt(buffer.getShort())];
				buffer.get(arn);
				byte[] nonce = new byte[NONCE_LENGTH];
				buffer.get(nonce);
				if (buffer.remaining() < TAG_BITS / 8) {
					return null;
				}
				byte[] encrypted = new byte[buffer.remaining()];
				buffer.get(encrypted);
				return new Sealed(new String(arn, StandardCharsets.UTF_8), nonce, encrypted);
			}
			catch (BufferUnderflowException ex) {
				return null;
			}
		}

	}

	private record Page<T>(List<T> items, @Nullable String next) {

		void writeTo(ObjectNode response, String truncatedMember, String nextMember) {
			response.put(truncatedMember, this.next != null);
			if (this.next != null) {
				response.put(nextMember, this.next);
			}
		}

	}

	private record Alias(String name, String targetKeyId, Instant created) {
	}

	private static final class RegionKeys {

		private final Map<String, Key> keys = new ConcurrentHashMap<>();

		private final Map<String, Alias> aliases = new ConcurrentHashMap<>();

	}

	private static final class Key {

		private final String id;

		private final String owner;

		private final String arn;

		private final byte[] material;

		private final String description;

		private final boolean awsManaged;

		private final Instant created = Instant.now();

		private volatile boolean enabled = true;

		Key(String id, String owner, String arn, byte[] material, String description, boolean awsManaged) {
			this.id = id;
			this.owner = owner;
			this.arn = arn;
			this.material = material;
			this.description = description;
			this.awsManaged = awsManaged;
		}

	}

}
