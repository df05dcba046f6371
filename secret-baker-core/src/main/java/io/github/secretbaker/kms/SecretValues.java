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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecrypter.Attempt;
import io.github.secretbaker.kms.BakedSecretsDecrypter.Outcome;
import io.github.secretbaker.kms.SecretDecryptionFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The values of baked secrets by name, however they are obtained: decrypted already,
 * decrypted in the background and waited for on the first read, decrypted each on its
 * first read (lazy mode), supplied a decrypter later such as after a JVM snapshot is
 * restored, or one placeholder for every secret in a training run. Values never appear in
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class SecretValues {

	private static final Consumer<BakedSecret> IGNORE = (secret) -> {
	};

	private final BakedSecrets secrets;

	private final @Nullable Map<String, LazySecret> lazySecrets;

	private final @Nullable String placeholder;

	private final @Nullable String notYetReadable;

	private final Consumer<BakedSecret> onFirstRead;

	private final AtomicBoolean elapsedReported = new AtomicBoolean();

	private volatile @Nullable DecryptedSecrets decrypted;

	private volatile @Nullable PendingSecrets pending;

	private volatile @Nullable BakedSecretsDecrypter decrypter;

	private SecretValues(BakedSecrets secrets, boolean lazy, @Nullable String placeholder,
			@Nullable String notYetReadable, Consumer<BakedSecret> onFirstRead) {
		this.secrets = secrets;
		this.placeholder = placeholder;
		this.notYetReadable = notYetReadable;
		this.onFirstRead = onFirstRead;
		if (lazy) {
			Map<String, LazySecret> lazySecrets = new HashMap<>();
			secrets.forEach((secret) -> lazySecrets.put(secret.name(), new LazySecret(secret)));
			this.lazySecrets = Map.copyOf(lazySecrets);
		}
		else {
			this.lazySecrets = null;
		}
	}

	/**
	 * Return the values of secrets that are decrypted already, such as by
	 * {@code BakedSecretsLoader.load()}.
	 * @param secrets the baked secrets
	 * @param values their values
	 * @return the values
	 */
	public static SecretValues of(BakedSecrets secrets, DecryptedSecrets values) {
		SecretValues secretValues = new SecretValues(secrets, false, null, null, IGNORE);
		secretValues.decrypted = values;
		return secretValues;
	}

	/**
	 * Return the values of a decryption going on in the background; the first read waits
	 * for it, never past its deadline.
	 * @param pending the decryption
	 * @return the values
	 */
	public static SecretValues of(PendingSecrets pending) {
		SecretValues values = new SecretValues(pending.getSecrets(), false, null, null, IGNORE);
		values.pending = pending;
		return values;
	}

	/**
	 * Return values that are decrypted each on its first read, at most once at a time:
	 * concurrent first reads of a secret share one attempt and its outcome, each waiting
	 * no longer than the decrypter's timeout from its own call, while reads of other
	 * secrets go on. A failed read is tried again by the next one.
	 * @param secrets the baked secrets
	 * @param decrypter the decrypter, whose client must stay open as long as the values
	 * are read
	 * @param onFirstRead called with each secret once it is decrypted, such as to log its
	 * name
	 * @return the values
	 */
	public static SecretValues lazy(BakedSecrets secrets, BakedSecretsDecrypter decrypter,
			Consumer<BakedSecret> onFirstRead) {
		SecretValues values = new SecretValues(secrets, true, null, null, onFirstRead);
		values.decrypter = decrypter;
		return values;
	}

	/**
	 * Return values that are obtained only once {@link #supply(BakedSecretsDecrypter)}
	 * has given them a decrypter, such as after a JVM snapshot is restored: in lazy mode
	 * each secret is then decrypted on its first read, else every secret in the
	 * background. A read before that fails, decrypting nothing.
	 * @param secrets the baked secrets
	 * @param lazy whether each secret is decrypted on its first read
	 * @param reason why a read cannot be answered yet and what to do, for its failure
	 * @param onFirstRead in lazy mode, called with each secret once it is decrypted
	 * @return the values
	 */
	public static SecretValues deferred(BakedSecrets secrets, boolean lazy, String reason,
			Consumer<BakedSecret> onFirstRead) {
		return new SecretValues(secrets, lazy, null, Objects.requireNonNull(reason, "'reason' must not be null"),
				onFirstRead);
	}

	/**
	 * Return values that are all the given placeholder, for a training run of an AOT
	 * cache or a CDS archive, in which nothing is decrypted.
	 * @param secrets the baked secrets
	 * @param placeholder the value of every secret, not a secret
	 * @return the values
	 */
	public static SecretValues placeholders(BakedSecrets secrets, String placeholder) {
		return new SecretValues(secrets, false, Objects.requireNonNull(placeholder, "'placeholder' must not be null"),
				null, IGNORE);
	}

	/**
	 * Return the baked secrets whose values these are.
	 * @return the secrets
	 */
	public BakedSecrets getSecrets() {
		return this.secrets;
	}

	/**
	 * Return whether each secret is decrypted on its first read.
	 * @return whether in lazy mode
	 */
	public boolean isLazy() {
		return this.lazySecrets != null;
	}

	/**
	 * Give {@linkplain #deferred deferred} values their decrypter, again after each
	 * restore of a snapshot: in lazy mode for the first reads, else to start decrypting
	 * every secret in the background now.
	 * @param decrypter the decrypter
	 */
	public void supply(BakedSecretsDecrypter decrypter) {
		if (this.lazySecrets != null) {
			this.decrypter = decrypter;
		}
		else {
			// Each restore of a snapshot decrypts anew, and its time is reported anew.
			this.elapsedReported.set(false);
			this.pending = decrypter.start(this.secrets);
		}
	}

	/**
	 * Return the value of the secret with the given name, waiting for the decryption in
	 * the background or decrypting the secret in lazy mode, never past the deadline.
	 * @param name the secret name
	 * @return the value
	 * @throws NoSuchElementException if there is no such secret
	 * @throws SecretDecryptionException if the secret could not be decrypted, or not yet
	 */
	public String get(String name) {
		if (this.placeholder != null) {
			require(name);
			return this.placeholder;
		}
		DecryptedSecrets decrypted = this.decrypted;
		if (decrypted != null) {
			return decrypted.require(name);
		}
		if (this.lazySecrets != null) {
			LazySecret secret = this.lazySecrets.get(name);
			if (secret == null) {
				throw new NoSuchElementException("No baked secret named '" + name + "'");
			}
			BakedSecretsDecrypter decrypter = this.decrypter;
			if (decrypter == null) {
				// Before a restore, a value decrypted with the init credentials would be
				// kept in the snapshot.
				throw notYetReadable(secret.secret);
			}
			return secret.get(decrypter, this.onFirstRead);
		}
		PendingSecrets pending = this.pending;
		if (pending == null) {
			throw notYetReadable(require(name));
		}
		return pending.join().require(name);
	}

	/**
	 * Wait, never past the deadline, for a decryption going on in the background, so that
	 * a failure surfaces now rather than at a later read. Does nothing in the other
	 * modes.
	 * @return how long the decryption took, returned once: by the first call that sees it
	 * complete; {@code null} from every other call
	 * @throws SecretDecryptionException if any secret could not be decrypted
	 */
	public @Nullable Duration join() {
		PendingSecrets pending = this.pending;
		if (pending == null) {
			return null;
		}
		pending.join();
		return this.elapsedReported.compareAndSet(false, true) ? pending.getElapsed() : null;
	}

	/**
	 * Return whether the secret with the given name has been decrypted; nothing is
	 * decrypted or waited for.
	 * @param name the secret name
	 * @return whether its value is known
	 */
	public boolean isDecrypted(String name) {
		if (this.lazySecrets != null) {
			LazySecret secret = this.lazySecrets.get(name);
			return secret != null && secret.value != null;
		}
		DecryptedSecrets values = decryptedSoFar();
		return values != null && values.contains(name);
	}

	/**
	 * Call the given action with each secret decrypted so far; nothing is decrypted or
	 * waited for.
	 * @param action the action, given the secret name and its value
	 */
	public void forEachDecrypted(BiConsumer<String, String> action) {
		if (this.lazySecrets != null) {
			this.lazySecrets.forEach((name, secret) -> {
				String value = secret.value;
				if (value != null) {
					action.accept(name, value);
				}
			});
			return;
		}
		DecryptedSecrets values = decryptedSoFar();
		if (values != null) {
			values.names().forEach((name) -> action.accept(name, values.require(name)));
		}
	}

	private @Nullable DecryptedSecrets decryptedSoFar() {
		DecryptedSecrets decrypted = this.decrypted;
		if (decrypted != null) {
			return decrypted;
		}
		PendingSecrets pending = this.pending;
		if (pending == null || !pending.isDone()) {
			return null;
		}
		try {
			return pending.join();
		}
		catch (SecretDecryptionException ex) {
			return null;
		}
	}

	private BakedSecret require(String name) {
		BakedSecret secret = this.secrets.get(name);
		if (secret == null) {
			throw new NoSuchElementException("No baked secret named '" + name + "'");
		}
		return secret;
	}

	private SecretDecryptionException notYetReadable(BakedSecret secret) {
		return new SecretDecryptionException(
				List.of(SecretDecryptionFailure.of(secret, Kind.NOT_ATTEMPTED, String.valueOf(this.notYetReadable))),
				1);
	}

	@Override
	public String toString() {
		String mode = (this.placeholder != null) ? "placeholders" : isLazy() ? "lazy" : "decrypted";
		return "SecretValues" + this.secrets.names() + "[" + mode + "]";
	}

	/**
	 * One secret decrypted on its first read, at most once at a time.
	 */
	private static final class LazySecret {

		private final BakedSecret secret;

		// A ReentrantLock rather than synchronized, so a virtual thread never pins its
		// carrier.
		private final Lock lock = new ReentrantLock();

		private volatile @Nullable String value;

		private @Nullable InFlight inFlight;

		LazySecret(BakedSecret secret) {
			this.secret = secret;
		}

		String get(BakedSecretsDecrypter decrypter, Consumer<BakedSecret> onFirstRead) {
			String value = this.value;
			if (value != null) {
				return value;
			}
			Deadline deadline = Deadline.in(decrypter.getTimeout());
			InFlight attempt;
			boolean owner = false;
			this.lock.lock();
			try {
				if (this.value != null) {
					return this.value;
				}
				attempt = this.inFlight;
				if (attempt == null) {
					attempt = new InFlight(new Attempt(this.secret), new CompletableFuture<>());
					this.inFlight = attempt;
					owner = true;
				}
			}
			finally {
				this.lock.unlock();
			}
			Outcome outcome = owner ? decrypt(decrypter, attempt, deadline)
					: decrypter.await(attempt.attempt(), attempt.outcome(), deadline);
			if (outcome.failure() != null) {
				throw new SecretDecryptionException(List.of(outcome.failure()), 1);
			}
			if (owner) {
				onFirstRead.accept(this.secret);
			}
			return Objects.requireNonNull(outcome.value());
		}

		private Outcome decrypt(BakedSecretsDecrypter decrypter, InFlight attempt, Deadline deadline) {
			Outcome outcome = decrypter.decryptOrFail(attempt.attempt(), deadline);
			this.value = outcome.value();
			attempt.outcome().complete(outcome);
			this.lock.lock();
			try {
				if (this.inFlight == attempt) {
					this.inFlight = null;
				}
			}
			finally {
				this.lock.unlock();
			}
			return outcome;
		}

		@Override
		public String toString() {
			return "LazySecret[" + this.secret.name() + "]";
		}

	}

	private record InFlight(Attempt attempt, CompletableFuture<Outcome> outcome) {
	}

}
