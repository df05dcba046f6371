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

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.github.secretbaker.autoconfigure.SecretBakerProperties.Mode;
import io.github.secretbaker.autoconfigure.SecretBakerProperties.Snapshot;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.format.BakedSecretsLocation;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.KmsClientSettings;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecrypter;
import io.github.secretbaker.kms.KmsDecrypters;
import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretValues;
import io.github.secretbaker.kms.internal.KeyRegions;
import io.github.secretbaker.runtime.BakedSecretsLoader;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Reads the baked secrets file, starts decrypting it with KMS and adds the
 * {@link BakedSecretsPropertySource} to the environment.
 * <p>
 * It runs right after config data processing, the earliest point at which
 * {@code secret-baker.*} settings from {@code application.*} files, profiles and the
 * environment are all known. In eager mode the decryption then goes on in the background
 * while Spring keeps starting; the first read of a secret waits for it, and
 * {@link BakedSecretsApplicationContextInitializer} waits for it before the context
 * finishes refreshing, so a failure stops startup before the application serves. The
 * property source goes below command-line arguments, Java system properties and OS
 * environment variables, so an operator can override a secret, and above
 * {@code application.*} files, so a baked secret wins over a placeholder default.
 * <p>
 * Each Spring Boot line has its own {@code BakedSecretsEnvironmentPostProcessor} that
 * extends this class with that line's {@code EnvironmentPostProcessor} contract and
 * bootstrap context.
 */
abstract class AbstractBakedSecretsEnvironmentPostProcessor implements Ordered {

	/**
	 * The order of this post-processor: right after config data processing.
	 */
	static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	// Spring's names, spelled out where the constant is private or in a module that may
	// be absent.
	private static final Set<String> OVERRIDING_SOURCES = Set.of("configurationProperties",
			CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, "spring.application.json",
			StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, "servletConfigInitParams",
			"servletContextInitParams");

	private final Log logger;

