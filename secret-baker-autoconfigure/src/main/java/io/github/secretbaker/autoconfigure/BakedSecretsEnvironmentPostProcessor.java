package io.github.secretbaker.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.secretbaker.autoconfigure.SecretBakerProperties.Mode;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsClientType;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.DecryptedSecrets;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import io.github.secretbaker.runtime.SecretBaker;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Reads the baked secrets file, decrypts it with KMS and adds the
 * {@link BakedSecretsPropertySource} to the environment.
 * <p>
 * It runs after config data processing, so {@code secret-baker.*} settings from
 * {@code application.*} files, profiles and the environment apply. The property source goes
 * below command-line arguments, Java system properties and OS environment variables, so an
 * operator can override a secret, and above {@code application.*} files, so a baked secret
 * wins over a placeholder default.
 */
class BakedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The order of this post-processor: right after config data processing.
	 */
	static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	private static final Set<String> OVERRIDING_SOURCES = Set.of("configurationProperties", "commandLineArgs",
			"spring.application.json", "systemProperties", "systemEnvironment", "servletConfigInitParams",
			"servletContextInitParams");

	private final Log logger;

	BakedSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(BakedSecretsEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(BakedSecretsPropertySource.NAME)) {
			return;
		}
		SecretBakerProperties properties = Binder.get(environment)
			.bind(SecretBakerProperties.PREFIX, SecretBakerProperties.class)
			.orElseGet(SecretBakerProperties::new);
		if (!properties.isEnabled()) {
			this.logger.debug("Baked secrets are disabled (secret-baker.enabled=false)");
			return;
		}
		validate(properties, environment);
		String location = properties.getLocation();
		BakedSecrets secrets = read(location, application.getClassLoader(), properties.isRequired());
		if (secrets == null) {
			return;
		}
		secrets = SecretBaker.select(secrets, properties.getInclude(), location);
		KmsDecrypter kms = kmsClient(secrets, properties);
		BakedSecretsDecryptor decryptor = BakedSecretsDecryptor.builder(kms)
			.timeout(properties.getTimeout())
			.concurrency(properties.getConcurrency())
			.build();
		BakedSecretsPropertySource propertySource = createPropertySource(secrets, decryptor, location, properties);
		addPropertySource(environment.getPropertySources(), propertySource);
	}

	private static void validate(SecretBakerProperties properties, ConfigurableEnvironment environment) {
		if (properties.getConcurrency() < 1) {
			String name = SecretBakerProperties.PREFIX + ".concurrency";
			throw new InvalidConfigurationPropertyValueException(name,
					environment.getProperty(name, String.valueOf(properties.getConcurrency())), "The number of KMS Decrypt calls in flight at once must be at least 1 "
							+ "(default " + BakedSecretsDecryptor.DEFAULT_CONCURRENCY + ").");
		}
		Duration timeout = properties.getTimeout();
		if (timeout.isNegative() || timeout.isZero()) {
			String name = SecretBakerProperties.PREFIX + ".timeout";
			throw new InvalidConfigurationPropertyValueException(name, environment.getProperty(name, timeout.toString()),
					"The deadline for decrypting every secret must be positive, such as 5s (the default); Lambda's "
							+ "init phase is limited to 10s.");
		}
	}

	private static KmsDecrypter kmsClient(BakedSecrets secrets, SecretBakerProperties properties) {
		try {
			return SharedKmsDecrypters.get(KmsClientType.SDK, new KmsClientSettings(properties.getRegion(),
					properties.getEndpoint(), null, properties.getTimeout()));
		}
		catch (KmsDecryptException ex) {
			throw SecretDecryptionException.forEverySecret(secrets, ex.getKind(), ex.getDetail());
		}
	}

	private @Nullable BakedSecrets read(String location, ClassLoader classLoader, boolean required) {
		Resource resource = new DefaultResourceLoader(classLoader).getResource(location);
		if (!resource.exists()) {
			if (required) {
				throw new InvalidBakedSecretsException(location, null,
						"does not exist but secret-baker.required is true; bake the secrets into the artifact, "
								+ "or point secret-baker.location at the baked file",
						null);
			}
			this.logger.info("No baked secrets file at " + location + ", so no baked secrets are added");
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			return BakedSecretsFile.read(in, location);
		}
		catch (IOException ex) {
			throw new InvalidBakedSecretsException(location, null, "cannot be read (" + ex + ")", ex);
		}
	}

	private BakedSecretsPropertySource createPropertySource(BakedSecrets secrets, BakedSecretsDecryptor decryptor,
			String location, SecretBakerProperties properties) {
		if (properties.getMode() == Mode.LAZY) {
			this.logger.info("Found " + secrets.size() + " baked secrets in " + location
					+ ", each to be decrypted on its first read");
			logNames("Lazy baked secrets: ", secrets);
			return BakedSecretsPropertySource.lazy(secrets, decryptor, location, properties.getPropertyPrefix(),
					this.logger);
		}
		long start = System.nanoTime();
		DecryptedSecrets values = decryptor.decryptAll(secrets);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		this.logger.info("Decrypted " + values.size() + " baked secrets in " + millis + " ms");
		logNames("Decrypted baked secrets: ", secrets);
		return BakedSecretsPropertySource.eager(secrets, values, location, properties.getPropertyPrefix());
	}

	private void logNames(String message, BakedSecrets secrets) {
		if (this.logger.isDebugEnabled()) {
			this.logger.debug(message + String.join(", ", secrets.names()));
		}
	}

	private static void addPropertySource(MutablePropertySources sources, PropertySource<?> propertySource) {
		String after = null;
		for (PropertySource<?> source : sources) {
			if (OVERRIDING_SOURCES.contains(source.getName())) {
				after = source.getName();
			}
		}
		if (after != null) {
			sources.addAfter(after, propertySource);
		}
		else {
			sources.addFirst(propertySource);
		}
	}

}
