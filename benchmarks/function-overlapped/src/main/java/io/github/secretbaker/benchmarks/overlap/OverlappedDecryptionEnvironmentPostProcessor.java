package io.github.secretbaker.benchmarks.overlap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.KmsClientFactory;
import org.apache.commons.logging.Log;
import software.amazon.awssdk.services.kms.KmsClient;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Starts decrypting the baked secrets on a background thread (creating the KMS client there
 * too, which loads the AWS SDK), adds their names at once as a property source whose values
 * wait for the decryption, and waits for it when the context has refreshed, so that a failure
 * still fails startup. The context refresh thus runs while KMS answers, on the other core.
 * <p>
 * Reads {@code secret-baker.endpoint} and {@code secret-baker.concurrency} as the starter
 * does; the harness uses it only without the starter.
 */
class OverlappedDecryptionEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String LOCATION = "classpath:" + BakedSecretsFile.DEFAULT_FILE_NAME;

	private final Log logger;

	OverlappedDecryptionEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(OverlappedDecryptionEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(OverlappedSecretsPropertySource.NAME)) {
			return;
		}
		Resource resource = new DefaultResourceLoader(application.getClassLoader()).getResource(LOCATION);
		if (!resource.exists()) {
			return;
		}
		BakedSecrets secrets;
		try (InputStream in = resource.getInputStream()) {
			secrets = BakedSecretsFile.read(in, LOCATION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
		URI endpoint = environment.getProperty("secret-baker.endpoint", URI.class);
		int concurrency = environment.getProperty("secret-baker.concurrency", Integer.class,
				BakedSecretsDecryptor.DEFAULT_CONCURRENCY);
		CompletableFuture<DecryptedSecrets> decryption = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			long start = System.nanoTime();
			try (KmsClient kms = new KmsClientFactory().endpoint(endpoint).createClient()) {
				DecryptedSecrets values = BakedSecretsDecryptor.builder(kms).concurrency(concurrency).build().decryptAll(secrets);
				this.logger.info("Decrypted " + values.size() + " baked secrets in "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms, in the background");
				decryption.complete(values);
			}
			catch (RuntimeException ex) {
				decryption.completeExceptionally(ex);
			}
		}, "secret-baker-overlapped");
		thread.setDaemon(true);
		thread.start();
		OverlappedSecretsPropertySource propertySource = new OverlappedSecretsPropertySource(secrets, decryption);
		environment.getPropertySources().addLast(propertySource);
		application.addListeners((ApplicationListener<ContextRefreshedEvent>) (event) -> {
			long start = System.nanoTime();
			propertySource.await();
			this.logger.info("Waited " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
					+ " ms for the baked secrets after the context refreshed");
		});
	}

}
