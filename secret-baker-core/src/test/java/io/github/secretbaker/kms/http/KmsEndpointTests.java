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

package io.github.secretbaker.kms.http;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KmsEndpoint}: the endpoints of the SDK's KMS endpoint rules.
 */
class KmsEndpointTests {

	private final Map<String, String> environment = new HashMap<>();

	@ParameterizedTest(name = "{0}, FIPS {1} -> {2}")
	@CsvSource({ "us-east-1, false, https://kms.us-east-1.amazonaws.com/",
			"eu-west-1, true, https://kms-fips.eu-west-1.amazonaws.com/",
			"cn-north-1, false, https://kms.cn-north-1.amazonaws.com.cn/",
			"cn-northwest-1, true, https://kms-fips.cn-northwest-1.amazonaws.com.cn/",
			"us-gov-west-1, false, https://kms.us-gov-west-1.amazonaws.com/",
			"us-gov-east-1, true, https://kms-fips.us-gov-east-1.amazonaws.com/",
			"us-iso-east-1, false, https://kms.us-iso-east-1.c2s.ic.gov/",
			"us-isob-east-1, false, https://kms.us-isob-east-1.sc2s.sgov.gov/",
			"us-isof-south-1, false, https://kms.us-isof-south-1.csp.hci.ic.gov/",
			"eu-isoe-west-1, false, https://kms.eu-isoe-west-1.cloud.adc-e.uk/",
			"eusc-de-east-1, false, https://kms.eusc-de-east-1.amazonaws.eu/",
			"mx-central-1, false, https://kms.mx-central-1.amazonaws.com/",
			"xx-future-1, false, https://kms.xx-future-1.amazonaws.com/" })
	void resolvesTheRegionalEndpointOfThePartition(String region, boolean fips, String endpoint) {
		assertThat(resolve(new KmsClientSettings(region, null, fips, Duration.ofSeconds(5))))
			.isEqualTo(new KmsEndpoint(URI.create(endpoint), region));
	}

	@Test
	void takesTheRegionFromTheEnvironment() {
		this.environment.put("AWS_REGION", "ap-southeast-2");
		assertThat(resolve(KmsClientSettings.defaults()))
			.isEqualTo(new KmsEndpoint(URI.create("https://kms.ap-southeast-2.amazonaws.com/"), "ap-southeast-2"));
	}

	@Test
	void prefersTheConfiguredRegion() {
		this.environment.put("AWS_REGION", "ap-southeast-2");
		assertThat(resolve(KmsClientSettings.defaults().withRegion("eu-central-1")).region()).isEqualTo("eu-central-1");
	}

	@Test
	void takesFipsFromTheEnvironment() {
		this.environment.put("AWS_USE_FIPS_ENDPOINT", "TRUE");
		assertThat(resolve(KmsClientSettings.defaults().withRegion("us-east-2")).uri())
			.isEqualTo(URI.create("https://kms-fips.us-east-2.amazonaws.com/"));
	}

	@Test
	void prefersTheConfiguredFipsChoice() {
		this.environment.put("AWS_USE_FIPS_ENDPOINT", "true");
		assertThat(resolve(KmsClientSettings.defaults().withRegion("us-east-2").withFips(false)).uri())
			.isEqualTo(URI.create("https://kms.us-east-2.amazonaws.com/"));
	}

	@Test
	void prefersTheConfiguredEndpointToTheEnvironments() {
		this.environment.put("AWS_ENDPOINT_URL_KMS", "https://kms.example.com");
		this.environment.put("AWS_ENDPOINT_URL", "https://all.example.com");
		KmsClientSettings settings = KmsClientSettings.defaults()
			.withRegion("eu-west-1")
			.withEndpoint(URI.create("http://localhost:4566"));
		assertThat(resolve(settings)).isEqualTo(new KmsEndpoint(URI.create("http://localhost:4566/"), "eu-west-1"));
	}

	@Test
	void prefersTheKmsEndpointVariableToTheGlobalOne() {
		this.environment.put("AWS_ENDPOINT_URL_KMS", "https://vpce-1.kms.eu-west-1.vpce.amazonaws.com");
		this.environment.put("AWS_ENDPOINT_URL", "https://all.example.com");
		assertThat(resolve(KmsClientSettings.defaults().withRegion("eu-west-1")).uri())
			.isEqualTo(URI.create("https://vpce-1.kms.eu-west-1.vpce.amazonaws.com/"));
	}

