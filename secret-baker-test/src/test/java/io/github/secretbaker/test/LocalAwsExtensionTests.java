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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.AttributeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LocalAwsExtension} and {@link LocalAwsTest @LocalAwsTest}.
 */
class LocalAwsExtensionTests {

	private static final List<LocalAwsServer> servers = new ArrayList<>();

	private static final Map<String, RecordingHttpClient> httpClients = new ConcurrentHashMap<>();

	@BeforeEach
	void clearServers() {
		servers.clear();
		httpClients.clear();
	}

	@Test
	void injectsClientsOfTheServerAndClosesThemWhenTheirTestOrClassEnds() {
		execute(WithClients.class).assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(httpClients).containsOnlyKeys("beforeAll:kms", "constructor:ssm", "first:ssm", "first:kms",
				"second:ssm", "second:kms");
		assertThat(httpClients.values()).allSatisfy((client) -> assertThat(client.closed).isTrue());
	}

	@Test
	void reportsAClientFactoryWithoutAPublicConstructor() {
		execute(WithHiddenClients.class).assertStatistics((stats) -> stats.succeeded(0).failed(1));
		assertThat(execute(WithHiddenClients.class).failed()
			.stream()
			.map((event) -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
				.flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
				.map(Throwable::getMessage)
				.orElse("")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(HiddenClients.class.getName())
			.contains("public no-argument constructor");
	}

	@Test
	void injectsOneServerPerClassIntoEveryKindOfParameter() {
		execute(PerClass.class).assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(servers).hasSize(7).containsOnly(servers.get(0));
	}

	@Test
	void resetsTheServerBeforeEachTest() {
		execute(Resets.class).assertStatistics((stats) -> stats.succeeded(2).failed(0));
	}

	@Test
	void stopsTheServerWhenTheClassEnds() {
		execute(PerClass.class);
		assertThat(servers.get(0)).satisfies((server) -> assertThat(isStopped(server)).isTrue());
	}

	@Test
	void startsANewServerForEachClass() {
		execute(PerClass.class);
		execute(OtherClass.class);
		assertThat(servers.get(0)).isNotSameAs(servers.get(servers.size() - 1));
	}

	@Test
	void sharesTheOuterServerWithNestedClasses() {
		execute(Outer.class).assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(servers).hasSize(2).containsOnly(servers.get(0));
	}

	@Test
	void sharesOneServerAcrossClassesInJvmScope() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(JvmScoped.class),
					DiscoverySelectors.selectClass(OtherJvmScoped.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(servers).hasSize(2).containsOnly(servers.get(0));
		assertThat(servers.get(0).accountId()).isEqualTo("210987654321");
		assertThat(servers.get(0).region()).isEqualTo("eu-central-1");
	}

	private static Events execute(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(testClass))
			.execute()
			.testEvents();
	}

	private static boolean isStopped(LocalAwsServer server) {
		try {
			server.endpoint();
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

	@ExtendWith(LocalAwsExtension.class)
	static class PerClass {

		PerClass(LocalAwsServer server) {
			servers.add(server);
		}

		@BeforeAll
		static void beforeAll(LocalAwsServer server) {
			servers.add(server);
		}

		@BeforeEach
		void beforeEach(LocalAwsServer server) {
			servers.add(server);
		}

		@Test
		void first(LocalAwsServer server) {
			servers.add(server);
		}

		@Test
		void second(LocalAwsServer server) {
			servers.add(server);
		}

	}

	@LocalAwsTest
	static class OtherClass {

		@Test
		void test(LocalAwsServer server) {
			servers.add(server);
		}

	}

	@LocalAwsTest
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class Resets {

		@Test
		@Order(1)
		void seedsAndInjectsFaults(LocalAwsServer server) {
			server.putString("/app/url", "https://example.com");
			server.faults().failNext("*", 100);
			server.kmsClient();
		}

		@Test
		@Order(2)
		void startsFromAFreshState(LocalAwsServer server) {
			assertThat(server.ssmClient().describeParameters().parameters()).isEmpty();
			assertThat(server.callCounts()).containsOnlyKeys("DescribeParameters");
		}

	}

	@LocalAwsTest
	static class Outer {

		@Test
		void outer(LocalAwsServer server) {
			servers.add(server);
		}

		@Nested
		class Inner {

			@Test
			void inner(LocalAwsServer server) {
				servers.add(server);
			}

		}

	}

	@LocalAwsTest(scope = LocalAwsTest.Scope.JVM, accountId = "210987654321", region = "eu-central-1")
	static class JvmScoped {

		@Test
		void test(LocalAwsServer server) {
			servers.add(server);
		}

		@AfterEach
		void keepRunning(LocalAwsServer server) {
			assertThat(isStopped(server)).isFalse();
		}

	}

	@LocalAwsTest(scope = LocalAwsTest.Scope.JVM, accountId = "210987654321", region = "eu-central-1")
	static class OtherJvmScoped {

		@Test
		void test(LocalAwsServer server) {
			servers.add(server);
		}

	}

	@LocalAwsTest(clients = RecordingClients.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class WithClients {

		private final SsmClient ssm;

		WithClients(SsmClient ssm) {
			this.ssm = ssm;
		}

		@BeforeAll
		static void beforeAll(LocalAwsServer server, KmsClient kms) {
			String keyArn = server.createKey("alias/before");
			assertThat(kms.describeKey((request) -> request.keyId("alias/before")).keyMetadata().arn())
				.isEqualTo(keyArn);
			RecordingClients.name = "constructor";
		}

		@Test
		@Order(1)
		void first(LocalAwsServer server, SsmClient ssm, KmsClient kms) {
			assertThat(httpClients.get("beforeAll:kms").closed).isFalse();
			assertThat(httpClients.get("constructor:ssm").closed).isFalse();
			server.putString("/app/url", "https://example.com/a,b c");
			assertThat(this.ssm.getParameter((request) -> request.name("/app/url")).parameter().value())
				.isEqualTo("https://example.com/a,b c");
			assertThat(ssm.describeParameters().parameters()).hasSize(1);
			String keyArn = server.createKey("alias/app");
			assertThat(kms.describeKey((request) -> request.keyId("alias/app")).keyMetadata().arn()).isEqualTo(keyArn);
			RecordingClients.name = "second";
		}

		@Test
		@Order(2)
		void second(SsmClient ssm, KmsClient kms) {
			assertThat(httpClients.get("first:ssm").closed).isTrue();
			assertThat(httpClients.get("first:kms").closed).isTrue();
			assertThat(ssm.describeParameters().parameters()).isEmpty();
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> kms.describeKey((request) -> request.keyId("alias/app")));
		}

	}

	public static class RecordingClients extends LocalAwsClients {

		static volatile String name = "beforeAll";

		@Override
		public KmsClient createKmsClient(LocalAwsServer server) {
			return server.kmsClientBuilder().httpClientBuilder(recording(name + ":kms")).build();
		}

		@Override
		public SsmClient createSsmClient(LocalAwsServer server) {
			SsmClient client = server.ssmClientBuilder().httpClientBuilder(recording(name + ":ssm")).build();
			if (name.equals("constructor")) {
				name = "first";
			}
			return client;
		}

		private static RecordingHttpClientBuilder recording(String key) {
			return new RecordingHttpClientBuilder(key);
		}

	}

	record RecordingHttpClientBuilder(String key) implements SdkHttpClient.Builder<RecordingHttpClientBuilder> {

		@Override
		public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
			RecordingHttpClient client = new RecordingHttpClient();
			httpClients.put(this.key, client);
			return client;
		}

	}

	static final class RecordingHttpClient implements SdkHttpClient {

		private final SdkHttpClient delegate = UrlConnectionHttpClient.create();

		volatile boolean closed;

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			return this.delegate.prepareRequest(request);
		}

		@Override
		public void close() {
			this.closed = true;
			this.delegate.close();
		}

	}

	@LocalAwsTest(clients = HiddenClients.class)
	static class WithHiddenClients {

		@Test
		void test(SsmClient ssm) {
			ssm.describeParameters();
		}

	}

	static class HiddenClients extends LocalAwsClients {

		HiddenClients() {
		}

	}

}
