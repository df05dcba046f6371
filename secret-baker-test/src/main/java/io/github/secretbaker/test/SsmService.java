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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-memory SSM Parameter Store, kept per region. SecureString values are stored as
 * Parameter Store stores them, under the parameter's key with the encryption context
 * {@code {"PARAMETER_ARN": "<parameter ARN>"}}: a KMS ciphertext in the Standard tier, an
 * AWS Encryption SDK message in the Advanced tier. Parameters of other accounts, shared
 * with this one, are read by their full ARN only, as AWS RAM shares them.
 */
final class SsmService {

	static final String PARAMETER_ARN = "PARAMETER_ARN";

	private static final String STRING = "String";

	private static final String STRING_LIST = "StringList";

	private static final String SECURE_STRING = "SecureString";

	private static final String STANDARD = "Standard";

	private static final String ADVANCED = "Advanced";

	private static final String INTELLIGENT_TIERING = "Intelligent-Tiering";

	private static final int MAX_VERSIONS = 100;

	private static final int MAX_LABELS_PER_VERSION = 10;

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

	private static final Pattern FILTER_KEY = Pattern.compile("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");

	private static final String TOKEN_PREFIX = "after:";

	private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9_.\\-]+");

	private static final String NAME_RULES = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" "
			+ "(case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; "
			+ "each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_";

	private final String accountId;

	private final KmsService kms;

	private final Faults faults;

	private final AdvancedTierValues messages;

	private final Map<String, NavigableMap<String, Parameter>> regions = new ConcurrentHashMap<>();

	SsmService(String accountId, KmsService kms, Faults faults) {
		this.accountId = accountId;
		this.kms = kms;
		this.faults = faults;
		this.messages = new AdvancedTierValues(kms);
	}

	void reset() {
		this.regions.clear();
	}

	String parameterArn(String region, String name) {
		return parameterArn(region, this.accountId, name);
	}

	static String parameterArn(String region, String owner, String name) {
		String path = name.startsWith("/") ? name.substring(1) : name;
		return "arn:aws:ssm:" + region + ":" + owner + ":parameter/" + path;
	}

	ObjectNode handle(String operation, String region, JsonRequest request) {
		return switch (operation) {
			case "PutParameter" -> putParameter(region, request);
			case "GetParameter" -> getParameter(region, request);
			case "GetParameters" -> getParameters(region, request);
			case "GetParametersByPath" -> getParametersByPath(region, request);
			case "DescribeParameters" -> describeParameters(region, request);
			case "GetParameterHistory" -> getParameterHistory(region, request);
			case "LabelParameterVersion" -> labelParameterVersion(region, request);
			case "DeleteParameter" -> deleteParameter(region, request);
			case "DeleteParameters" -> deleteParameters(region, request);
			default -> throw AwsException.badRequest("UnknownOperationException", null);
		};
	}

	private ObjectNode putParameter(String region, JsonRequest request) {
		return putParameter(region, this.accountId, request, LocalAwsServer.ADVANCED_TIER_SUITE);
	}

	/**
	 * Put a parameter into the given account's store, as {@code PutParameter} does; an
	 * Advanced-tier SecureString is a message of the given algorithm suite.
	 * @param region the region
	 * @param owner the owner
	 * @param request the request
	 * @param suite the suite
	 * @return the answer of {@code PutParameter}
	 */
	ObjectNode putParameter(String region, String owner, JsonRequest request, CryptoAlgorithm suite) {
		// The PutParameter reference: "The service removes any spaces specified for the
		// beginning or end of a parameter name."
		String name = strip(request.requiredString("Name"));
		String value = request.requiredString("Value");
		String type = request.string("Type");
		String keyId = request.string("KeyId");
		boolean overwrite = request.bool("Overwrite");
		String requestedTier = request.string("Tier");
		String description = request.string("Description");
		String allowedPattern = request.string("AllowedPattern");
		String dataType = request.string("DataType");
		validateName(region, name);
		if (value.isEmpty()) {
			throw AwsException.validation("1 validation error detected: Value at 'value' failed to satisfy "
					+ "constraint: Member must have length greater than or equal to 1");
		}
		if (type != null && !List.of(STRING, STRING_LIST, SECURE_STRING).contains(type)) {
			throw AwsException.validation("1 validation error detected: Value '" + type + "' at 'type' failed to "
					+ "satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
		}
		if (requestedTier != null && !List.of(STANDARD, ADVANCED, INTELLIGENT_TIERING).contains(requestedTier)) {
			throw AwsException.validation("1 validation error detected: Value '" + requestedTier + "' at 'tier' "
					+ "failed to satisfy constraint: Member must satisfy enum value set: "
					+ "[Advanced, Intelligent-Tiering, Standard]");
		}
		if (dataType != null && !List.of("text", "aws:ec2:image", "aws:ssm:integration").contains(dataType)) {
			throw AwsException.validation(
					"The following data type is not supported: " + dataType + " (Data type names are all lowercase.)");
		}
		if (description != null && description.length() > 1024) {
			throw AwsException.validation("1 validation error detected: Value at 'description' failed to satisfy "
					+ "constraint: Member must have length less than or equal to 1024");
		}
		if (overwrite && !request.objectList("Tags").isEmpty()) {
			throw AwsException.validation("Invalid request: tags and overwrite can't be used together. To create "
					+ "a parameter with tags, please remove overwrite flag. To update tags for an existing "
					+ "parameter, please use AddTagsToResource or RemoveTagsFromResource.");
		}
		if (allowedPattern != null) {
			try {
				if (!Pattern.compile(allowedPattern).matcher(value).matches()) {
					throw AwsException.badRequest("ParameterPatternMismatchException",
							"Parameter value failed to satisfy constraint specified in AllowedPattern: "
									+ allowedPattern);
				}
			}
			catch (PatternSyntaxException ex) {
				throw AwsException.badRequest("InvalidAllowedPatternException",
						"The allowed pattern is not a valid regular expression: " + allowedPattern);
			}
		}
		String arn = parameterArn(region, owner, name);
		checkDenied("PutParameter", region, arn);
		NavigableMap<String, Parameter> parameters = parameters(region, owner);
		synchronized (parameters) {
			Parameter existing = parameters.get(name);
			if (existing != null && !overwrite) {
				throw AwsException.badRequest("ParameterAlreadyExists",
						"The parameter already exists. To overwrite this value, set the overwrite option in the "
								+ "request to true.");
			}
			Version latest = (existing != null) ? existing.latest() : null;
			String effectiveType = (type != null) ? type : (latest != null) ? latest.type() : null;
			if (effectiveType == null) {
				throw AwsException.validation("A parameter type is required when you create a parameter.");
			}
			if (keyId != null && !SECURE_STRING.equals(effectiveType)) {
				throw AwsException.validation("KeyId is required for SecureString type parameter only.");
			}
			String tier = tier(requestedTier, latest, value);
			String storedValue = value;
			String storedKeyId = null;
			if (SECURE_STRING.equals(effectiveType)) {
				storedKeyId = (keyId != null) ? keyId : KmsService.SSM_DEFAULT_ALIAS;
				storedValue = encrypt(region, storedKeyId, value, arn, tier, suite);
			}
			Parameter parameter = (existing != null) ? existing : new Parameter(name);
			int number = (latest != null) ? latest.number() + 1 : 1;
			if (parameter.versions.size() >= MAX_VERSIONS) {
				Version oldest = parameter.versions.firstEntry().getValue();
				if (!parameter.labelsOf(oldest.number()).isEmpty()) {
					throw AwsException.badRequest("ParameterMaxVersionLimitExceeded",
							"You attempted to create a new version of " + name + " by calling the PutParameter API "
									+ "with the overwrite flag. Version " + oldest.number()
									+ ", the oldest version, can't be deleted because it has a label associated "
									+ "with it. Move the label to another version of the parameter, and try again.");
				}
				parameter.versions.remove(oldest.number());
			}
			parameter.versions.put(number,
					new Version(number, effectiveType, storedValue, storedKeyId,
							(description != null) ? description : (latest != null) ? latest.description() : null,
							(allowedPattern != null) ? allowedPattern
									: (latest != null) ? latest.allowedPattern() : null,
							tier, (dataType != null) ? dataType : "text", Instant.now()));
			parameters.put(name, parameter);
			ObjectNode response = JsonRequest.object();
			response.put("Version", number);
			response.put("Tier", tier);
			return response;
		}
	}

	static String strip(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && name.charAt(start) == ' ') {
			start++;
		}
		while (end > start && name.charAt(end - 1) == ' ') {
			end--;
		}
		return name.substring(start, end);
	}

	private String tier(@Nullable String requested, @Nullable Version latest, String value) {
		int length = value.length();
		if (requested == null) {
			requested = (latest != null) ? latest.tier() : STANDARD;
		}
		if (INTELLIGENT_TIERING.equals(requested)) {
			return (length > 4096 || (latest != null && ADVANCED.equals(latest.tier()))) ? ADVANCED : STANDARD;
		}
		if (STANDARD.equals(requested) && latest != null && ADVANCED.equals(latest.tier())) {
			throw AwsException.validation("This parameter uses the advanced-parameter tier. You can't downgrade a "
					+ "parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you "
					+ "can delete the advanced parameter and recreate it as a standard parameter.");
		}
		if (STANDARD.equals(requested) && length > 4096) {
			throw AwsException.validation("Standard tier parameters support a maximum parameter value of 4096 "
					+ "characters. To create a larger parameter value, upgrade the parameter to use the "
					+ "advanced-parameter tier.");
		}
		if (length > 8192) {
			throw AwsException
				.validation("Advanced tier parameters support a maximum parameter value of 8192 " + "characters.");
		}
		return requested;
	}

	private String encrypt(String region, String keyId, String value, String arn, String tier, CryptoAlgorithm suite) {
		byte[] plaintext = value.getBytes(StandardCharsets.UTF_8);
		Map<String, String> context = Map.of(PARAMETER_ARN, arn);
		try {
			if (ADVANCED.equals(tier)) {
				return Base64.getEncoder()
					.encodeToString(this.messages.encrypt(region, keyId, plaintext, context, suite));
			}
			if (plaintext.length > 4096) {
				throw AwsException.validation("Standard tier parameters support a maximum parameter value of 4096 "
						+ "bytes once encoded as UTF-8; use the advanced-parameter tier for this value.");
			}
			return Base64.getEncoder()
				.encodeToString(this.kms.encryptFor(region, keyId, plaintext, context).ciphertext());
		}
		catch (AwsException ex) {
			throw kmsFailure(ex);
		}
	}

	private ObjectNode getParameter(String region, JsonRequest request) {
		String reference = request.requiredString("Name");
		boolean withDecryption = request.bool("WithDecryption");
		Selected selected = select(region, reference);
		checkDenied("GetParameter", region, selected.arn(region));
		Found found = find(region, selected);
		if (found == null) {
			throw AwsException.badRequest("ParameterNotFound", "Parameter " + reference + " not found.");
		}
		ObjectNode response = JsonRequest.object();
		response.set("Parameter", parameterNode(region, found, selected.selector(), withDecryption));
		return response;
	}

	private ObjectNode getParameters(String region, JsonRequest request) {
		List<String> names = request.stringList("Names");
		if (names == null) {
			throw AwsException.validation("1 validation error detected: Value null at 'names' failed to satisfy "
					+ "constraint: Member must not be null");
		}
		if (names.isEmpty() || names.size() > 10) {
			throw AwsException.validation("1 validation error detected: Value '" + names + "' at 'names' failed to "
					+ "satisfy constraint: Member must have length less than or equal to 10");
		}
		boolean withDecryption = request.bool("WithDecryption");
		List<Selected> selections = new ArrayList<>();
		for (String reference : new LinkedHashSet<>(names)) {
			Selected selected = select(region, reference);
			checkDenied("GetParameters", region, selected.arn(region));
			selections.add(selected);
		}
		selections.sort(Comparator.comparing(Selected::name).thenComparing(Selected::reference));
		ObjectNode response = JsonRequest.object();
		ArrayNode found = response.putArray("Parameters");
		ArrayNode invalid = response.putArray("InvalidParameters");
		for (Selected selected : selections) {
			Found parameter;
			try {
				parameter = find(region, selected);
			}
			catch (AwsException ex) {
				parameter = null;
			}
			if (parameter != null) {
				found.add(parameterNode(region, parameter, selected.selector(), withDecryption));
			}
			else {
				invalid.add(selected.reference());
			}
		}
		return response;
	}

	private ObjectNode getParametersByPath(String region, JsonRequest request) {
		String path = request.requiredString("Path");
		if (!path.startsWith("/") || !NAME.matcher(path).matches()) {
			throw AwsException.validation("The parameter doesn't meet the parameter name requirements. The "
					+ "parameter name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or "
					+ "\"ssm\" (case-insensitive). It must use only letters, numbers, or the following symbols: . "
					+ "(period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if "
					+ "specified, must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
		}
		String normalized = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		boolean recursive = request.bool("Recursive");
		boolean withDecryption = request.bool("WithDecryption");
		int maxResults = maxResults(request, 10);
		Predicate<Parameter> filter = filters(request.objectList("ParameterFilters"), false);
		checkDenied("GetParametersByPath", region, parameterArn(region, normalized));
		String prefix = normalized.equals("/") ? "/" : normalized + "/";
		List<Found> matches = new ArrayList<>();
		NavigableMap<String, Parameter> parameters = parameters(region);
		synchronized (parameters) {
			for (Parameter parameter : parameters.tailMap(prefix, true).values()) {
				if (!parameter.name.startsWith(prefix)) {
					break;
				}
				if ((recursive || parameter.name.indexOf('/', prefix.length()) < 0) && filter.test(parameter)) {
					matches.add(new Found(parameter.name, parameterArn(region, parameter.name), false,
							parameter.latest(), parameter.labelsOf(parameter.latest().number())));
				}
			}
		}
		ObjectNode response = JsonRequest.object();
		ArrayNode array = response.putArray("Parameters");
		Page<Found> page = page("GetParametersByPath", matches, Found::name, request.string("NextToken"), maxResults);
		for (Found found : page.items()) {
			array.add(parameterNode(region, found, null, withDecryption));
		}
		page.writeTo(response);
		return response;
	}

	private ObjectNode describeParameters(String region, JsonRequest request) {
		List<JsonRequest> legacyFilters = request.objectList("Filters");
		List<JsonRequest> parameterFilters = request.objectList("ParameterFilters");
		if (!legacyFilters.isEmpty() && !parameterFilters.isEmpty()) {
			throw AwsException.validation("You can use either Filters or ParameterFilters in a single request.");
		}
		Predicate<Parameter> filter = legacyFilters.isEmpty() ? filters(parameterFilters, true)
				: legacyFilters(legacyFilters);
		int maxResults = maxResults(request, 50);
		checkDenied("DescribeParameters", region, "*");
		List<Parameter> matches = new ArrayList<>();
		NavigableMap<String, Parameter> parameters = parameters(region);
		synchronized (parameters) {
			for (Parameter parameter : parameters.values()) {
				if (filter.test(parameter)) {
					matches.add(parameter);
				}
			}
		}
		ObjectNode response = JsonRequest.object();
		ArrayNode array = response.putArray("Parameters");
		Page<Parameter> page = page("DescribeParameters", matches, (parameter) -> parameter.name,
				request.string("NextToken"), maxResults);
		for (Parameter parameter : page.items()) {
			Version latest = parameter.latest();
			ObjectNode node = array.addObject();
			node.put("Name", parameter.name);
			node.put("ARN", parameterArn(region, parameter.name));
			describeVersion(node, latest);
		}
		page.writeTo(response);
		return response;
	}

	private ObjectNode getParameterHistory(String region, JsonRequest request) {
		String name = request.requiredString("Name");
		boolean withDecryption = request.bool("WithDecryption");
		int maxResults = maxResults(request, 50);
		Selected selected = select(region, name);
		String arn = selected.arn(region);
		checkDenied("GetParameterHistory", region, arn);
		List<Found> versions = new ArrayList<>();
		NavigableMap<String, Parameter> parameters = parameters(region, selected.owner());
		synchronized (parameters) {
			Parameter parameter = (selected.selector() == null) ? parameters.get(selected.name()) : null;
			if (parameter == null) {
				throw AwsException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
			}
			for (Version version : parameter.versions.values()) {
				versions.add(new Found(parameter.name, arn, selected.isShared(this.accountId), version,
						parameter.labelsOf(version.number())));
			}
		}
		ObjectNode response = JsonRequest.object();
		ArrayNode array = response.putArray("Parameters");
		Page<Found> page = page("GetParameterHistory", versions,
				(found) -> String.format("%010d", found.version().number()), request.string("NextToken"), maxResults);
		for (Found found : page.items()) {
			ObjectNode node = array.addObject();
			node.put("Name", found.reportedName());
			node.put("Value", value(region, found, withDecryption));
			describeVersion(node, found.version());
			ArrayNode labels = node.putArray("Labels");
			found.labels().forEach(labels::add);
		}
		page.writeTo(response);
		return response;
	}

	private ObjectNode labelParameterVersion(String region, JsonRequest request) {
		String name = request.requiredString("Name");
		Long requestedVersion = request.longValue("ParameterVersion");
		List<String> labels = request.stringList("Labels");
		if (labels == null || labels.isEmpty() || labels.size() > 10) {
			throw AwsException.validation("1 validation error detected: Value at 'labels' failed to satisfy "
					+ "constraint: Member must have length between 1 and 10");
		}
		checkDenied("LabelParameterVersion", region, parameterArn(region, name));
		NavigableMap<String, Parameter> parameters = parameters(region);
		synchronized (parameters) {
			Parameter parameter = parameters.get(name);
			if (parameter == null) {
				throw AwsException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
			}
			int version = (requestedVersion != null) ? requestedVersion.intValue() : parameter.latest().number();
			if (requestedVersion != null
					&& (requestedVersion > Integer.MAX_VALUE || !parameter.versions.containsKey(version))) {
				throw versionNotFound(requestedVersion, name);
			}
			List<String> valid = new ArrayList<>();
			ObjectNode response = JsonRequest.object();
			ArrayNode invalid = response.putArray("InvalidLabels");
			for (String label : new LinkedHashSet<>(labels)) {
				if (label.isEmpty() || label.length() > 100) {
					throw AwsException.validation("1 validation error detected: Value at 'labels' failed to satisfy "
							+ "constraint: Member must satisfy constraint: [Member must have length less than or equal "
							+ "to 100, Member must have length greater than or equal to 1]");
				}
				if (isValidLabel(label)) {
					valid.add(label);
				}
				else {
					invalid.add(label);
				}
			}
			Set<String> after = new TreeSet<>(parameter.labelsOf(version));
			after.addAll(valid);
			if (after.size() > MAX_LABELS_PER_VERSION) {
				throw AwsException.badRequest("ParameterVersionLabelLimitExceeded",
						"A parameter version can have maximum 10 labels.Move one or more labels to another version "
								+ "and try again.");
			}
			valid.forEach((label) -> parameter.labels.put(label, version));
			response.put("ParameterVersion", version);
			return response;
		}
	}

	private ObjectNode deleteParameter(String region, JsonRequest request) {
		String name = request.requiredString("Name");
		checkDenied("DeleteParameter", region, parameterArn(region, name));
		NavigableMap<String, Parameter> parameters = parameters(region);
		synchronized (parameters) {
			if (parameters.remove(name) == null) {
				throw AwsException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
			}
		}
		return JsonRequest.object();
	}

	private ObjectNode deleteParameters(String region, JsonRequest request) {
		List<String> names = request.stringList("Names");
		if (names == null || names.isEmpty() || names.size() > 10) {
			throw AwsException.validation("1 validation error detected: Value at 'names' failed to satisfy "
					+ "constraint: Member must have length between 1 and 10");
		}
		for (String name : names) {
			checkDenied("DeleteParameters", region, parameterArn(region, name));
		}
		ObjectNode response = JsonRequest.object();
		ArrayNode deleted = response.putArray("DeletedParameters");
		ArrayNode invalid = response.putArray("InvalidParameters");
		NavigableMap<String, Parameter> parameters = parameters(region);
		synchronized (parameters) {
			for (String name : new LinkedHashSet<>(names)) {
				if (parameters.remove(name) != null) {
					deleted.add(name);
				}
				else {
					invalid.add(name);
				}
			}
		}
		return response;
	}

	private ObjectNode parameterNode(String region, Found found, @Nullable String selector, boolean withDecryption) {
		ObjectNode node = JsonRequest.object();
		node.put("Name", found.reportedName());
		node.put("Type", found.version().type());
		node.put("Value", value(region, found, withDecryption));
		node.put("Version", found.version().number());
		if (selector != null) {
			node.put("Selector", ":" + selector);
		}
		node.put("LastModifiedDate", JsonRequest.timestamp(found.version().modified()));
		node.put("ARN", found.arn());
		node.put("DataType", found.version().dataType());
		return node;
	}

	private void describeVersion(ObjectNode node, Version version) {
		node.put("Type", version.type());
		if (version.keyId() != null) {
			node.put("KeyId", version.keyId());
		}
		node.put("LastModifiedDate", JsonRequest.timestamp(version.modified()));
		node.put("LastModifiedUser", "arn:aws:iam::" + this.accountId + ":user/local");
		if (version.description() != null) {
			node.put("Description", version.description());
		}
		if (version.allowedPattern() != null) {
			node.put("AllowedPattern", version.allowedPattern());
		}
		node.put("Version", version.number());
		node.put("Tier", version.tier());
		node.putArray("Policies");
		node.put("DataType", version.dataType());
	}

	private String value(String region, Found found, boolean withDecryption) {
		Version version = found.version();
		if (!SECURE_STRING.equals(version.type()) || !withDecryption) {
			return version.value();
		}
		byte[] ciphertext = Base64.getDecoder().decode(version.value());
		Map<String, String> context = Map.of(PARAMETER_ARN, found.arn());
		try {
			byte[] plaintext = ADVANCED.equals(version.tier()) ? this.messages.decrypt(region, ciphertext, context)
					: this.kms.decryptFor(region, ciphertext, context);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (AwsException ex) {
			throw kmsFailure(ex);
		}
	}

	// Parameter Store reports most KMS failures as InvalidKeyId, quoting the KMS error
	private static AwsException kmsFailure(AwsException ex) {
		String message = ex.getMessage() + " (Service: AWSKMS; Status Code: " + ex.status() + "; Error Code: "
				+ ex.code() + ")";
		if (ex.code().equals("AccessDeniedException")) {
			return AwsException.badRequest("AccessDeniedException", message);
		}
		return AwsException.badRequest("InvalidKeyId", message);
	}

	private @Nullable Found find(String region, Selected selected) {
		NavigableMap<String, Parameter> parameters = parameters(region, selected.owner());
		synchronized (parameters) {
			Parameter parameter = parameters.get(selected.name());
			if (parameter == null) {
				return null;
			}
			String selector = selected.selector();
			Version version;
			if (selector == null) {
				version = parameter.latest();
			}
			else if (selector.chars().allMatch(Character::isDigit)) {
				version = parameter.versions.get(parseVersion(selector));
				if (version == null) {
					throw versionNotFound(selector, selected.name());
				}
			}
			else {
				Integer number = parameter.labels.get(selector);
				if (number == null) {
					return null;
				}
				version = parameter.versions.get(number);
			}
			return new Found(parameter.name, selected.arn(region), selected.isShared(this.accountId), version,
					parameter.labelsOf(version.number()));
		}
	}

	private static int parseVersion(String selector) {
		try {
			return Integer.parseInt(selector);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private Selected select(String region, String reference) {
		String nameAndSelector = reference;
		String owner = this.accountId;
		if (reference.startsWith("arn:")) {
			String[] parts = reference.split(":", 6);
			String prefix = "arn:aws:ssm:" + region + ":";
			// A parameter of another account is served when that account shares one with
			// this one
			if (parts.length == 6 && reference.startsWith(prefix) && parts[5].startsWith("parameter/")
					&& !parts[4].equals(this.accountId) && this.regions.containsKey(storeKey(region, parts[4]))) {
				owner = parts[4];
			}
			prefix = prefix + owner + ":parameter/";
			if (!reference.startsWith(prefix)) {
				throw AwsException.validation("Parameter ARN " + reference + " is not in region " + region
						+ " of account " + this.accountId + ".");
			}
			String path = reference.substring(prefix.length());
			boolean bare = !path.contains("/") && parameters(region, owner).containsKey(path.split(":", 2)[0]);
			nameAndSelector = bare ? path : "/" + path;
		}
		int colon = nameAndSelector.indexOf(':');
		String name = (colon >= 0) ? nameAndSelector.substring(0, colon) : nameAndSelector;
		String selector = (colon >= 0) ? nameAndSelector.substring(colon + 1) : null;
		if (name.isEmpty() || !NAME.matcher(name).matches() || (selector != null && selector.isEmpty())) {
			throw AwsException.validation(NAME_RULES);
		}
		return new Selected(reference, name, selector, owner);
	}

	private void validateName(String region, String name) {
		if (!NAME.matcher(name).matches()) {
			throw AwsException.validation(NAME_RULES);
		}
		String bare = name.startsWith("/") ? name.substring(1) : name;
		String lower = bare.toLowerCase(Locale.ROOT);
		if (lower.startsWith("aws") || lower.startsWith("ssm")) {
			throw AwsException.validation(NAME_RULES);
		}
		if (name.contains("/") && !name.startsWith("/")) {
			throw AwsException.validation("Parameter name must be a fully qualified name.");
		}
		if (name.contains("//") || name.endsWith("/")) {
			throw AwsException.validation(NAME_RULES);
		}
		if (name.chars().filter((c) -> c == '/').count() > 15) {
			throw AwsException.badRequest("HierarchyLevelLimitExceededException",
					"A hierarchy can have a maximum of 15 levels. For more information, see Requirements and "
							+ "Constraints for Parameter Names in the AWS Systems Manager User Guide.");
		}
		if (parameterArn(region, name).length() > 1011) {
			throw AwsException.validation("Parameter name including its ARN must be at most 1011 characters.");
		}
	}

	private static boolean isValidLabel(String label) {
		String lower = label.toLowerCase(Locale.ROOT);
		return LABEL.matcher(label).matches() && !Character.isDigit(label.charAt(0)) && !lower.startsWith("aws")
				&& !lower.startsWith("ssm");
	}

	private Predicate<Parameter> filters(List<JsonRequest> filters, boolean describe) {
		Predicate<Parameter> result = (parameter) -> true;
		int index = 0;
		for (JsonRequest filter : filters) {
			index++;
			String key = filter.requiredString("Key");
			String option = filter.string("Option");
			List<String> values = filter.stringList("Values");
			List<String> given = (values != null) ? values : List.of();
			String member = "parameterFilters." + index + ".member";
			if (key.length() > 132 || !FILTER_KEY.matcher(key).matches()) {
				throw AwsException.validation("1 validation error detected: Value '" + key + "' at '" + member
						+ ".key' failed to satisfy constraint: Member must satisfy regular expression pattern: "
						+ FILTER_KEY.pattern());
			}
			if (given.size() > 50) {
				throw AwsException.validation("1 validation error detected: Value at '" + member
						+ ".values' failed to satisfy constraint: Member must have length less than or equal to 50");
			}
			// The ParameterStringFilter reference: every key but Label is valid for
			// DescribeParameters; GetParametersByPath takes only Type, KeyId and Label.
			if (describe ? key.equals("Label") : !List.of("Type", "KeyId", "Label").contains(key)) {
				String valid = describe ? "[Name, Path, Type, KeyId, Tier, DataType, tag:<key>]"
						: "[Type, KeyId, Label]";
				throw AwsException.badRequest("InvalidFilterKey", "The following filter key is not valid: " + key
						+ ". Valid filter keys include: " + valid + ".");
			}
			Predicate<Parameter> predicate = switch (key) {
				case "Name" -> {
					String effective = (option != null) ? option : "Equals";
					yield switch (effective) {
						case "Equals" ->
							(parameter) -> given.stream().anyMatch((value) -> sameName(parameter.name, value));
						case "BeginsWith" -> (parameter) -> given.stream()
							.anyMatch((value) -> parameter.name.startsWith(value)
									|| (!value.startsWith("/") && parameter.name.startsWith("/" + value)));
						case "Contains" -> (parameter) -> given.stream().anyMatch(parameter.name::contains);
						default -> throw invalidOption(effective, key);
					};
				}
				case "Path" -> {
					String effective = (option != null) ? option : "OneLevel";
					if (!effective.equals("OneLevel") && !effective.equals("Recursive")) {
						throw invalidOption(effective, key);
					}
					boolean recursive = effective.equals("Recursive");
					yield (parameter) -> given.stream().anyMatch((value) -> {
						String prefix = value.endsWith("/") ? value : value + "/";
						return parameter.name.startsWith(prefix)
								&& (recursive || parameter.name.indexOf('/', prefix.length()) < 0);
					});
				}
				case "Label" -> {
					requireEquals(option, key);
					yield (parameter) -> given.stream().anyMatch(parameter.labels::containsKey);
				}
				case "Type", "KeyId", "Tier", "DataType" -> {
					requireEquals(option, key);
					if (key.equals("Type")) {
						given.stream()
							.filter((value) -> !List.of(STRING, STRING_LIST, SECURE_STRING).contains(value))
							.findFirst()
							.ifPresent((value) -> {
								throw AwsException.badRequest("InvalidFilterValue",
										"The following filter value is not " + "valid: " + value
												+ ". Valid values include: [SecureString, StringList, String]");
							});
					}
					yield (parameter) -> given.contains(attribute(parameter, key));
				}
				// Tags are not recorded, so no parameter has the tag a filter asks for
				default -> {
					requireEquals(option, key);
					yield (parameter) -> false;
				}
			};
			if (given.isEmpty() && !key.equals("Path") && !key.startsWith("tag:")) {
				throw AwsException.badRequest("InvalidFilterValue",
						"The following filter values are missing : null for filter key " + key + ".");
			}
			result = result.and(predicate);
		}
		return result;
	}

	private static void requireEquals(@Nullable String option, String key) {
		if (option != null && !option.equals("Equals")) {
			throw invalidOption(option, key);
		}
	}

	private static boolean sameName(String name, String value) {
		return name.equals(value) || (!value.startsWith("/") && name.equals("/" + value));
	}

	private static @Nullable String attribute(Parameter parameter, String key) {
		Version latest = parameter.latest();
		return switch (key) {
			case "Type" -> latest.type();
			case "KeyId" -> latest.keyId();
			case "Tier" -> latest.tier();
			case "DataType" -> latest.dataType();
			default -> null;
		};
	}

	private Predicate<Parameter> legacyFilters(List<JsonRequest> filters) {
		Predicate<Parameter> result = (parameter) -> true;
		for (JsonRequest filter : filters) {
			String key = filter.requiredString("Key");
			List<String> values = filter.stringList("Values");
			List<String> given = (values != null) ? values : List.of();
			Predicate<Parameter> predicate = switch (key) {
				case "Name" -> (parameter) -> given.stream().anyMatch((value) -> parameter.name.startsWith(value));
				case "Type", "KeyId" -> (parameter) -> given.contains(attribute(parameter, key));
				default ->
					throw AwsException.badRequest("InvalidFilterKey", "The following filter key is not valid: " + key);
			};
			result = result.and(predicate);
		}
		return result;
	}

	private static AwsException invalidOption(String option, String key) {
		return AwsException.badRequest("InvalidFilterOption",
				"The following filter option is not valid: " + option + " for filter key " + key + ".");
	}

	private static int maxResults(JsonRequest request, int max) {
		Integer maxResults = request.integer("MaxResults");
		if (maxResults == null) {
			return max;
		}
		if (maxResults < 1 || maxResults > max) {
			throw AwsException.validation("1 validation error detected: Value '" + maxResults + "' at 'maxResults' "
					+ "failed to satisfy constraint: Member must have value less than or equal to " + max);
		}
		return maxResults;
	}

	private <T> Page<T> page(String operation, List<T> items, Function<T, String> key, @Nullable String nextToken,
			int limit) {
		int start = 0;
		if (nextToken != null) {
			String after = decodeToken(nextToken);
			while (start < items.size() && key.apply(items.get(start)).compareTo(after) <= 0) {
				start++;
			}
		}
		int size = limit;
		boolean tokenAtEnd = false;
		Random partial = this.faults.pageSizes(operation);
		if (partial != null) {
			// A quarter of the pages are empty, the others hold 1 to MaxResults items; a
			// page that reaches the end still has a token a quarter of the time.
			size = (partial.nextInt(4) == 0) ? 0 : 1 + partial.nextInt(limit);
			tokenAtEnd = partial.nextInt(4) == 0;
		}
		int end = Math.min(items.size(), start + size);
		String next = null;
		if (end < items.size() || (tokenAtEnd && start < items.size())) {
			next = encodeToken((end > 0) ? key.apply(items.get(end - 1)) : "");
		}
		return new Page<>(items.subList(start, end), next);
	}

	private static String encodeToken(String after) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((TOKEN_PREFIX + after).getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeToken(String token) {
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			decoded = "";
		}
		if (!decoded.startsWith(TOKEN_PREFIX)) {
			throw AwsException.badRequest("InvalidNextToken", "The specified token isn't valid.");
		}
		return decoded.substring(TOKEN_PREFIX.length());
	}

	private void checkDenied(String operation, String region, String arn) {
		boolean denied = this.faults.isDenied(operation, (resource) -> {
			String resourceArn = resource.startsWith("arn:") ? resource : parameterArn(region, resource);
			return KmsService.glob(resourceArn).matcher(arn).matches();
		});
		if (denied) {
			throw AwsException.badRequest("AccessDeniedException",
					"User: arn:aws:iam::" + this.accountId + ":user/local is not authorized to perform: ssm:"
							+ operation + " on resource: " + arn + " because no identity-based policy allows the ssm:"
							+ operation + " action");
		}
	}

	private static AwsException versionNotFound(Object version, String name) {
		return AwsException.badRequest("ParameterVersionNotFound", "Systems Manager could not find version " + version
				+ " of " + name + ". Verify the version and try again.");
	}

	private NavigableMap<String, Parameter> parameters(String region) {
		return parameters(region, this.accountId);
	}

	private NavigableMap<String, Parameter> parameters(String region, String owner) {
		return this.regions.computeIfAbsent(storeKey(region, owner), (key) -> new TreeMap<>());
	}

	private static String storeKey(String region, String owner) {
		return owner + " " + region;
	}

	private record Selected(String reference, String name, @Nullable String selector, String owner) {

		String arn(String region) {
			return parameterArn(region, this.owner, this.name);
		}

		boolean isShared(String accountId) {
			return !this.owner.equals(accountId);
		}

	}

	/**
	 * One version of a parameter as found; a shared one is named by its ARN, the only
	 * name the account it is shared with can give.
	 */
	private record Found(String name, String arn, boolean shared, Version version, List<String> labels) {

		String reportedName() {
			return this.shared ? this.arn : this.name;
		}

	}

	private record Version(int number, String type, String value, @Nullable String keyId, @Nullable String description,
			@Nullable String allowedPattern, String tier, String dataType, Instant modified) {
	}

	private record Page<T>(List<T> items, @Nullable String next) {

		void writeTo(ObjectNode response) {
			if (this.next != null) {
				response.put("NextToken", this.next);
			}
		}

	}

	private static final class Parameter {

		private final String name;

		private final NavigableMap<Integer, Version> versions = new TreeMap<>();

		private final Map<String, Integer> labels = new TreeMap<>();

		Parameter(String name) {
			this.name = name;
		}

		Version latest() {
			return this.versions.lastEntry().getValue();
		}

		List<String> labelsOf(int version) {
			List<String> result = new ArrayList<>();
			this.labels.forEach((label, number) -> {
				if (number == version) {
					result.add(label);
				}
			});
			return result;
		}

	}

}
