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

package io.github.secretbaker.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.secretbaker.format.BakedSecretsLocation;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.KmsClientType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretBakerProperties} and its generated configuration metadata.
 */
class SecretBakerPropertiesTests {

	@Test
	void defaultValuesAreConsistentWithCore() {
		SecretBakerProperties properties = new SecretBakerProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocation()).isEqualTo(BakedSecretsLocation.DEFAULT);
		assertThat(properties.isRequired()).isFalse();
		assertThat(properties.getTimeout()).isEqualTo(BakedSecretsDecrypter.DEFAULT_TIMEOUT);
		assertThat(properties.getConcurrency()).isEqualTo(BakedSecretsDecrypter.DEFAULT_CONCURRENCY);
		assertThat(properties.getMode()).isEqualTo(SecretBakerProperties.Mode.EAGER);
		assertThat(properties.getInclude()).isEmpty();
		assertThat(properties.getRegion()).isNull();
		assertThat(properties.getEndpoint()).isNull();
		assertThat(properties.isAllowInsecureEndpoint()).isFalse();
		assertThat(properties.getPropertyPrefix()).isNull();
		assertThat(properties.getFips()).isNull();
		assertThat(properties.getClient()).isEqualTo(KmsClientType.DEFAULT);
		assertThat(properties.isBackground()).isTrue();
		assertThat(properties.getSnapshot()).isEqualTo(SecretBakerProperties.Snapshot.BEFORE_CHECKPOINT);
	}

	@Test
	void describesTheDefaultsOfCoreInTheConfigurationMetadata() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		for (JsonNode property : metadata().get("properties")) {
			properties.put(property.get("name").asString(), property);
		}
		assertThat(defaultValue(properties, "location").asString()).isEqualTo(BakedSecretsLocation.DEFAULT);
		assertThat(DurationStyle.detectAndParse(defaultValue(properties, "timeout").asString()))
			.isEqualTo(BakedSecretsDecrypter.DEFAULT_TIMEOUT);
		assertThat(defaultValue(properties, "concurrency").asInt())
			.isEqualTo(BakedSecretsDecrypter.DEFAULT_CONCURRENCY);
		assertThat(defaultValue(properties, "client").asString())
			.isEqualTo(KmsClientType.DEFAULT.name().toLowerCase(Locale.ROOT));
		assertThat(defaultValue(properties, "mode").asString()).isEqualTo("eager");
		assertThat(defaultValue(properties, "enabled").asBoolean()).isTrue();
	}

	@Test
	void describesEveryPropertyInTheConfigurationMetadata() throws Exception {
		JsonNode metadata = metadata();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith(SecretBakerProperties.PREFIX + ".")) {
				names.add(name);
				assertThat(property.path("description").asString()).as(name).isNotBlank().endsWith(".");
			}
		}
		assertThat(names).containsExactlyInAnyOrder("secret-baker.enabled", "secret-baker.location",
				"secret-baker.required", "secret-baker.timeout", "secret-baker.concurrency", "secret-baker.region",
				"secret-baker.endpoint", "secret-baker.include", "secret-baker.mode", "secret-baker.property-prefix",
				"secret-baker.fips", "secret-baker.client", "secret-baker.background", "secret-baker.snapshot",
				"secret-baker.allow-insecure-endpoint");
	}

	private static JsonNode defaultValue(Map<String, JsonNode> properties, String name) {
		JsonNode property = properties.get(SecretBakerProperties.PREFIX + "." + name);
		assertThat(property).as(name).isNotNull();
		assertThat(property.has("defaultValue")).as("default of " + name).isTrue();
		return property.get("defaultValue");
	}

	private static JsonNode metadata() throws Exception {
		URL classes = SecretBakerProperties.class.getProtectionDomain().getCodeSource().getLocation();
		try (InputStream in = new URL(classes, "META-INF/spring-configuration-metadata.json").openStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