	@Test
	void takesTheGlobalEndpointVariable() {
		this.environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4566/base/");
		assertThat(resolve(KmsClientSettings.defaults().withRegion("eu-west-1")).uri())
			.isEqualTo(URI.create("http://127.0.0.1:4566/base/"));
	}

	@Test
	void refusesFipsWithACustomEndpointAsTheSdkDoes() {
		this.environment.put("AWS_ENDPOINT_URL", "https://all.example.com");
		assertConfigurationFailure(KmsClientSettings.defaults().withRegion("eu-west-1").withFips(true),
				"a FIPS endpoint and a custom endpoint cannot be combined; unset secret-baker.fips or "
						+ "AWS_USE_FIPS_ENDPOINT, or the endpoint override");
	}

	@Test
	void failsWithoutARegion() {
		assertConfigurationFailure(KmsClientSettings.defaults(),
				"no AWS region is known; set secret-baker.region or AWS_REGION");
	}

	@Test
	void refusesARegionThatIsNotAHostLabel() {
		assertConfigurationFailure(KmsClientSettings.defaults().withRegion("eu-west-1.evil.example"),
				"the AWS region 'eu-west-1.evil.example' is not a valid region name");
	}

	@Test
	void refusesAnEndpointWithoutHost() {
		this.environment.put("AWS_ENDPOINT_URL_KMS", "kms.example.com");
		assertConfigurationFailure(KmsClientSettings.defaults().withRegion("eu-west-1"),
				"the endpoint in AWS_ENDPOINT_URL_KMS must be an http or https URL with a host");
	}

	@ParameterizedTest
	@CsvSource({ "secret-baker.endpoint, http://kms.example.com", "AWS_ENDPOINT_URL_KMS, http://10.0.0.5:4566",
			"AWS_ENDPOINT_URL, http://[2001:db8::1]:4566" })
	void refusesPlainHttpToAnotherHostWithoutTheOptIn(String source, String endpoint) {
		KmsClientSettings settings = KmsClientSettings.defaults().withRegion("eu-west-1");
		if (source.equals("secret-baker.endpoint")) {
			settings = settings.withEndpoint(URI.create(endpoint));
		}
		else {
			this.environment.put(source, endpoint);
		}
		String host = URI.create(endpoint).getHost();
		KmsClientSettings refused = settings;
		assertThatExceptionOfType(KmsDecryptException.class).isThrownBy(() -> resolve(refused)).satisfies((ex) -> {
			assertThat(ex.getKind()).isEqualTo(Kind.INSECURE_ENDPOINT);
			assertThat(ex.getDetail()).isEqualTo("the endpoint in " + source + " is plain http to " + host
					+ ", a host that is not this machine: signed requests, session tokens and secrets would cross "
					+ "the network in clear. Use https, or set secret-baker.allow-insecure-endpoint=true if that "
					+ "network path is trusted");
		});
		assertThat(resolve(settings.withAllowInsecureEndpoint(true)).uri().getHost()).isEqualTo(host);
	}

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:4566", "http://127.10.0.1:4566", "http://localhost:4566", "http://[::1]:4566",
			"https://kms.example.com" })
	void allowsPlainHttpToThisMachineAndHttpsAnywhere(String endpoint) {
		KmsClientSettings settings = KmsClientSettings.defaults()
			.withRegion("eu-west-1")
			.withEndpoint(URI.create(endpoint));
		assertThat(resolve(settings).uri()).isEqualTo(URI.create(endpoint + "/"));
	}

	@Test
	void refusesAFipsSettingThatIsNotABoolean() {
		this.environment.put("AWS_USE_FIPS_ENDPOINT", "yes");
		assertConfigurationFailure(KmsClientSettings.defaults().withRegion("eu-west-1"),
				"AWS_USE_FIPS_ENDPOINT must be true or false");
	}

	private void assertConfigurationFailure(KmsClientSettings settings, String detail) {
		assertThatExceptionOfType(KmsDecryptException.class).isThrownBy(() -> resolve(settings)).satisfies((ex) -> {
			assertThat(ex.getKind()).isEqualTo(Kind.CLIENT_CONFIGURATION);
			assertThat(ex.getDetail()).isEqualTo(detail);
		});
	}

	private KmsEndpoint resolve(KmsClientSettings settings) {
		return KmsEndpoint.resolve(settings, this::env);
	}

	private @Nullable String env(String name) {
		return this.environment.get(name);
	}

}
