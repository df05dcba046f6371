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

package io.github.secretbaker.kms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Decrypts baked secrets through a {@link KmsDecrypter}: each entry's ciphertext with the
 * {@code PARAMETER_ARN} encryption context that SSM bound to it, or, for an Advanced-tier
 * entry, the data key of its AWS Encryption SDK message with the message's context.
 * {@link #start(BakedSecrets)} decrypts on background daemon threads while the caller
 * goes on starting: the first secret alone, to warm the client, then the others with at
 * most {@linkplain Builder#concurrency(int) concurrency} calls in flight, all within one
 * {@linkplain Builder#timeout(Duration) deadline} that bounds the retries of throttling,
 * server and network errors. Every failure is reported together in one
 * {@link SecretDecryptionException}.
 *
 * @since 0.1.0
 */
public final class BakedSecretsDecrypter {

	/**
	 * The default deadline for decrypting every secret: half of Lambda's 10 second init
	 * phase.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The longest deadline accepted: Lambda's longest invocation.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

	/**
	 * The default number of {@code Decrypt} calls in flight at once.
	 */
	public static final int DEFAULT_CONCURRENCY = 8;

	private static final Duration BASE_BACKOFF = Duration.ofMillis(25);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	// No call to KMS can be answered in less: with so little left, the secret is reported
	// as not attempted.
	private static final long MIN_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final KmsDecrypter kms;

	private final List<SecretOpener> openers;

	private final int concurrency;

	private final Duration timeout;

	private BakedSecretsDecrypter(Builder builder) {
		this.kms = builder.kms;
		this.openers = List.of(new EncryptionSdkOpener(builder.kms), new DirectKmsOpener(builder.kms));
		this.concurrency = builder.concurrency;
		this.timeout = builder.timeout;
	}

	/**
	 * Return a builder for a decrypter that calls the given client.
	 * @param kms the client
	 * @return the builder
	 */
	public static Builder builder(KmsDecrypter kms) {
		return new Builder(kms);
	}

	/**
	 * Return the deadline for one call to {@link #decryptAll(BakedSecrets)} or
	 * {@link #decrypt(BakedSecret)}, counted from that call.
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
	 * Return the client this decrypter calls.
	 * @return the client
	 */
	public KmsDecrypter getClient() {
		return this.kms;
	}

	/**
	 * Start decrypting every given secret on background threads and return at once; the
	 * deadline counts from now.
	 * @param secrets the secrets to decrypt
	 * @return the decryption in progress, to {@linkplain PendingSecrets#join() join} when
	 * a value is needed
	 */
	public PendingSecrets start(BakedSecrets secrets) {
		return new PendingSecrets(this, secrets, Deadline.in(this.timeout));
	}

	/**
	 * Load and initialise everything a decryption of the given secrets runs through,
	 * without calling KMS, reading credentials or producing any value: the client is
	 * {@linkplain KmsDecrypter#prime() primed}, and the scheduler runs once over the
	 * secrets against a stand-in client that answers at once. For a training run of an
	 * AOT cache or a CDS archive, or before a JVM checkpoint.
	 * @param secrets the secrets that will be decrypted later
	 */
	public void prime(BakedSecrets secrets) {
		this.kms.prime();
		try {
			new Builder(new PrimingDecrypter(this.kms.region())).timeout(this.timeout)
				.concurrency(this.concurrency)
				.build()
				.start(secrets)
				.join();
		}
		catch (SecretDecryptionException ex) {
			// The stand-in's answer is no data key, so an Advanced-tier entry fails once
			// its message is parsed; the classes it went through are loaded all the same.
		}
	}

	/**
	 * Decrypt every given secret in parallel, within the timeout.
	 * @param secrets the secrets to decrypt
	 * @return the values keyed by secret name
	 * @throws SecretDecryptionException if any secret cannot be decrypted; it lists every
	 * failed secret
	 */
	public DecryptedSecrets decryptAll(BakedSecrets secrets) {
		return start(secrets).join();
	}

	/**
	 * Decrypt one secret on the calling thread, within the timeout.
	 * @param secret the secret to decrypt
	 * @return its value
	 * @throws SecretDecryptionException if the secret cannot be decrypted
	 */
	public String decrypt(BakedSecret secret) {
		return decrypt(secret, Deadline.in(this.timeout));
	}

	/**
	 * Decrypt one secret on the calling thread, within the given deadline.
	 * @param secret the secret to decrypt
	 * @param deadline the deadline
	 * @return its value
	 * @throws SecretDecryptionException if the secret cannot be decrypted
	 */
	public String decrypt(BakedSecret secret, Deadline deadline) {
		Attempt attempt = new Attempt(secret);
		Outcome outcome = decryptWithRetry(attempt, deadline);
		if (outcome.failure() != null) {
			throw new SecretDecryptionException(List.of(outcome.failure()), 1);
		}
		return Objects.requireNonNull(outcome.value());
	}

	/**
	 * Decrypt one secret with retries until the deadline, reporting whatever goes wrong
	 * as its failure.
	 * @param attempt the attempt
	 * @param deadline the deadline
	 * @return the secret's value or its failure
	 */
	Outcome decryptOrFail(Attempt attempt, Deadline deadline) {
		try {
			return decryptWithRetry(attempt, deadline);
		}
		catch (Throwable ex) {
			return Outcome
				.failed(failure(attempt.secret, null, Kind.OTHER, "decryption failed with " + ex.getClass().getName()));
		}
	}

	/**
	 * Wait for the outcome of an attempt that another thread makes, never past the given
	 * deadline: the one wait of a background decryption and of a lazy first read.
	 * @param attempt the attempt
	 * @param outcome the outcome
	 * @param deadline the deadline
	 * @return the attempt's outcome, or its failure when the deadline passed
	 */
	Outcome await(Attempt attempt, Future<Outcome> outcome, Deadline deadline) {
		try {
			return outcome.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return Outcome.failed(timedOut(attempt, deadline));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed(failure(attempt.secret, null, Kind.TIMEOUT, "interrupted while waiting for KMS"));
		}
		catch (ExecutionException ex) {
			return Outcome.failed(failure(attempt.secret, null, Kind.OTHER,
					"decryption failed with " + ex.getCause().getClass().getName()));
		}
	}

	Outcome decryptWithRetry(Attempt attempt, Deadline deadline) {
		BakedSecret secret = attempt.secret;
		SecretOpener opener = opener(secret);
		while (true) {
			if (deadline.remainingNanos() < MIN_CALL_NANOS) {
				return Outcome.failed(timedOut(attempt, deadline));
			}
			attempt.attempts++;
			try {
				return Outcome.decrypted(text(opener.open(secret, deadline)));
			}
			catch (KmsDecryptException ex) {
				if (ex.getKind() == Kind.CREDENTIALS && attempt.lastRetryable != null) {
					// An earlier attempt had credentials and reached KMS: not getting
					// them now is
					// the deadline running out, and what failed is what that attempt met.
					return Outcome.failed(timedOut(attempt, deadline));
				}
				SecretDecryptionFailure failure = failure(secret, ex.getErrorCode(), ex.getKind(), ex.getDetail());
				if (!ex.getKind().isRetryable()) {
					return Outcome.failed(failure);
				}
				attempt.lastRetryable = failure;
			}
			catch (RuntimeException ex) {
				// Never the exception's message: a client library may quote what it
				// received.
				return Outcome
					.failed(failure(secret, null, Kind.OTHER, "the KMS client failed with " + ex.getClass().getName()));
			}
			if (!backOff(attempt.attempts, deadline)) {
				return Outcome.failed(timedOut(attempt, deadline));
			}
		}
	}

	private SecretOpener opener(BakedSecret secret) {
		for (SecretOpener opener : this.openers) {
			if (opener.supports(secret)) {
				return opener;
			}
		}
		throw new IllegalStateException("No opener for " + secret);
	}

	private static String text(byte[] plaintext) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(plaintext))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new KmsDecryptException(Kind.INVALID_RESPONSE, null,
					"the plaintext is not UTF-8 text, so it is not a SecureString value");
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	private static boolean backOff(int attempts, Deadline deadline) {
		long ceiling = Math.min(MAX_BACKOFF.toNanos(), BASE_BACKOFF.toNanos() << Math.min(attempts - 1, 20));
		long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
		if (delay >= deadline.remainingNanos()) {
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

	/**
	 * Return the failure of a secret whose deadline passed: the last retryable failure
	 * when calls were failing, {@link Kind#NOT_ATTEMPTED} when no call was made for it,
	 * else {@link Kind#TIMEOUT}.
	 * @param attempt the attempt
	 * @param deadline the deadline
	 * @return the failure of a secret whose deadline passed: the last retryable failure
	 * when calls were failing, {@link Kind#NOT_ATTEMPTED} when no call was made for it,
	 * else {@link Kind#TIMEOUT}
	 */
	SecretDecryptionFailure timedOut(Attempt attempt, Deadline deadline) {
		SecretDecryptionFailure lastRetryable = attempt.lastRetryable;
		BakedSecret secret = attempt.secret;
		if (lastRetryable != null) {
			return failure(secret, lastRetryable.errorCode(), lastRetryable.kind(),
					"still failing when the " + deadline.describeTimeout() + " deadline passed after "
							+ attempt.attempts + " attempts: " + lastRetryable.detail());
		}
		if (attempt.attempts == 0) {
			return failure(secret, null, Kind.NOT_ATTEMPTED, "still waiting for its turn when the "
					+ deadline.describeTimeout() + " deadline passed; no call was made for it");
		}
		return failure(secret, null, Kind.TIMEOUT,
				"KMS did not answer within the " + deadline.describeTimeout() + " deadline");
	}

	SecretDecryptionFailure failure(BakedSecret secret, @Nullable String errorCode, Kind kind, String detail) {
		return SecretDecryptionFailure.of(secret, errorCode, kind, detail, this.kms.region());
	}

	/**
	 * Return what is wrong with the given timeout, the one check that every setting of it
	 * goes through.
	 * @param timeout the timeout
	 * @return the problem, or {@code null} if the timeout is valid
	 */
	public static @Nullable String checkTimeout(@Nullable Duration timeout) {
		if (timeout == null) {
			return "'timeout' must not be null";
		}
		if (timeout.isNegative() || timeout.isZero()) {
			return "'timeout' must be positive but was " + timeout;
		}
		if (timeout.compareTo(MAX_TIMEOUT) > 0) {
			return "'timeout' must be at most " + MAX_TIMEOUT.toMinutes()
					+ " minutes (Lambda's longest invocation) but was " + timeout;
		}
		return null;
	}

	/**
	 * Return what is wrong with the given concurrency, the one check that every setting
	 * of it goes through.
	 * @param concurrency the concurrency
	 * @return the problem, or {@code null} if it is valid
	 */
	public static @Nullable String checkConcurrency(int concurrency) {
		return (concurrency < 1) ? "'concurrency' must be at least 1 but was " + concurrency : null;
	}

	/**
	 * Answers every call at once with the same text, so the scheduler's path can be run
	 * without KMS.
	 */
	private record PrimingDecrypter(@Nullable String region) implements KmsDecrypter {

		@Override
		public byte[] decrypt(KmsDecryptRequest request) {
			return "primed".getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * The progress of one secret's decryption, for the failure report at the deadline.
	 */
	static final class Attempt {

		final BakedSecret secret;

		volatile int attempts;

		volatile @Nullable SecretDecryptionFailure lastRetryable;

		Attempt(BakedSecret secret) {
			this.secret = secret;
		}

	}

	record Outcome(@Nullable String value, @Nullable SecretDecryptionFailure failure) {

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
	 * Builder for a {@link BakedSecretsDecrypter}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final KmsDecrypter kms;

		private int concurrency = DEFAULT_CONCURRENCY;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Builder(KmsDecrypter kms) {
			this.kms = Objects.requireNonNull(kms, "'kms' must not be null");
		}

		/**
		 * Set the maximum number of {@code Decrypt} calls in flight at once.
		 * @param concurrency the concurrency, at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			String problem = checkConcurrency(concurrency);
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Set the deadline for decrypting every secret, retries included.
		 * @param timeout the timeout, positive and at most {@link #MAX_TIMEOUT}
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			String problem = checkTimeout(timeout);
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the decrypter.
		 * @return the decrypter
		 */
		public BakedSecretsDecrypter build() {
			return new BakedSecretsDecrypter(this);
		}

	}

}
