package io.github.secretbaker.kms;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Decrypts baked secrets with KMS {@code Decrypt}: the ciphertext blob as baked, the
 * {@code PARAMETER_ARN} encryption context that SSM bound to it, and the recorded key id when
 * the file has one that names a key (a key ARN or key id; an alias is left out, so that
 * re-pointing it after the bake never breaks a deployed artifact).
 * <p>
 * {@link #decryptAll(BakedSecrets)} decrypts every secret in parallel, so a cold start pays
 * about one KMS round trip whatever the number of secrets, and the whole operation is bounded
 * by the {@linkplain Builder#timeout(Duration) timeout}. Throttling, server errors and network
 * errors are retried with exponential backoff and full jitter until that deadline; access
 * denied, invalid ciphertext, incorrect key, missing and disabled keys fail at once, and
 * advanced-tier parameters fail without calling KMS. Every
 * failure is reported together in one {@link SecretDecryptionException}.
 *
 * @since 0.1.0
 */
public final class BakedSecretsDecryptor {

	/**
	 * The encryption context key under which SSM binds a SecureString to its parameter.
	 */
	public static final String PARAMETER_ARN_CONTEXT_KEY = "PARAMETER_ARN";

	/**
	 * The default deadline for decrypting every secret: half of Lambda's 10 second init phase.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The default number of {@code Decrypt} calls in flight at once.
	 */
	public static final int DEFAULT_CONCURRENCY = 16;

	private static final Duration BASE_BACKOFF = Duration.ofMillis(25);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	private static final long MIN_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

	private static final Pattern KEY_ID = Pattern
		.compile("(mrk-[0-9a-fA-F]{32})|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

	private final KmsClient kms;

	private final int concurrency;

	private final Duration timeout;

	private BakedSecretsDecryptor(Builder builder) {
		this.kms = builder.kms;
		this.concurrency = builder.concurrency;
		this.timeout = builder.timeout;
	}

	/**
	 * Return a builder for a decryptor that calls the given client.
	 * @param kms the KMS client, usually from {@link KmsClientFactory}
	 * @return the builder
	 */
	public static Builder builder(KmsClient kms) {
		return new Builder(kms);
	}

	/**
	 * Return the deadline for one call to {@link #decryptAll(BakedSecrets)} or
	 * {@link #decrypt(BakedSecret)}.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return the maximum number of {@code Decrypt} calls in flight at once.
	 * @return the concurrency
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Decrypt every given secret in parallel, within the timeout.
	 * @param secrets the secrets to decrypt
	 * @return the values keyed by secret name
	 * @throws SecretDecryptionException if any secret cannot be decrypted; it lists every
	 * failed secret
	 */
	public DecryptedSecrets decryptAll(BakedSecrets secrets) {
		if (secrets.isEmpty()) {
			return DecryptedSecrets.of(Map.of());
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(this.concurrency, secrets.size()),
				new DaemonThreadFactory());
		try {
			Map<BakedSecret, Future<Outcome>> futures = new LinkedHashMap<>();
			for (BakedSecret secret : secrets) {
				futures.put(secret, executor.submit(() -> decryptWithRetry(secret, deadline)));
			}
			Map<String, String> values = new TreeMap<>();
			List<SecretDecryptionFailure> failures = new ArrayList<>();
			for (Map.Entry<BakedSecret, Future<Outcome>> entry : futures.entrySet()) {
				Outcome outcome = await(entry.getKey(), entry.getValue(), deadline);
				if (outcome.failure() != null) {
					failures.add(outcome.failure());
				}
				else {
					values.put(entry.getKey().name(), outcome.value());
				}
			}
			if (!failures.isEmpty()) {
				throw new SecretDecryptionException(failures, secrets.size());
			}
			return DecryptedSecrets.of(values);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Decrypt one secret on the calling thread, within the timeout.
	 * @param secret the secret to decrypt
	 * @return its value
	 * @throws SecretDecryptionException if the secret cannot be decrypted
	 */
	public String decrypt(BakedSecret secret) {
		Outcome outcome = decryptWithRetry(secret, System.nanoTime() + this.timeout.toNanos());
		if (outcome.failure() != null) {
			throw new SecretDecryptionException(List.of(outcome.failure()), 1);
		}
		return Objects.requireNonNull(outcome.value());
	}

	private Outcome await(BakedSecret secret, Future<Outcome> future, long deadline) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return Outcome.failed(timedOut(secret, null, 0));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return Outcome.failed(failure(secret, null, Kind.TIMEOUT, "interrupted while waiting for KMS"));
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return Outcome.failed(failure(secret, null, Kind.OTHER, "unexpected " + cause.getClass().getName()));
		}
	}

	private Outcome decryptWithRetry(BakedSecret secret, long deadline) {
		if (BakedSecret.ADVANCED_TIER.equals(secret.tier())) {
			return Outcome.failed(failure(secret, null, Kind.UNSUPPORTED_TIER,
					"the parameter is in the Advanced tier, whose values KMS Decrypt cannot open"));
		}
		SecretDecryptionFailure lastRetryable = null;
		int attempts = 0;
		while (true) {
			long remaining = deadline - System.nanoTime();
			if (remaining < MIN_CALL_NANOS) {
				return Outcome.failed(timedOut(secret, lastRetryable, attempts));
			}
			attempts++;
			try {
				DecryptResponse response = this.kms.decrypt(request(secret, Duration.ofNanos(remaining)));
				return Outcome.decrypted(response.plaintext().asUtf8String());
			}
			catch (SdkException ex) {
				SecretDecryptionFailure failure = classify(secret, ex);
				if (!failure.kind().isRetryable()) {
					return Outcome.failed(failure);
				}
				lastRetryable = failure;
			}
			if (!backOff(attempts, deadline)) {
				return Outcome.failed(timedOut(secret, lastRetryable, attempts));
			}
		}
	}

	private DecryptRequest request(BakedSecret secret, Duration remaining) {
		DecryptRequest.Builder request = DecryptRequest.builder()
			.ciphertextBlob(SdkBytes.fromByteArrayUnsafe(secret.ciphertextBlob()))
			.encryptionContext(Map.of(PARAMETER_ARN_CONTEXT_KEY, secret.arn()))
			.overrideConfiguration((override) -> override.apiCallTimeout(remaining).apiCallAttemptTimeout(remaining));
		if (secret.keyId() != null && isKeyIdentifier(secret.keyId())) {
			request.keyId(secret.keyId());
		}
		return request.build();
	}

	/**
	 * Return whether the given key id names one key for good: a key ARN or a bare key id. An
	 * alias, by name or ARN, can be re-pointed to another key after the bake, so it is not
	 * sent: KMS finds the key from the ciphertext itself.
	 * @param keyId the key id recorded in the baked file
	 * @return whether to send it as the {@code KeyId} of {@code Decrypt}
	 */
	static boolean isKeyIdentifier(String keyId) {
		return (keyId.startsWith("arn:") && keyId.contains(":key/")) || KEY_ID.matcher(keyId).matches();
	}

	private static boolean backOff(int attempts, long deadline) {
		long ceiling = Math.min(MAX_BACKOFF.toNanos(), BASE_BACKOFF.toNanos() << Math.min(attempts - 1, 20));
		long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
		long remaining = deadline - System.nanoTime();
		if (delay >= remaining) {
			return false;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(delay);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private SecretDecryptionFailure timedOut(BakedSecret secret, @Nullable SecretDecryptionFailure lastRetryable,
			int attempts) {
		if (lastRetryable != null) {
			return new SecretDecryptionFailure(secret.name(), secret.arn(), secret.keyId(), lastRetryable.errorCode(),
					lastRetryable.kind(), "still failing when the " + describe(this.timeout) + " deadline passed after "
							+ attempts + " attempts: " + lastRetryable.detail());
		}
		return failure(secret, null, Kind.TIMEOUT, "KMS did not answer within the " + describe(this.timeout)
				+ " deadline");
	}

	private SecretDecryptionFailure classify(BakedSecret secret, SdkException ex) {
		if (ex instanceof ApiCallTimeoutException || ex instanceof ApiCallAttemptTimeoutException) {
			return failure(secret, null, Kind.TIMEOUT,
					"KMS did not answer within the " + describe(this.timeout) + " deadline");
		}
		if (ex instanceof AwsServiceException serviceException) {
			AwsErrorDetails details = serviceException.awsErrorDetails();
			String errorCode = (details != null) ? details.errorCode() : null;
			String message = (details != null && details.errorMessage() != null) ? details.errorMessage()
					: "HTTP " + serviceException.statusCode();
			return failure(secret, errorCode, kind(serviceException, errorCode), message);
		}
		if (ex instanceof SdkClientException && hasCause(ex, IOException.class)) {
			return failure(secret, null, Kind.NETWORK, "cannot reach KMS: " + ex.getMessage());
		}
		return failure(secret, null, Kind.CLIENT_CONFIGURATION, String.valueOf(ex.getMessage()));
	}

	private static Kind kind(AwsServiceException ex, @Nullable String errorCode) {
		if (ex instanceof InvalidCiphertextException) {
			return Kind.INVALID_CIPHERTEXT;
		}
		if (ex instanceof IncorrectKeyException) {
			return Kind.INCORRECT_KEY;
		}
		if (ex instanceof NotFoundException) {
			return Kind.NOT_FOUND;
		}
		if (ex instanceof DisabledException) {
			return Kind.DISABLED;
		}
		if (ex instanceof KmsInvalidStateException) {
			return Kind.INVALID_KEY_STATE;
		}
		if (ex instanceof KeyUnavailableException) {
			return Kind.KEY_UNAVAILABLE;
		}
		if ("AccessDeniedException".equals(errorCode)) {
			return Kind.ACCESS_DENIED;
		}
		if (isCredentialsError(errorCode)) {
			return Kind.CLIENT_CONFIGURATION;
		}
		if (ex.isThrottlingException()) {
			return Kind.THROTTLED;
		}
		if (ex.statusCode() >= 500) {
			return Kind.SERVICE_ERROR;
		}
		return Kind.OTHER;
	}

	private static boolean isCredentialsError(@Nullable String errorCode) {
		return errorCode != null && switch (errorCode) {
			case "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
					"IncompleteSignature", "MissingAuthenticationToken", "InvalidClientTokenId" ->
				true;
			default -> false;
		};
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static SecretDecryptionFailure failure(BakedSecret secret, @Nullable String errorCode, Kind kind,
			String detail) {
		return new SecretDecryptionFailure(secret.name(), secret.arn(), secret.keyId(), errorCode, kind, detail);
	}

	private static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private record Outcome(@Nullable String value, @Nullable SecretDecryptionFailure failure) {

		static Outcome decrypted(String value) {
			return new Outcome(value, null);
		}

		static Outcome failed(SecretDecryptionFailure failure) {
			return new Outcome(null, failure);
		}

		@Override
		public String toString() {
			return "Outcome[failure=" + this.failure + "]";
		}

	}

	/**
	 * Names decryption threads and makes them daemons, so a stuck call never keeps the JVM
	 * alive.
	 */
	private static final class DaemonThreadFactory implements ThreadFactory {

		private final String prefix = "secret-baker-decrypt-" + POOL_NUMBER.incrementAndGet() + "-";

		private final AtomicInteger threadNumber = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, this.prefix + this.threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	/**
	 * Builder for a {@link BakedSecretsDecryptor}.
	 */
	public static final class Builder {

		private final KmsClient kms;

		private int concurrency = DEFAULT_CONCURRENCY;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Builder(KmsClient kms) {
			this.kms = Objects.requireNonNull(kms, "'kms' must not be null");
		}

		/**
		 * Set the maximum number of {@code Decrypt} calls in flight at once.
		 * @param concurrency the concurrency, at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			if (concurrency < 1) {
				throw new IllegalArgumentException("'concurrency' must be at least 1 but was " + concurrency);
			}
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Set the deadline for decrypting every secret, retries included.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Objects.requireNonNull(timeout, "'timeout' must not be null");
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("'timeout' must be positive but was " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the decryptor.
		 * @return the decryptor
		 */
		public BakedSecretsDecryptor build() {
			return new BakedSecretsDecryptor(this);
		}

	}

}
