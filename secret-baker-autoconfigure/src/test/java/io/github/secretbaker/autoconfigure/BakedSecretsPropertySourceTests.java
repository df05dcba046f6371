package io.github.secretbaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BakedSecretsPropertySource}.
 */
@LocalAwsTest
class BakedSecretsPropertySourceTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db_password";

	private static final String LOCATION = "classpath:secret-baker-secrets.json";

	private final BakedSecrets secrets = BakedSecrets
		.of(List.of(BakedSecret.of("DB_PASSWORD", "AQIDBA==", ARN), BakedSecret.of("API_KEY", "BQYHCA==",
				"arn:aws:ssm:us-east-1:123456789012:parameter/app/api_key")));

	private final String password = BakedSecretFixtures.randomValue();

	private final String apiKey = BakedSecretFixtures.randomValue();

	private KmsDecrypter kms;

	@AfterEach
	void closeClient() {
		if (this.kms != null) {
			this.kms.close();
		}
	}

	@Test
	void exposesEachSecretUnderItsName() {
		BakedSecretsPropertySource source = eager(null);
		assertThat(source.getName()).isEqualTo("secretBaker");
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("OTHER")).isNull();
		assertThat(source.containsProperty("OTHER")).isFalse();
	}

	@Test
	void resolvesRelaxedNamesLikeEnvironmentVariables() {
		BakedSecretsPropertySource source = eager(null);
		assertThat(source.getProperty("db.password")).isEqualTo(this.password);
		assertThat(source.getProperty("db-password")).isEqualTo(this.password);
		assertThat(source.getProperty("api.key")).isEqualTo(this.apiKey);
		assertThat(source.containsProperty("db.password")).isTrue();
		assertThat(source.getProperty("db.pass")).isNull();
	}

	@Test
	void bindsSecretsToConfigurationProperties() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(eager(null));
		assertThat(Binder.get(environment).bind("db.password", String.class).get()).isEqualTo(this.password);
	}

	@Test
	void exposesSecretsUnderThePrefixToo() {
		BakedSecretsPropertySource source = eager("secrets.");
		assertThat(source.getPropertyPrefix()).isEqualTo("secrets.");
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD", "secrets.API_KEY",
				"secrets.DB_PASSWORD");
		assertThat(source.getProperty("secrets.DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("secrets.db-password")).isEqualTo(this.password);
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
		assertThat(source.getProperty("secrets.")).isNull();
	}

	@Test
	void namesTheParameterAndFileAsOrigin() {
		Origin origin = eager(null).getOrigin("db.password");
		assertThat(origin).hasToString("SSM parameter '" + ARN + "' baked into '" + LOCATION + "'");
		assertThat(eager(null).getOrigin("OTHER")).isNull();
	}

	@Test
	void keepsValuesOutOfToString() {
		BakedSecretsPropertySource source = eager("secrets");
		assertThat(source.toString()).contains("secretBaker", "DB_PASSWORD", LOCATION)
			.doesNotContain(this.password)
			.doesNotContain(this.apiKey);
		assertThat(source.isLazy()).isFalse();
		assertThat(source.isDecrypted("DB_PASSWORD")).isTrue();
	}

	@Test
	void decryptsEachSecretOnceOnItsFirstReadInLazyMode(LocalAwsServer server) throws Exception {
		BakedSecretsPropertySource source = lazy(server);
		assertThat(source.isLazy()).isTrue();
		assertThat(source.getPropertyNames()).containsExactly("API_KEY", "DB_PASSWORD");
		assertThat(source.containsProperty("db.password")).isTrue();
		assertThat(server.callCount("Decrypt")).isZero();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Object>> reads = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				reads.add(() -> source.getProperty("DB_PASSWORD"));
			}
			for (Future<Object> read : executor.invokeAll(reads)) {
				assertThat(read.get()).isEqualTo(this.password);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(1);
		assertThat(source.isDecrypted("DB_PASSWORD")).isTrue();
		assertThat(source.isDecrypted("API_KEY")).isFalse();
		assertThat(source.toString()).doesNotContain(this.password);
	}

	@Test
	void decryptsDifferentSecretsConcurrentlyInLazyMode(LocalAwsServer server) throws Exception {
		String keyArn = server.createKey();
		Map<String, String> values = new LinkedHashMap<>();
		List<BakedSecret> baked = new ArrayList<>();
		for (String name : namesSharingAHashBin(4)) {
			values.put(name, BakedSecretFixtures.randomValue());
			baked.add(BakedSecretFixtures.bake(server, name, values.get(name), keyArn));
		}
		List<String> names = List.copyOf(values.keySet());
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		BakedSecretsPropertySource source = BakedSecretsPropertySource.lazy(BakedSecrets.of(baked),
				BakedSecretsDecryptor.builder(this.kms).build(), LOCATION, null, LogFactory.getLog(getClass()));
		server.resetCounters();
		server.faults().latency("Decrypt", Duration.ofMillis(500));
		int threads = 16;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Map<String, Object>>> readers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int first = i % names.size();
				readers.add(() -> {
					start.await();
					Map<String, Object> read = new LinkedHashMap<>();
					for (int j = 0; j < names.size(); j++) {
						String name = names.get((first + j) % names.size());
						read.put(name, source.getProperty(name));
					}
					return read;
				});
			}
			for (Future<Map<String, Object>> read : executor.invokeAll(readers)) {
				assertThat(read.get()).isEqualTo(values);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(names.size());
		assertThat(server.maxInFlight("Decrypt")).isEqualTo(names.size());
	}

	@Test
	void retriesAFailedLazyReadOnTheNextRead(LocalAwsServer server) {
		BakedSecretsPropertySource source = lazy(server);
		server.faults().deny("Decrypt", "*");
		assertThatExceptionOfType(SecretDecryptionException.class)
			.isThrownBy(() -> source.getProperty("DB_PASSWORD"))
			.withMessageContaining("DB_PASSWORD")
			.withMessageNotContaining(this.password);
		assertThat(source.isDecrypted("DB_PASSWORD")).isFalse();
		server.faults().clear();
		assertThat(source.getProperty("DB_PASSWORD")).isEqualTo(this.password);
	}

	@Test
	void exposesNamesThatAreNotEnvironmentVariableNamesExactlyAndWithoutRelaxedForms() {
		BakedSecrets secrets = BakedSecrets.of(List.of(BakedSecret.of("my-secret.v1", "AQIDBA==", ARN),
				BakedSecret.of("/app/db/password", "BQYHCA==", ARN), BakedSecret.of("DB_PASSWORD", "CQoLDA==", ARN)));
		DecryptedSecrets values = DecryptedSecrets.of(Map.of("my-secret.v1", this.password, "/app/db/password",
				this.apiKey, "DB_PASSWORD", "env-style"));
		BakedSecretsPropertySource source = BakedSecretsPropertySource.eager(secrets, values, LOCATION, null);
		assertThat(source.getPropertyNames()).contains("my-secret.v1", "/app/db/password");
		assertThat(source.getProperty("my-secret.v1")).isEqualTo(this.password);
		assertThat(source.getProperty("/app/db/password")).isEqualTo(this.apiKey);
		assertThat(source.getProperty("MY-SECRET.V1")).isNull();
		assertThat(source.getProperty("my_secret_v1")).isNull();
		assertThat(source.getProperty("db.password")).isEqualTo("env-style");
		assertThat(source.getProperty("db-password")).isEqualTo("env-style");
	}

	@Test
	void boundsEveryConcurrentFirstReadByTheTimeoutFromItsOwnCall(LocalAwsServer server) throws Exception {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password,
				keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		Duration timeout = Duration.ofSeconds(1);
		BakedSecretsPropertySource source = BakedSecretsPropertySource.lazy(baked,
				BakedSecretsDecryptor.builder(this.kms).timeout(timeout).build(), LOCATION, null,
				LogFactory.getLog(getClass()));
		server.resetCounters();
		server.faults().hangNext("Decrypt", 100);
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Long>> readers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				readers.add(() -> {
					start.await();
					long began = System.nanoTime();
					assertThatExceptionOfType(SecretDecryptionException.class)
						.isThrownBy(() -> source.getProperty("DB_PASSWORD"))
						.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
							.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT)));
					return System.nanoTime() - began;
				});
			}
			for (Future<Long> waited : executor.invokeAll(readers)) {
				// Each read gives up at its own deadline; before the fix they queued up, each
				// making a full attempt of its own after the previous one, 8 times the timeout.
				assertThat(Duration.ofNanos(waited.get())).isLessThan(timeout.multipliedBy(3));
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(1);
	}

	@Test
	void serves32ConcurrentRequestsOfAManagedInstanceWithOneDecryptPerSecretInLazyMode(LocalAwsServer server)
			throws Exception {
		// Lambda Managed Instances run one function instance on many threads, 32 concurrent
		// requests per vCPU by default: each request reads a secret every request reads and
		// one it shares with a few others, all for the first time at once.
		String keyArn = server.createKey();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("SHARED", "shared, \"quoted\" $1 .*\n");
		for (int i = 0; i < 8; i++) {
			values.put("REQUEST_" + i, BakedSecretFixtures.randomValue() + ", [a-z]+ \\d " + i + "\n");
		}
		List<BakedSecret> baked = new ArrayList<>();
		values.forEach((name, value) -> baked.add(BakedSecretFixtures.bake(server, name, value, keyArn)));
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(10));
		Duration timeout = Duration.ofSeconds(5);
		BakedSecretsPropertySource source = BakedSecretsPropertySource.lazy(BakedSecrets.of(baked),
				BakedSecretsDecryptor.builder(this.kms).timeout(timeout).build(), LOCATION, null,
				LogFactory.getLog(getClass()));
		server.resetCounters();
		server.faults().latency("Decrypt", Duration.ofMillis(300));
		int threads = 32;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Request>> requests = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String own = "REQUEST_" + (i % 8);
				boolean sharedFirst = i % 2 == 0;
				requests.add(() -> {
					start.await();
					long began = System.nanoTime();
					Map<String, Object> read = new LinkedHashMap<>();
					for (String name : sharedFirst ? List.of("SHARED", own) : List.of(own, "SHARED")) {
						read.put(name, source.getProperty(name));
					}
					return new Request(read, Duration.ofNanos(System.nanoTime() - began));
				});
			}
			for (Future<Request> request : executor.invokeAll(requests)) {
				Request done = request.get();
				done.read().forEach((name, value) -> assertThat(value).as(name).isEqualTo(values.get(name)));
				assertThat(done.read()).hasSize(2);
				assertThat(done.took()).isLessThan(timeout);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(server.callCount("Decrypt")).isEqualTo(values.size());
		assertThat(values.keySet()).allMatch(source::isDecrypted);
		assertThat(source.toString()).doesNotContain(values.get("SHARED").strip());
	}

	/**
	 * Return secret names that a hash map keeps in one bin, so that a lock held per bin
	 * while KMS answers would make their first reads wait for each other.
	 */
	private static List<String> namesSharingAHashBin(int count) {
		List<String> names = new ArrayList<>();
		int bin = -1;
		for (int i = 0; names.size() < count; i++) {
			String name = "SECRET_" + i;
			int hash = name.hashCode();
			int nameBin = (hash ^ (hash >>> 16)) & 15;
			if (bin == -1) {
				bin = nameBin;
			}
			if (nameBin == bin) {
				names.add(name);
			}
		}
		return names;
	}

	private BakedSecretsPropertySource eager(String prefix) {
		DecryptedSecrets values = DecryptedSecrets.of(Map.of("DB_PASSWORD", this.password, "API_KEY", this.apiKey));
		return BakedSecretsPropertySource.eager(this.secrets, values, LOCATION, prefix);
	}

	private BakedSecretsPropertySource lazy(LocalAwsServer server) {
		String keyArn = server.createKey();
		BakedSecrets baked = BakedSecrets.of(List.of(BakedSecretFixtures.bake(server, "DB_PASSWORD", this.password, keyArn),
				BakedSecretFixtures.bake(server, "API_KEY", this.apiKey, keyArn)));
		server.resetCounters();
		this.kms = BakedSecretFixtures.decrypter(server, KmsClientType.HTTP, Duration.ofSeconds(5));
		return BakedSecretsPropertySource.lazy(baked, BakedSecretsDecryptor.builder(this.kms).build(), LOCATION, null,
				LogFactory.getLog(getClass()));
	}

	private record Request(Map<String, Object> read, Duration took) {
	}

}
