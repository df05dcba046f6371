package io.github.secretbaker.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.runtime.BakedSecretsLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretBakerProperties} and its generated configuration metadata.
 */
class SecretBakerPropertiesTests {

	@Test
	void defaultValuesAreConsistentWithCore() {
		SecretBakerProperties properties = new SecretBakerProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocation()).isEqualTo(BakedSecretsLoader.DEFAULT_LOCATION);
		assertThat(properties.isRequired()).isFalse();
		assertThat(properties.getTimeout()).isEqualTo(BakedSecretsDecryptor.DEFAULT_TIMEOUT);
		assertThat(properties.getConcurrency()).isEqualTo(BakedSecretsDecryptor.DEFAULT_CONCURRENCY);
		assertThat(properties.getMode()).isEqualTo(SecretBakerProperties.Mode.EAGER);
		assertThat(properties.getInclude()).isEmpty();
		assertThat(properties.getRegion()).isNull();
		assertThat(properties.getEndpoint()).isNull();
		assertThat(properties.getPropertyPrefix()).isNull();
		assertThat(properties.getFips()).isNull();
		assertThat(properties.getClient()).isEqualTo(KmsClientType.HTTP);
		assertThat(properties.isBackground()).isTrue();
		assertThat(properties.getSnapshot()).isEqualTo(SecretBakerProperties.Snapshot.BEFORE_CHECKPOINT);
	}

	@Test
	void describesEveryPropertyInTheConfigurationMetadata() throws Exception {
		JsonNode metadata;
		URL classes = SecretBakerProperties.class.getProtectionDomain().getCodeSource().getLocation();
		try (InputStream in = new URL(classes, "META-INF/spring-configuration-metadata.json").openStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
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
				"secret-baker.fips", "secret-baker.client", "secret-baker.background", "secret-baker.snapshot");
	}

}
