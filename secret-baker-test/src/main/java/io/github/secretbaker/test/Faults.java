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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Faults injected into the answers of a {@link LocalAwsServer}: added latency,
 * throttling, internal failures, hangs, slow answers and access denials, each for one
 * operation (such as {@code "Decrypt"} or {@code "GetParameters"}) or for all of them
 * ({@code "*"}).
 * <p>
 * Faults apply to requests received over HTTP; a deny rule also applies to the KMS calls
 * that SSM makes on the caller's behalf ({@code Decrypt} for {@code WithDecryption},
 * {@code Encrypt} for a SecureString {@code PutParameter}), as IAM does.
 *
 * @since 0.1.0
 */
public final class Faults {

	/**
	 * The seed of {@link #partialPages(String)}.
	 */
	public static final long DEFAULT_PAGE_SEED = 1;

	private static final long MAX_HANG_NANOS = TimeUnit.MINUTES.toNanos(15);

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hangs = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> drips = new ConcurrentHashMap<>();

	private final Map<String, Duration> dripIntervals = new ConcurrentHashMap<>();

	private final Map<String, RateLimiter> rateLimits = new ConcurrentHashMap<>();

	private final List<DenyRule> denyRules = new CopyOnWriteArrayList<>();

	private final Map<String, Random> partialPages = new ConcurrentHashMap<>();

	private final ThreadLocal<Boolean> trusted = ThreadLocal.withInitial(() -> false);

	private final ThreadLocal<@Nullable Caller> caller = new ThreadLocal<>();

	private final Object hangMonitor = new Object();

	private final String accountId;

	private long hangGeneration;

	Faults(String accountId) {
		this.accountId = accountId;
	}

