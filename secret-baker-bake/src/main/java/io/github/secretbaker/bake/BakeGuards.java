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

package io.github.secretbaker.bake;

import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.bake.BakeProblem.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The guards a parameter passes before it is baked: a SecureString, whose value is a KMS
 * ciphertext, under a key other than the AWS managed key, so that the function can
 * decrypt it with KMS alone and no value ships in clear.
 */
final class BakeGuards {

	private BakeGuards() {
	}

	/**
	 * Check the type and value of a fetched parameter.
	 * @param parameter the parameter as {@code GetParameters} returned it, not decrypted
	 * @return why it cannot be baked, or {@code null} if it can
	 */
	static @Nullable ParameterFailure checkValue(Parameter parameter) {
		if (parameter.type() != ParameterType.SECURE_STRING) {
			return new ParameterFailure(Kind.NOT_SECURE_STRING,
					"parameter is a " + parameter.typeAsString()
							+ ", not a SecureString: its value would ship in clear inside the artifact; "
							+ "store it as a SecureString encrypted with a customer managed KMS key");
		}
		String problem = KmsCiphertexts.findProblem(parameter.value());
		return (problem != null) ? new ParameterFailure(Kind.NOT_KMS_CIPHERTEXT, problem) : null;
	}

	/**
	 * Check the key of a parameter version.
	 * @param keyArn the key as {@link KeyMetadataReader} read it, or {@code null} if not
	 * known
	 * @return why the parameter cannot be baked, or {@code null} if it can
	 */
	static @Nullable ParameterFailure checkKey(@Nullable String keyArn) {
		KmsKeyReference key = (keyArn != null) ? KmsKeyReference.parse(keyArn) : null;
		if (key != null && key.isAwsManagedSsmKey()) {
			return new ParameterFailure(Kind.AWS_MANAGED_KEY,
					"parameter is encrypted with the AWS managed key " + KmsKeyReference.AWS_MANAGED_SSM_KEY_ALIAS
							+ ", which only SSM itself may use, so the function could not decrypt it; "
							+ "overwrite it with a customer managed KMS key (PutParameter --key-id <key> --overwrite)");
		}
		return null;
	}

}
