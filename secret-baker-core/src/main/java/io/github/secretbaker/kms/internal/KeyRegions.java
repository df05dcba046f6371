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

package io.github.secretbaker.kms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The region to call KMS in when neither the settings nor {@code AWS_REGION} give one:
 * the region that every baked secret's key ARN names (its parameter ARN when no key is
 * recorded), since a ciphertext opens only in its key's region.
 *
 * @since 0.1.0
 */
public final class KeyRegions {

	private static final String AWS_REGION = "AWS_REGION";

	private KeyRegions() {
	}

	/**
	 * Return the given settings or, when neither they nor the environment name a region,
	 * the settings with the region of the secrets' keys.
	 * @param settings the settings of the client to create
	 * @param secrets the secrets the client will decrypt
	 * @param environment the environment variables; returns {@code null} for one not set
	 * @return the settings to create the client with
	 * @throws KmsDecryptException of kind {@link Kind#CLIENT_CONFIGURATION} if no region
	 * is configured and the keys are in more than one region
	 */
	public static KmsClientSettings apply(KmsClientSettings settings, BakedSecrets secrets,
			Function<String, @Nullable String> environment) {
		String configured = environment.apply(AWS_REGION);
		if (settings.region() != null || (configured != null && !configured.isBlank())) {
			return settings;
		}
		Map<String, List<String>> namesByRegion = new TreeMap<>();
		for (BakedSecret secret : secrets.asList()) {
			String region = Arn.regionOf(secret.keyId());
			region = (region != null) ? region : Arn.regionOf(secret.arn());
			if (region != null) {
				namesByRegion.computeIfAbsent(region, (key) -> new ArrayList<>()).add(secret.name());
			}
		}
		if (namesByRegion.size() > 1) {
			throw new KmsDecryptException(Kind.CLIENT_CONFIGURATION, null, "no AWS region is configured "
					+ "(secret-baker.region or " + AWS_REGION + ") and the baked keys are in " + namesByRegion.size()
					+ " regions ("
					+ namesByRegion.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + ": " + String.join(", ", new TreeSet<>(entry.getValue())))
						.collect(Collectors.joining("; "))
					+ "); set secret-baker.region to the region to call KMS in");
		}
		return namesByRegion.isEmpty() ? settings : settings.withRegion(namesByRegion.keySet().iterator().next());
	}

}
