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

package io.github.secretbaker.aws.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.github.secretbaker.aws.Arn;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SigV4Signer}: AWS's published example, and every header byte for byte
 * equal to what the AWS SDK's {@link AwsV4HttpSigner} adds to the same request.
 */
class SigV4SignerTests {

	private static final String EXAMPLE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

	private static final String EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	private static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");

	private static final Map<String, List<String>> REGIONS_BY_PARTITION = regionsByPartition();

	private static final Map<String, String> DNS_SUFFIX_BY_PARTITION = Map.of("aws", "amazonaws.com", "aws-cn",
			"amazonaws.com.cn", "aws-us-gov", "amazonaws.com", "aws-iso", "c2s.ic.gov", "aws-iso-b", "sc2s.sgov.gov",
			"aws-iso-f", "csp.hci.ic.gov", "aws-iso-e", "cloud.adc-e.uk", "aws-eusc", "amazonaws.eu");

	private static final List<Instant> BOUNDARIES = List.of(Instant.parse("2026-12-07T23:59:59.999Z"),
			Instant.parse("2026-12-08T00:00:00.000Z"), Instant.parse("2026-01-31T23:59:59.999Z"),
			Instant.parse("2026-02-01T00:00:00.000Z"), Instant.parse("2028-02-28T23:59:59.999Z"),
			Instant.parse("2028-02-29T00:00:00.000Z"), Instant.parse("2028-02-29T23:59:59.999Z"),
			Instant.parse("2028-03-01T00:00:00.000Z"), Instant.parse("2026-12-31T23:59:59.999Z"),
			Instant.parse("2027-01-01T00:00:00.000Z"), Instant.parse("2099-12-31T23:59:59.999Z"),
			Instant.parse("2000-01-01T00:00:00.000Z"));

	private static final String AWKWARD = "\"quoted\", with commas, spaces,\ttabs, trailing newline\n"
			+ "regex .*+?^$[](){}|\\ and unicode é 日本語 🔑 ";

	private final AwsV4HttpSigner oracle = AwsV4HttpSigner.create();