	/**
	 * Delay every answer to the given operation.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param delay the added latency
	 * @return these faults
	 */
	public Faults latency(String operation, Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("Latency must be zero or positive");
		}
		this.latencies.put(Operations.normalize(operation), delay);
		return this;
	}

	/**
	 * Answer the next {@code count} calls of the operation with a
	 * {@code ThrottlingException} (HTTP 400). Note that AWS SDKs retry throttled calls.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param count how many calls to throttle
	 * @return these faults
	 */
	public Faults throttleNext(String operation, int count) {
		add(this.throttles, operation, count);
		return this;
	}

	/**
	 * Answer calls of the operation beyond the given rate with a
	 * {@code ThrottlingException}. The limit is a token bucket holding one second of
	 * requests.
	 * @param operation the operation name, or {@code "*"} for all together
	 * @param requestsPerSecond the sustained rate allowed
	 * @return these faults
	 */
	public Faults rateLimit(String operation, double requestsPerSecond) {
		if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
			throw new IllegalArgumentException("Requests per second must be positive");
		}
		this.rateLimits.put(Operations.normalize(operation), new RateLimiter(requestsPerSecond));
		return this;
	}

	/**
	 * Answer the next {@code count} calls of the operation with HTTP 500
	 * {@code InternalFailure}. Note that AWS SDKs retry such calls.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param count how many calls to fail
	 * @return these faults
	 */
	public Faults failNext(String operation, int count) {
		add(this.failures, operation, count);
		return this;
	}

	/**
	 * Leave the next {@code count} calls of the operation unanswered until the client
	 * gives up, the faults are cleared, the server is reset or it stops.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param count how many calls to hang
	 * @return these faults
	 */
	public Faults hangNext(String operation, int count) {
		add(this.hangs, operation, count);
		return this;
	}

	/**
	 * Answer the next {@code count} calls of the operation slowly: the status line and
	 * headers at once, then the body one byte per {@code interval}, until the client
	 * gives up, the faults are cleared, the server is reset or it stops. A client whose
	 * timeout applies to each read only waits forever.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param count how many calls to answer slowly
	 * @param interval the time between two bytes of the body, positive
	 * @return these faults
	 */
	public Faults dripNext(String operation, int count, Duration interval) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("Drip interval must be positive");
		}
		add(this.drips, operation, count);
		this.dripIntervals.put(Operations.normalize(operation), interval);
		return this;
	}

	/**
	 * Answer the operation on a resource with {@code AccessDeniedException}. The resource
	 * is a KMS key in any form that resolves to it (key id, key ARN, alias name, alias
	 * ARN), or an SSM parameter name or ARN (for {@code GetParametersByPath}, the path);
	 * {@code "*"} matches any resource and may also be used as a wildcard inside a name
	 * or ARN, as in {@code "/app/*"}.
	 * @param operation the operation name, or {@code "*"} for all
	 * @param resource the resource to deny, or {@code "*"}
	 * @return these faults
	 * @throws IllegalArgumentException if the rule can never match a request: an ARN of
	 * another account, service or resource type than the operation acts on, a parameter
	 * name for a KMS operation, or a resource other than {@code "*"} for an operation
	 * that acts on no resource ({@code CreateKey}, {@code ListKeys}, {@code ListAliases},
	 * {@code DescribeParameters})
	 */
	public Faults deny(String operation, String resource) {
		return addPrincipalRule(Operations.ALL, operation, resource, null, null);
	}

	/**
	 * Answer the operation on a resource with {@code AccessDeniedException} for one
	 * principal only, as an IAM deny statement on a role does. The principal is matched
	 * against the caller's ARN and, for the credentials of an assumed role, against the
	 * role's ARN, so {@code arn:aws:iam::123456789012:role/my-function} denies every
	 * session of that role; {@code "*"} and wildcards inside the ARN are allowed.
	 * @param principal the principal ARN to deny, or {@code "*"}
	 * @param operation the operation name, or {@code "*"} for all
	 * @param resource the resource to deny, or {@code "*"} (see
	 * {@link #deny(String, String)})
	 * @return these faults
	 * @throws IllegalArgumentException if the rule can never match a request
	 */
	public Faults denyTo(String principal, String operation, String resource) {
		return addPrincipalRule(principal, operation, resource, null, null);
	}

	/**
	 * Answer a KMS operation with {@code AccessDeniedException} for one principal when
	 * the request's encryption context holds a value, as an IAM deny statement with a
	 * {@code kms:EncryptionContext:<key>} condition does. With the key
	 * {@code PARAMETER_ARN} and a parameter ARN, it denies decrypting that one parameter,
	 * directly or through SSM.
	 * @param principal the principal ARN to deny, or {@code "*"}
	 * @param operation a KMS operation name, or {@code "*"} for all
	 * @param resource the key to deny, or {@code "*"}
	 * @param contextKey the encryption context key
	 * @param contextValue the value that the context key must have for the rule to apply
	 * ({@code "*"} wildcards allowed)
	 * @return these faults
	 * @throws IllegalArgumentException if the rule can never match a request
	 */
	public Faults denyTo(String principal, String operation, String resource, String contextKey, String contextValue) {
		if (contextKey == null || contextKey.isBlank() || contextValue == null || contextValue.isEmpty()) {
			throw new IllegalArgumentException("Encryption context key and value must not be blank");
		}
		String name = Operations.normalize(operation);
		if (!name.equals(Operations.ALL) && !Operations.isKms(name)) {
			throw new IllegalArgumentException("Deny rule " + name + " with an encryption context can never match: "
					+ name + " is not a KMS operation");
		}
		return addPrincipalRule(principal, operation, resource, contextKey, contextValue);
	}

	private Faults addPrincipalRule(String principal, String operation, String resource, @Nullable String contextKey,
			@Nullable String contextValue) {
		if (principal == null || principal.isBlank()) {
			throw new IllegalArgumentException("Principal must not be blank");
		}
		String who = principal.strip();
		if (!who.equals(Operations.ALL) && !who.startsWith("arn:")) {
			throw new IllegalArgumentException("Principal '" + who + "' is neither * nor an ARN");
		}
		if (resource == null || resource.isBlank()) {
			throw new IllegalArgumentException("Resource must not be blank");
		}
		String name = Operations.normalize(operation);
		String stripped = resource.strip();
		String reason = neverMatches(name, stripped);
		if (reason != null) {
			throw new IllegalArgumentException("Deny rule " + name + "=" + stripped + " can never match: " + reason);
		}
		this.denyRules.add(new DenyRule(who, name, stripped, contextKey, contextValue));
		return this;
	}

	private @Nullable String neverMatches(String operation, String resource) {
		if (resource.equals(Operations.ALL)) {
			return null;
		}
		if (Operations.RESOURCELESS.contains(operation)) {
			return operation + " acts on no resource; deny it on *";
		}
		boolean all = operation.equals(Operations.ALL);
		boolean kms = Operations.isKms(operation);
		if (!resource.startsWith("arn:")) {
			return (kms && resource.startsWith("/")) ? "a parameter name, but " + operation
					+ " acts on KMS keys (key id, key ARN, alias name or alias ARN)" : null;
		}
		// A wildcard may span parts of the ARN, so only the parts before the first one
		// are known
		int wildcard = resource.indexOf('*');
		String known = (wildcard >= 0) ? resource.substring(0, wildcard) : resource;
		String[] parts = known.split(":", 6);
		int complete = (wildcard >= 0) ? parts.length - 1 : parts.length;
		if (wildcard < 0 && parts.length != 6) {
			return "an ARN has six parts, arn:aws:<service>:<region>:<account>:<resource>";
		}
		// Keys and parameters of other accounts are used by ARN once shared; their
		// aliases never are
		if (complete > 4 && !parts[4].equals(this.accountId) && parts.length == 6 && parts[5].startsWith("alias/")) {
			return "account " + parts[4] + " is not this server's account " + this.accountId
					+ ", and an alias of another account is never used";
		}
		if (complete <= 2) {
			return null;
		}
		String service = parts[2];
		String type = (parts.length == 6) ? parts[5] : "";
		if (service.equals("kms")) {
			if (!all && !kms) {
				return "a KMS ARN, but " + operation + " acts on SSM parameters";
			}
			return startsWithEither(type, "key/", "alias/") ? null : "a KMS ARN names a key/<id> or an alias/<name>";
		}
		if (service.equals("iam")) {
			if (!all && !Operations.isSts(operation)) {
				return "an IAM ARN, but " + operation + " acts on " + (kms ? "KMS keys" : "SSM parameters");
			}
			return startsWithEither(type, "role/") ? null : "an IAM ARN names a role/<name>";
		}
		if (Operations.isSts(operation)) {
			return "AssumeRole acts on IAM roles, arn:aws:iam::<account>:role/<name>";
		}
		if (service.equals("ssm")) {
			if (kms) {
				return "an SSM ARN, but " + operation + " acts on KMS keys";
			}
			return startsWithEither(type, "parameter/") ? null : "an SSM ARN names a parameter/<name>";
		}
		return "the server has no " + service + " resources";
	}

	private static boolean startsWithEither(String type, String... prefixes) {
		for (String prefix : prefixes) {
			if (type.startsWith(prefix) || prefix.startsWith(type)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Answer the paged operation with best-effort pages, as AWS documents for
	 * {@code DescribeParameters}, {@code GetParametersByPath} and
	 * {@code GetParameterHistory}: at random, a page holds fewer items than
	 * {@code MaxResults}, or none, and still has a {@code NextToken}, even after its last
	 * item. The same seed gives the same sequence of page sizes for the same sequence of
	 * calls.
	 * @param operation one of the three operations, or {@code "*"} for all of them
	 * @param seed the seed of the page sizes
	 * @return these faults
	 */
	public Faults partialPages(String operation, long seed) {
		String name = Operations.normalize(operation);
		if (!name.equals(Operations.ALL) && !Operations.BEST_EFFORT_PAGES.contains(name)) {
			throw new IllegalArgumentException(operation + " has no best-effort pages; use one of "
					+ String.join(", ", Operations.BEST_EFFORT_PAGES) + " or *");
		}
		this.partialPages.put(name, new Random(seed));
		return this;
	}

	/**
	 * Answer the paged operation with best-effort pages from the seed
	 * {@value #DEFAULT_PAGE_SEED}.
	 * @param operation one of the three operations, or {@code "*"} for all of them
	 * @return these faults
	 * @see #partialPages(String, long)
	 */
	public Faults partialPages(String operation) {
		return partialPages(operation, DEFAULT_PAGE_SEED);
	}

	/**
	 * Remove every fault and release hanging calls.
	 */
	public void clear() {
		this.latencies.clear();
		this.throttles.clear();
		this.failures.clear();
		this.hangs.clear();
		this.drips.clear();
		this.dripIntervals.clear();
		this.rateLimits.clear();
		this.denyRules.clear();
		this.partialPages.clear();
		releaseHangs();
	}

	Duration latency(String operation) {
		Duration delay = this.latencies.get(operation);
		return (delay != null) ? delay : this.latencies.getOrDefault(Operations.ALL, Duration.ZERO);
	}

	/**
	 * Return the random source of partial pages for the operation, or {@code null} when
	 * its pages are full.
	 * @param operation the operation
	 * @return the random source of partial pages for the operation, or {@code null} when
	 * its pages are full
	 */
	@Nullable Random pageSizes(String operation) {
		Random random = this.partialPages.get(operation);
		return (random != null) ? random : this.partialPages.get(Operations.ALL);
	}

	boolean shouldHang(String operation) {
		return consume(this.hangs, operation);
	}

	/**
	 * Return the interval of a drip fault that applies to this call, or {@code null}.
	 * @param operation the operation
	 * @return the interval of a drip fault that applies to this call, or {@code null}
	 */
	@Nullable Duration drip(String operation) {
		if (decrement(this.drips.get(operation))) {
			return this.dripIntervals.get(operation);
		}
		if (decrement(this.drips.get(Operations.ALL))) {
			return this.dripIntervals.get(Operations.ALL);
		}
		return null;
	}

	/**
	 * Return the generation of hanging calls, which {@link #clear()} moves on.
	 * @return the generation of hanging calls, which {@link #clear()} moves on
	 */
	long hangGeneration() {
		synchronized (this.hangMonitor) {
			return this.hangGeneration;
		}
	}

	boolean shouldFail(String operation) {
		return consume(this.failures, operation);
	}

	boolean shouldThrottle(String operation) {
		if (consume(this.throttles, operation)) {
			return true;
		}
		RateLimiter limiter = this.rateLimits.get(operation);
		if (limiter != null && !limiter.tryAcquire()) {
			return true;
		}
		RateLimiter all = this.rateLimits.get(Operations.ALL);
		return all != null && !all.tryAcquire();
	}

	/**
	 * Whether a deny rule matches the operation and the resource.
	 * @param operation the bare operation name
	 * @param resourceMatcher whether a rule's resource (never {@code "*"}) designates the
	 * resource in the request
	 * @return whether the call is denied
	 */
	boolean isDenied(String operation, Predicate<String> resourceMatcher) {
		return isDenied(operation, resourceMatcher, Map.of());
	}

	/**
	 * Whether a deny rule matches the caller, the operation, the resource and the
	 * encryption context of the request.
	 * @param operation the bare operation name
	 * @param resourceMatcher whether a rule's resource (never {@code "*"}) designates the
	 * resource in the request
	 * @param context the request's encryption context, empty for an operation without one
	 * @return whether the call is denied
	 */
	boolean isDenied(String operation, Predicate<String> resourceMatcher, Map<String, String> context) {
		if (this.trusted.get()) {
			return false;
		}
		Caller current = caller();
		for (DenyRule rule : this.denyRules) {
			if ((rule.operation().equals(operation) || rule.operation().equals(Operations.ALL))
					&& (rule.resource().equals(Operations.ALL) || resourceMatcher.test(rule.resource()))
					&& rule.appliesTo(current) && rule.appliesTo(context)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the caller of the request being answered on this thread, or the server's own
	 * user outside a request.
	 * @return the caller
	 */
	Caller caller() {
		Caller current = this.caller.get();
		return (current != null) ? current : Caller.user(this.accountId);
	}

	/**
	 * Answer a request as the given caller.
	 * @param <T> the result type
	 * @param who the caller
	 * @param action the answer
	 * @return the result of the action
	 */
	<T> T as(Caller who, Supplier<T> action) {
		this.caller.set(who);
		try {
			return action.get();
		}
		finally {
			this.caller.remove();
		}
	}

	/**
	 * Run an administrative action, such as seeding, that deny rules do not apply to.
	 * @param <T> the result type
	 * @param action the action
	 * @return the result of the action
	 */
	<T> T trusted(Supplier<T> action) {
		this.trusted.set(true);
		try {
			return action.get();
		}
		finally {
			this.trusted.remove();
		}
	}

	/**
	 * Block until hanging calls are released or the maximum hang time has passed.
	 */
	void awaitRelease() throws InterruptedException {
		synchronized (this.hangMonitor) {
			long generation = this.hangGeneration;
			long deadline = System.nanoTime() + MAX_HANG_NANOS;
			while (generation == this.hangGeneration) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return;
				}
				TimeUnit.NANOSECONDS.timedWait(this.hangMonitor, remaining);
			}
		}
	}

	void releaseHangs() {
		synchronized (this.hangMonitor) {
			this.hangGeneration++;
			this.hangMonitor.notifyAll();
		}
	}

	private static void add(Map<String, AtomicInteger> counters, String operation, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Count must be zero or positive");
		}
		counters.computeIfAbsent(Operations.normalize(operation), (key) -> new AtomicInteger()).addAndGet(count);
	}

	private static boolean consume(Map<String, AtomicInteger> counters, String operation) {
		return decrement(counters.get(operation)) || decrement(counters.get(Operations.ALL));
	}

	private static boolean decrement(AtomicInteger counter) {
		if (counter == null) {
			return false;
		}
		return counter.getAndUpdate((value) -> (value > 0) ? value - 1 : 0) > 0;
	}

	private record DenyRule(String principal, String operation, String resource, @Nullable String contextKey,
			@Nullable String contextValue) {

		boolean appliesTo(Caller caller) {
			if (this.principal.equals(Operations.ALL)) {
				return true;
			}
			Pattern glob = KmsService.glob(this.principal);
			return glob.matcher(caller.arn()).matches()
					|| (caller.roleArn() != null && glob.matcher(caller.roleArn()).matches());
		}

		boolean appliesTo(Map<String, String> context) {
			if (this.contextKey == null || this.contextValue == null) {
				return true;
			}
			String value = context.get(this.contextKey);
			return value != null && KmsService.glob(this.contextValue).matcher(value).matches();
		}

	}

	private static final class RateLimiter {

		private final double perNano;

		private final double capacity;

		private double tokens;

		private long last;

		RateLimiter(double requestsPerSecond) {
			this.perNano = requestsPerSecond / TimeUnit.SECONDS.toNanos(1);
			this.capacity = Math.max(1, requestsPerSecond);
			this.tokens = this.capacity;
			this.last = System.nanoTime();
		}

		synchronized boolean tryAcquire() {
			long now = System.nanoTime();
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perNano);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

	}

}
