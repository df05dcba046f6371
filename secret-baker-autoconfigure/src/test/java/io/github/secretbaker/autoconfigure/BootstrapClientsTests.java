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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretFixtures;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.http.HttpKmsDecrypter;
import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BootstrapClients}: real applications whose KMS client comes from the
 * bootstrap context, against the local KMS and SSM server.
 */
@LocalAwsTest
class BootstrapClientsTests {

	private final LocalAwsServer server;

	private final String password = "p@ss, \"word\" $1 .*\n";

	@TempDir
	Path directory;

	BootstrapClientsTests(LocalAwsServer server) {
		this.server = server;
	}

	@Test
	void registersTheDefaultClientAndMakesItABeanOfTheContext() {
		bake();
		try (ConfigurableApplicationContext context = application().run(arguments())) {
			assertThat(context.getBean(SecretsApplication.Secrets.class).password()).isEqualTo(this.password);
			assertThat(context.getBean(BootstrapClients.BEAN_NAME)).isInstanceOf(HttpKmsDecrypter.class);
		}
	}

	@Test
	void usesTheClientThatABootstrapRegistryInitializerRegistersAndClosesItWithTheContext() {
		bake();
		try (KmsDecrypter kms = BakedSecretFixtures.decrypter(this.server, KmsClientType.HTTP, Duration.ofSeconds(5))) {
			RecordingDecrypter client = new RecordingDecrypter(kms);
			ConfigurableApplicationContext context = application()
				.addBootstrapRegistryInitializer(
						(registry) -> registry.register(KmsDecrypter.class, (bootstrap) -> client))
				.run(arguments());
			assertThat(context.getBean(SecretsApplication.Secrets.class).password()).isEqualTo(this.password);
			assertThat(client.calls).hasValue(1);
			assertThat(context.getBean(BootstrapClients.BEAN_NAME)).isSameAs(client);
			assertThat(client.closed).isFalse();
			context.close();
			assertThat(client.closed).isTrue();
		}
	}

	private void bake() {
		String keyArn = this.server.createKey();
		BakedSecretsFile.write(
				BakedSecrets.of(List.of(BakedSecretFixtures.bake(this.server, "DB_PASSWORD", this.password, keyArn))),
				this.directory.resolve("secrets.json"));
	}

	private SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(SecretsApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF);
	}

	private String[] arguments() {
		return new String[] { "--secret-baker.location=file:" + this.directory.resolve("secrets.json"),
				"--secret-baker.region=" + this.server.region(), "--secret-baker.endpoint=" + this.server.endpoint() };
	}

	/**
	 * Passes every call to a real client, and records the calls and whether it was
	 * closed.
	 */
	private static final class RecordingDecrypter implements KmsDecrypter {

		private final KmsDecrypter delegate;

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicBoolean closed = new AtomicBoolean();

		RecordingDecrypter(KmsDecrypter delegate) {
			this.delegate = delegate;
		}

		@Override
		public byte[] decrypt(KmsDecryptRequest request) {
			this.calls.incrementAndGet();
			return this.delegate.decrypt(request);
		}

		@Override
		public String region() {
			return this.delegate.region();
		}

		@Override
		public void close() {
			this.closed.set(true);
		}

	}

}