	// The GET Object example of Amazon S3's "Signature Calculations for the Authorization
	// Header" page: an empty body, its hash signed in x-amz-content-sha256, and a path
	// with nothing to encode (S3 alone signs a path encoded only once).
	@Test
	void signsAwsPublishedGetObjectExample() {
		SigV4Signer signer = new SigV4Signer("us-east-1", "s3");
		SigV4Signer.SignedHeaders headers = signer.sign(
				new SigV4Signer.Request("GET", "examplebucket.s3.amazonaws.com", "/test.txt",
						Map.of("Range", "bytes=0-9"), new byte[0]),
				new SigV4Signer.Credentials(EXAMPLE_ACCESS_KEY_ID, EXAMPLE_SECRET_ACCESS_KEY, null), EXAMPLE_TIME);
		assertThat(headers.amzDate()).isEqualTo("20130524T000000Z");
		assertThat(headers.contentSha256())
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(headers.securityToken()).isNull();
		assertThat(headers.authorization())
			.isEqualTo("AWS4-HMAC-SHA256 " + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
					+ "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
					+ "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
	}

	@Test
	void addsEveryHeaderExactlyAsTheSdkSignerDoesForRandomKmsDecryptRequests() {
		Random random = new Random(0x5164_5634L);
		int compared = 0;
		for (Map.Entry<String, List<String>> partition : REGIONS_BY_PARTITION.entrySet()) {
			for (String region : partition.getValue()) {
				assertThat(Arn.parse("arn:" + partition.getKey() + ":kms:" + region + ":123456789012:key/k")).as(region)
					.isNotNull();
				SigV4Signer signer = new SigV4Signer(region, "kms");
				for (URI endpoint : endpoints(partition.getKey(), region, random)) {
					for (int i = 0; i < 12; i++) {
						Instant time = (i < 6) ? BOUNDARIES.get(random.nextInt(BOUNDARIES.size()))
								: Instant.ofEpochMilli(1_700_000_000_000L + (long) (random.nextDouble() * 4e11));
						String token = (i % 2 == 0) ? sessionToken(random) : null;
						assertSignsAsTheSdk(signer, endpoint, decryptBody(random), randomCredentials(random, token),
								time);
						compared++;
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(1000);
	}

	@Test
	void addsEveryHeaderExactlyAsTheSdkSignerDoesForBodiesOfAnyBytesAndAwkwardHeaderValues() {
		Random random = new Random(42);
		SigV4Signer signer = new SigV4Signer("eu-west-1", "kms");
		URI endpoint = URI.create("https://kms.eu-west-1.amazonaws.com/");
		for (int i = 0; i < 300; i++) {
			byte[] body = new byte[random.nextInt(5000)];
			random.nextBytes(body);
			Map<String, String> headers = new LinkedHashMap<>(kmsHeaders());
			headers.put("X-Custom-" + i, "  " + AWKWARD.replace('\n', ' ') + "   \t  spaced  ");
			assertSignsAsTheSdk(signer, endpoint, headers, body,
					padded(randomCredentials(random, (i % 3 == 0) ? null : sessionToken(random))),
					BOUNDARIES.get(i % BOUNDARIES.size()));
		}
	}

	@Test
	void signsPercentEncodedPathsAsTheSdkSignerDoes() {
		Random random = new Random(7);
		SigV4Signer signer = new SigV4Signer("us-west-2", "kms");
		for (String path : List.of("", "/", "/kms", "/kms/", "/a%20b/c~d", "/%E6%97%A5/x-y_z.w", "/a+b*c@d:e",
				"/proxy/kms/endpoint/")) {
			URI endpoint = URI.create("https://proxy.example.com:8443" + path);
			assertSignsAsTheSdk(signer, endpoint, decryptBody(random), randomCredentials(random, null),
					BOUNDARIES.get(0));
		}
	}

	@Test
	void reusesTheSigningKeyOnlyForTheSameSecretAndDay() {
		SigV4Signer signer = new SigV4Signer("eu-central-1", "kms");
		Random random = new Random(3);
		URI endpoint = URI.create("https://kms.eu-central-1.amazonaws.com/");
		byte[] body = decryptBody(random);
		for (String secret : List.of("first-secret", "second-secret", "first-secret")) {
			for (Instant time : BOUNDARIES) {
				assertSignsAsTheSdk(signer, endpoint, body, new RawCredentials("AKIA0000000000000000", secret, null),
						time);
			}
		}
	}

	@Test
	void refusesHeadersTheSignerSetsAndPathsThatAreNotNormalized() {
		SigV4Signer signer = new SigV4Signer("eu-west-1", "kms");
		SigV4Signer.Credentials credentials = new SigV4Signer.Credentials("AKIA", "secret", null);
		for (String name : List.of("Host", "x-amz-date", "AUTHORIZATION", "X-Amz-Security-Token",
				"X-Amz-Content-SHA256")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> signer.sign(new SigV4Signer.Request("POST", "h", "/", Map.of(name, "v"), new byte[0]),
						credentials, EXAMPLE_TIME))
				.withMessageContaining(name);
		}
		for (String path : List.of("kms", "//kms", "/a/./b", "/a/../b", "/a/..", "/a/.")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new SigV4Signer.Request("POST", "h", path, Map.of(), new byte[0]))
				.withMessageContaining("normalized");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new SigV4Signer("eu west 1", "kms"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SigV4Signer("eu-west-1", "kms/x"));
	}

	@Test
	void keepsCredentialsAndTheSignatureOutOfEveryToString() {
		String token = "session-token-" + AWKWARD;
		SigV4Signer.Credentials credentials = new SigV4Signer.Credentials("AKIAEXAMPLE000000000", "secret-key-value",
				token);
		SigV4Signer signer = new SigV4Signer("eu-west-1", "kms");
		SigV4Signer.SignedHeaders headers = signer.sign(
				new SigV4Signer.Request("POST", "kms.eu-west-1.amazonaws.com", "/", kmsHeaders(), new byte[0]),
				credentials, EXAMPLE_TIME);
		String signature = headers.authorization().substring(headers.authorization().indexOf("Signature=") + 10);
		for (Object object : List.of(credentials, headers, signer)) {
			assertThat(object.toString()).doesNotContain("AKIAEXAMPLE000000000")
				.doesNotContain("secret-key-value")
				.doesNotContain("session-token")
				.doesNotContain(signature);
		}
	}

	@Test
	void namesTheHostWithItsPortUnlessItIsTheDefaultOfTheScheme() {
		assertThat(SigV4Signer.hostHeader(URI.create("https://kms.eu-west-1.amazonaws.com/")))
			.isEqualTo("kms.eu-west-1.amazonaws.com");
		assertThat(SigV4Signer.hostHeader(URI.create("https://localhost:443/"))).isEqualTo("localhost");
		assertThat(SigV4Signer.hostHeader(URI.create("http://localhost:80/"))).isEqualTo("localhost");
		assertThat(SigV4Signer.hostHeader(URI.create("http://localhost:443/"))).isEqualTo("localhost:443");
		assertThat(SigV4Signer.hostHeader(URI.create("https://127.0.0.1:8443/"))).isEqualTo("127.0.0.1:8443");
	}

	private void assertSignsAsTheSdk(SigV4Signer signer, URI endpoint, byte[] body, RawCredentials credentials,
			Instant time) {
		assertSignsAsTheSdk(signer, endpoint, kmsHeaders(), body, credentials, time);
	}

	private void assertSignsAsTheSdk(SigV4Signer signer, URI endpoint, Map<String, String> headers, byte[] body,
			RawCredentials credentials, Instant time) {
		SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint);
		headers.forEach(request::putHeader);
		AwsCredentialsIdentity identity = (credentials.sessionToken() != null)
				? AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
						credentials.sessionToken())
				: AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
		SdkHttpRequest signed = this.oracle
			.sign((sign) -> sign.identity(identity)
				.request(request.build())
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
				.putProperty(AwsV4HttpSigner.REGION_NAME, signer.region())
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC)))
			.request();
		Map<String, String> added = new TreeMap<>();
		signed.forEachHeader((name, values) -> {
			if (!headers.containsKey(name)) {
				assertThat(values).hasSize(1);
				added.put(name, values.get(0));
			}
		});
		Map<String, String> ours = new TreeMap<>();
		ours.put("Host", SigV4Signer.hostHeader(endpoint));
		signer
			.sign(new SigV4Signer.Request("POST", SigV4Signer.hostHeader(endpoint), endpoint.getRawPath(), headers,
					body),
					new SigV4Signer.Credentials(credentials.accessKeyId(), credentials.secretAccessKey(),
							credentials.sessionToken()),
					time)
			.forEach(ours::put);
		assertThat(ours).as("%s at %s", endpoint, time).isEqualTo(added);
	}

