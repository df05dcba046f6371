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

package io.github.secretbaker.bake.policy;

import java.util.List;

import io.github.secretbaker.aws.DecryptPermission;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The least-privilege IAM statement that lets a function decrypt its baked secrets:
 * {@code kms:Decrypt} on exactly the keys used, only for the baked parameters' encryption
 * contexts, with what could not be checked. The statement itself is core's
 * {@link DecryptPermission}, which the runtime's access-denied report renders too.
 *
 * @param keyArns the key ARNs, sorted
 * @param parameterArns the parameter ARNs, sorted
 * @param warnings what the statement could not be checked against, one sentence each,
 * such as given keys that no entry of the file confirms
 * @since 0.1.0
 */
public record DecryptPolicy(List<String> keyArns, List<String> parameterArns, List<String> warnings) {

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
	 * Return the permission this policy grants, the model that renders it.
	 * @return the permission
	 */
	public DecryptPermission permission() {
		return new DecryptPermission(this.keyArns, this.parameterArns);
	}

	/**
	 * Render the statement, or the whole document, as JSON.
	 * @param document whether to render a complete policy document
	 * @return the JSON, ending with a newline
	 */
	public String toJson(boolean document) {
		return permission().toJson(document);
	}

	/**
	 * Render the statement, or the whole document, as YAML, ready to paste into a
	 * CloudFormation or SAM template.
	 * @param document whether to render a complete policy document
	 * @return the YAML
	 */
	public String toYaml(boolean document) {
		DecryptPermission permission = permission();
		return YAML.writeValueAsString(document ? permission.document() : permission.statement());
	}

}