	/**
	 * Create a new instance.
	 * @param logFactory the factory of the deferred log
	 */
	AbstractBakedSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(getClass());
	}

	/**
	 * Return the instance registered in the bootstrap context for the given type.
	 * @param type the type
	 * @return the instance, or {@code null} if none is registered
	 */
	abstract @Nullable Object findRegistered(Class<?> type);

	/**
	 * Register in the bootstrap context the client that the given factory creates, unless
	 * a {@link KmsDecrypter} is registered there, have it
	 * {@linkplain BootstrapClients#promote promoted} to a bean when the bootstrap context
	 * closes, and return it.
	 * @param factory the factory of the client
	 * @return the registered client
	 */
	abstract KmsDecrypter registerAndPromote(Supplier<KmsDecrypter> factory);

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Add the baked secrets to the environment, as the line's
	 * {@code EnvironmentPostProcessor} contract asks.
	 * @param environment the environment
	 * @param application the application
	 */
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(BakedSecretsPropertySource.NAME)
				|| isOptionalFileMissing(environment, application.getClassLoader())) {
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
		secrets = BakedSecretsLoader.select(secrets, properties.getInclude(), location);
		addPropertySource(environment.getPropertySources(),
				createPropertySource(secrets, location, properties, environment));
	}

	private BakedSecretsPropertySource createPropertySource(BakedSecrets secrets, String location,
			SecretBakerProperties properties, ConfigurableEnvironment environment) {
		return new BakedSecretsPropertySource(createValues(secrets, location, properties, environment), location,
				properties.getPropertyPrefix());
	}

	private SecretValues createValues(BakedSecrets secrets, String location, SecretBakerProperties properties,
			ConfigurableEnvironment environment) {
		if (TrainingRun.isAotProcessing(environment)) {
			this.logger.info("AOT processing (spring.aot.processing=true): the " + secrets.size()
					+ " baked secrets are not decrypted at build time; every secret reads as a placeholder");
			return SecretValues.placeholders(secrets, BakedSecretsPropertySource.TRAINING_VALUE);
		}
		KmsDecrypter registered = BootstrapClients.find(this::findRegistered);
		// The one factory of clients: the application's own, else a new default one.
		Supplier<KmsDecrypter> clients = () -> (registered != null) ? registered : createClient(secrets, properties);
		if (TrainingRun.isTrainingRun(environment)) {
			TrainingRun.prime(() -> decrypter(registerAndPromote(clients), properties), secrets, this.logger);
			return SecretValues.placeholders(secrets, BakedSecretsPropertySource.TRAINING_VALUE);
		}
		BakedSecretsDecrypter decrypter = decrypter(registerAndPromote(clients), properties);
		boolean lazy = properties.getMode() == Mode.LAZY;
		if (properties.getSnapshot() == Snapshot.AFTER_RESTORE && CheckpointSupport.isCheckpointPending(environment)) {
			String reason = "read before the JVM snapshot was restored, but secret-baker.snapshot=after-restore "
					+ "decrypts only after each restore; read it when the function is invoked (through the "
					+ "Environment, an ObjectProvider or a @Lazy bean), or set secret-baker.snapshot=before-checkpoint";
			SecretValues values = SecretValues.deferred(secrets, lazy, reason, this::logFirstRead);
			// After a restore, a new client reads the restored environment's credentials
			// and settings.
			CheckpointSupport.register(decrypter, () -> decrypter(clients.get(), properties), values, this.logger);
			this.logger.info("Found " + secrets.size() + " baked secrets in " + location + ", to be decrypted "
					+ (lazy ? "each on its first read " : "") + "after the JVM snapshot is restored");
			return values;
		}
		if (lazy) {
			this.logger.info("Found " + secrets.size() + " baked secrets in " + location
					+ ", each to be decrypted on its first read");
			logNames("Lazy baked secrets: ", secrets);
			return SecretValues.lazy(secrets, decrypter, this::logFirstRead);
		}
		SecretValues values = SecretValues.of(decrypter.start(secrets));
		if (!properties.isBackground()) {
			join(values, this.logger);
		}
		logNames("Baked secrets being decrypted: ", secrets);
		return values;
	}

	/**
	 * Wait for a decryption going on in the background, never past its deadline, and log
	 * how long it took, once.
	 * @param values the values being decrypted
	 * @param logger the logger
	 * @throws io.github.secretbaker.kms.SecretDecryptionException if any secret could not
	 * be decrypted
	 */
	static void join(SecretValues values, Log logger) {
		Duration elapsed = values.join();
		if (elapsed != null && logger.isInfoEnabled()) {
			logger.info("Decrypted " + values.getSecrets().size() + " baked secrets in " + elapsed.toMillis() + " ms");
		}
	}

	private void logFirstRead(BakedSecret secret) {
		if (this.logger.isDebugEnabled()) {
			this.logger.debug("Decrypted baked secret " + secret.name() + " on its first read");
		}
	}

	private static BakedSecretsDecrypter decrypter(KmsDecrypter client, SecretBakerProperties properties) {
		return BakedSecretsDecrypter.builder(client)
			.timeout(properties.getTimeout())
			.concurrency(properties.getConcurrency())
			.build();
	}

	private static KmsDecrypter createClient(BakedSecrets secrets, SecretBakerProperties properties) {
		try {
			return KmsDecrypters.create(properties.getClient(),
					KeyRegions.apply(new KmsClientSettings(properties.getRegion(), properties.getEndpoint(),
							properties.getFips(), properties.getTimeout(), properties.isAllowInsecureEndpoint()),
							secrets, System::getenv));
		}
		catch (KmsDecryptException ex) {
			throw SecretDecryptionException.forEverySecret(secrets, ex.getKind(), ex.getDetail());
		}
	}

	private static void validate(SecretBakerProperties properties, ConfigurableEnvironment environment) {
		String concurrencyProblem = BakedSecretsDecrypter.checkConcurrency(properties.getConcurrency());
		if (concurrencyProblem != null) {
			String name = SecretBakerProperties.PREFIX + ".concurrency";
			throw new InvalidConfigurationPropertyValueException(name,
					environment.getProperty(name, String.valueOf(properties.getConcurrency())),
					"The number of KMS Decrypt calls in flight at once must be at least 1 (default "
							+ BakedSecretsDecrypter.DEFAULT_CONCURRENCY + ").");
		}
		String timeoutProblem = BakedSecretsDecrypter.checkTimeout(properties.getTimeout());
		if (timeoutProblem != null) {
			String name = SecretBakerProperties.PREFIX + ".timeout";
			throw new InvalidConfigurationPropertyValueException(name,
					environment.getProperty(name, String.valueOf(properties.getTimeout())),
					"The deadline for decrypting every secret must be positive and at most "
							+ BakedSecretsDecrypter.MAX_TIMEOUT.toMinutes() + " minutes, such as 5s (the default); "
							+ "Lambda's init phase is limited to 10s.");
		}
	}

	/**
	 * Return whether the file is missing where no setting asks for one: then nothing is
	 * bound, validated or created, so that the starter costs a function without secrets
	 * next to nothing. Any setting of {@code enabled} or {@code required} takes the full
	 * path, which validates it.
	 * @param environment the environment
	 * @param classLoader the class loader
	 * @return whether the file is missing where no setting asks for one: then nothing is
	 * bound, validated or created, so that the starter costs a function without secrets
	 * next to nothing
	 */
	private boolean isOptionalFileMissing(ConfigurableEnvironment environment, ClassLoader classLoader) {
		if (environment.getProperty(SecretBakerProperties.PREFIX + ".enabled") != null
				|| environment.getProperty(SecretBakerProperties.PREFIX + ".required") != null) {
			return false;
		}
		String location = environment.getProperty(SecretBakerProperties.PREFIX + ".location",
				BakedSecretsLocation.DEFAULT);
		if (location.isBlank() || new DefaultResourceLoader(classLoader).getResource(location).exists()) {
			return false;
		}
		logNoFile(location);
		return true;
	}

	private void logNoFile(String location) {
		this.logger.info("No baked secrets file at " + location + ", so no baked secrets are added");
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
			logNoFile(location);
			return null;
		}
		if (isDirectory(resource)) {
			throw new InvalidBakedSecretsException(location, null,
					"is a directory; point secret-baker.location at the baked file itself, such as "
							+ BakedSecretsLocation.DEFAULT,
					null);
		}
		try (InputStream in = resource.getInputStream()) {
			return BakedSecretsFile.read(in, location);
		}
		catch (IOException ex) {
			throw new InvalidBakedSecretsException(location, null,
					"cannot be read (" + ex.getClass().getSimpleName() + ")", null);
		}
	}

	private static boolean isDirectory(Resource resource) {
		try {
			return resource.isFile() && resource.getFile().isDirectory();
		}
		catch (IOException ex) {
			return false;
		}
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