	private static Map<String, String> kmsHeaders() {
		return Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "TrentService.Decrypt");
	}

	private static List<URI> endpoints(String partition, String region, Random random) {
		String suffix = DNS_SUFFIX_BY_PARTITION.get(partition);
		int port = 1024 + random.nextInt(64000);
		return List.of(URI.create("https://kms." + region + "." + suffix + "/"),
				URI.create("https://kms-fips." + region + "." + suffix + "/"),
				URI.create("https://127.0.0.1:" + port + "/"), URI.create("http://127.0.0.1:" + port + "/"),
				URI.create("http://localhost:" + port), URI.create("https://localhost:443/"),
				URI.create("https://vpce-0a1b2c3d-4e5f6g7h.kms." + region + ".vpce." + suffix + "/"));
	}

	private static byte[] decryptBody(Random random) {
		byte[] ciphertext = new byte[100 + random.nextInt(400)];
		random.nextBytes(ciphertext);
		String context = jsonString("arn:aws:ssm:eu-west-1:123456789012:parameter/app/" + random.nextInt()) + ","
				+ jsonString("key, \"with\" quotes") + ":" + jsonString(AWKWARD.substring(random.nextInt(20)));
		String json = "{\"CiphertextBlob\":\"" + Base64.getEncoder().encodeToString(ciphertext)
				+ "\",\"EncryptionContext\":{\"PARAMETER_ARN\":" + context + "}}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String jsonString(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\t' -> json.append("\\t");
				default -> json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private static RawCredentials randomCredentials(Random random, @Nullable String sessionToken) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder accessKeyId = new StringBuilder((sessionToken != null) ? "ASIA" : "AKIA");
		for (int i = 0; i < 16; i++) {
			accessKeyId.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		byte[] secret = new byte[30];
		random.nextBytes(secret);
		return new RawCredentials(accessKeyId.toString(), Base64.getEncoder().encodeToString(secret), sessionToken);
	}

	private static RawCredentials padded(RawCredentials credentials) {
		return new RawCredentials(" " + credentials.accessKeyId() + "\n", "\t" + credentials.secretAccessKey() + " \n",
				(credentials.sessionToken() != null) ? " " + credentials.sessionToken() + " \r\n" : null);
	}

	private static String sessionToken(Random random) {
		byte[] token = new byte[200 + random.nextInt(800)];
		random.nextBytes(token);
		return Base64.getEncoder().encodeToString(token);
	}

	private static Map<String, List<String>> regionsByPartition() {
		Map<String, List<String>> regions = new LinkedHashMap<>();
		regions.put("aws", new ArrayList<>(List.of("us-east-1", "eu-west-1", "ap-southeast-2", "me-central-1")));
		regions.put("aws-cn", List.of("cn-north-1", "cn-northwest-1"));
		regions.put("aws-us-gov", List.of("us-gov-west-1", "us-gov-east-1"));
		regions.put("aws-iso", List.of("us-iso-east-1", "us-iso-west-1"));
		regions.put("aws-iso-b", List.of("us-isob-east-1"));
		regions.put("aws-iso-f", List.of("us-isof-south-1", "us-isof-east-1"));
		regions.put("aws-iso-e", List.of("eu-isoe-west-1"));
		regions.put("aws-eusc", List.of("eusc-de-east-1"));
		return regions;
	}

	/**
	 * Credentials as a provider may hand them over, untrimmed.
	 */
	private record RawCredentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {

	}

}
