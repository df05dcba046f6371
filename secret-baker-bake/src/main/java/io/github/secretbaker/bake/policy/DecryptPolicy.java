package io.github.secretbaker.bake.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The least-privilege IAM statement that lets a function decrypt its baked secrets:
 * {@code kms:Decrypt} on exactly the keys used, only for the baked parameters' encryption
 * contexts.
 *
 * @param keyArns the key ARNs, sorted
 * @param parameterArns the parameter ARNs, sorted
 * @param warnings what the statement could not be checked against, one sentence each, such
 * as given keys that no entry of the file confirms
 * @since 0.1.0
 */
public record DecryptPolicy(List<String> keyArns, List<String> parameterArns, List<String> warnings) {

	/**
	 * The condition key SSM binds each ciphertext to.
	 */
	public static final String ENCRYPTION_CONTEXT_KEY = "kms:EncryptionContext:PARAMETER_ARN";

	/**
	 * The statement id.
	 */
	public static final String STATEMENT_ID = "SecretBakerDecrypt";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.build();

	/**
	 * Create a new {@link DecryptPolicy}.
	 */
	public DecryptPolicy {
		keyArns = List.copyOf(keyArns);
		parameterArns = List.copyOf(parameterArns);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Return the statement as IAM JSON structure. A list under {@code StringEquals} matches
	 * any one of its values.
	 * @return the statement
	 */
	public Map<String, Object> statement() {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("Sid", STATEMENT_ID);
		statement.put("Effect", "Allow");
		statement.put("Action", "kms:Decrypt");
		statement.put("Resource", this.keyArns);
		statement.put("Condition", Map.of("StringEquals", Map.of(ENCRYPTION_CONTEXT_KEY, this.parameterArns)));
		return statement;
	}

	/**
	 * Return a complete policy document holding the statement.
	 * @return the document
	 */
	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("Version", "2012-10-17");
		document.put("Statement", List.of(statement()));
		return document;
	}

	/**
	 * Render the statement, or the whole document, as JSON.
	 * @param document whether to render a complete policy document
	 * @return the JSON, ending with a newline
	 */
	public String toJson(boolean document) {
		return JSON.writeValueAsString(document ? document() : statement()) + "\n";
	}

	/**
	 * Render the statement, or the whole document, as YAML, ready to paste into a
	 * CloudFormation or SAM template.
	 * @param document whether to render a complete policy document
	 * @return the YAML
	 */
	public String toYaml(boolean document) {
		return YAML.writeValueAsString(document ? document() : statement());
	}

}
