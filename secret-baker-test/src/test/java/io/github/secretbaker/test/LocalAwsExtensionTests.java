package io.github.secretbaker.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link LocalAwsExtension} and {@link LocalAwsTest @LocalAwsTest}.
 */
class LocalAwsExtensionTests {

	private static final List<LocalAwsServer> servers = new ArrayList<>();

	@BeforeEach
	void clearServers() {
		servers.clear();
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
			.selectors(selectClass(JvmScoped.class), selectClass(OtherJvmScoped.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(servers).hasSize(2).containsOnly(servers.get(0));
		assertThat(servers.get(0).accountId()).isEqualTo("210987654321");
		assertThat(servers.get(0).region()).isEqualTo("eu-central-1");
	}

	private static Events execute(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
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

}
