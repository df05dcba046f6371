package io.github.secretbaker.bake;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.secretbaker.bake.BakeProblem.Kind;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.BakedSecretsDecryptor;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmServiceClientConfiguration;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * One resolution of a list of requests against SSM, with its own bounded thread pool.
 */
final class ResolutionRun {

	private static final AtomicInteger THREAD_COUNT = new AtomicInteger();

	private static final String AWS_MANAGED_KEY_ALIAS = "alias/aws/ssm";

	private final SsmClient ssm;

	private final Supplier<@Nullable KmsClient> kms;

	private final int concurrency;

	private final BakeProgressListener progressListener;

	private final AtomicInteger getParametersCalls = new AtomicInteger();

	private final AtomicInteger metadataCalls = new AtomicInteger();

	private final AtomicBoolean describeDenied = new AtomicBoolean();

	ResolutionRun(SsmClient ssm, Supplier<@Nullable KmsClient> kms, int concurrency,
			BakeProgressListener progressListener) {
		this.ssm = ssm;
		this.kms = kms;
		this.concurrency = concurrency;
		this.progressListener = progressListener;
	}

	Resolution resolve(List<SecretRequest> requests) {
		Map<String, List<SecretRequest>> byPath = new LinkedHashMap<>();
		requests.stream()
			.sorted(Comparator.comparing(SecretRequest::path))
			.forEach((request) -> byPath.computeIfAbsent(request.path(), (path) -> new ArrayList<>()).add(request));
		ExecutorService executor = Executors.newFixedThreadPool(this.concurrency, ResolutionRun::newThread);
		try {
			return resolve(byPath, executor);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private Resolution resolve(Map<String, List<SecretRequest>> byPath, ExecutorService executor) {
		Map<String, Failure> failures = new HashMap<>();
		Fetched fetched = fetch(new ArrayList<>(byPath.keySet()), executor, true);
		failures.putAll(fetched.failures());
		failures.putAll(classifyMissing(fetched.missing(), byPath, executor));
		Map<String, Parameter> secureStrings = new LinkedHashMap<>();
		fetched.parameters().forEach((path, parameter) -> {
			Failure failure = checkValue(parameter);
			if (failure != null) {
				failures.put(path, failure);
			}
			else {
				secureStrings.put(path, parameter);
			}
		});
		Map<String, VersionMetadata> metadata = readMetadata(secureStrings, failures, executor);
		AliasLookup aliases = describeAliases(metadata.values(), executor);
		List<BakedSecret> secrets = new ArrayList<>();
		Set<String> keptAliases = new TreeSet<>();
		Set<String> advanced = new TreeSet<>();
		secureStrings.forEach((path, parameter) -> {
			VersionMetadata versionMetadata = metadata.get(path);
			if (versionMetadata == null) {
				return;
			}
			Failure failure = checkMetadata(versionMetadata);
			if (failure != null) {
				failures.put(path, failure);
				return;
			}
			String keyArn = versionMetadata.keyArn();
			if (keyArn != null) {
				keyArn = aliases.keyArns().getOrDefault(keyArn, keyArn);
			}
			// The value's own format says how the runtime must open it, whatever DescribeParameters says
			String tier = KmsCiphertexts.tierOf(parameter.value());
			for (SecretRequest request : byPath.get(path)) {
				secrets.add(new BakedSecret(request.name(), parameter.value(), parameter.arn(), parameter.version(),
						keyArn, tier));
				if (BakedSecret.ADVANCED_TIER.equals(tier)) {
					advanced.add(request.name());
				}
				if (keyArn != null && isAliasArn(keyArn)) {
					keptAliases.add(request.name());
				}
			}
		});
		List<BakeProblem> problems = new ArrayList<>();
		failures.forEach((path, failure) -> {
			for (SecretRequest request : byPath.get(path)) {
				problems.add(new BakeProblem(request.name(), path, failure.kind(), failure.message()));
			}
		});
		problems.sort(Comparator.comparing(BakeProblem::secretName));
		List<String> warnings = new ArrayList<>();
		if (this.describeDenied.get() && !secrets.isEmpty()) {
			warnings.add("ssm:DescribeParameters was denied, so the secrets are baked without their key ARN (keyId), "
					+ "with the tier read from the value's format, and a parameter under the AWS managed key "
					+ "alias/aws/ssm cannot be detected; allow ssm:DescribeParameters on Resource \"*\" (it cannot be "
					+ "limited to parameters) to record the keys, or give 'secret-baker policy' the key with --key-arn");
		}
		if (!keptAliases.isEmpty()) {
			warnings.add(aliasWarning(keptAliases, aliases.failureReasons()));
		}
		if (!advanced.isEmpty()) {
			warnings.add(((advanced.size() == 1) ? "Secret " + advanced.iterator().next()
					+ ": the value is an AWS Encryption SDK message" : "Secrets " + String.join(", ", advanced)
					+ ": the values are AWS Encryption SDK messages")
					+ " (Advanced tier), which the function opens only with "
					+ BakedSecretsDecryptor.ENCRYPTION_SDK_DEPENDENCY + " among its dependencies");
		}
		return new Resolution(BakedSecrets.of(secrets), problems, this.getParametersCalls.get(),
				this.metadataCalls.get(), warnings, aliases.keyArns());
	}

	private Fetched fetch(List<String> paths, ExecutorService executor, boolean reportProgress) {
		List<List<String>> batches = partition(paths, ParameterStoreBaker.MAX_NAMES_PER_GET_PARAMETERS);
		AtomicInteger completed = new AtomicInteger();
		List<Future<Fetched>> futures = new ArrayList<>();
		for (List<String> batch : batches) {
			futures.add(executor.submit(() -> {
				Fetched result = fetchBatch(batch);
				if (reportProgress) {
					this.progressListener.parametersFetched(completed.incrementAndGet(), batches.size());
				}
				return result;
			}));
		}
		Fetched all = new Fetched();
		for (Future<Fetched> future : futures) {
			all.addAll(await(future));
		}
		return all;
	}

	private Fetched fetchBatch(List<String> paths) {
		Fetched result = new Fetched();
		try {
			result.addAll(getParameters(paths));
		}
		catch (SdkException ex) {
			if (paths.size() > 1 && (isAccessDenied(ex) || isValidationError(ex))) {
				// One denied or invalid name (such as an ARN of another region) fails the whole call:
				// ask for each name alone, so that only the offending secrets fail, each by name.
				for (String path : paths) {
					result.addAll(fetchBatch(List.of(path)));
				}
			}
			else {
				Failure failure = awsFailure("GetParameters", ex);
				paths.forEach((path) -> result.failures().put(path, failure));
			}
		}
		return result;
	}

	private Fetched getParameters(List<String> paths) {
		this.getParametersCalls.incrementAndGet();
		GetParametersResponse response = this.ssm.getParameters((request) -> request.names(paths).withDecryption(false));
		Fetched result = new Fetched();
		List<Parameter> returned = new ArrayList<>(response.parameters());
		for (String path : paths) {
			if (response.invalidParameters().contains(path)) {
				result.missing().add(path);
				continue;
			}
			Parameter parameter = findMatch(path, returned);
			if (parameter != null) {
				returned.remove(parameter);
				result.parameters().put(path, parameter);
			}
			else {
				result.missing().add(path);
			}
		}
		return result;
	}

	private static @Nullable Parameter findMatch(String path, List<Parameter> returned) {
		SecretRequest wanted = SecretRequest.of("match", path);
		for (Parameter parameter : returned) {
			boolean sameParameter = wanted.parameter().equals(parameter.name())
					|| wanted.parameter().equals(parameter.arn());
			if (sameParameter && sameSelector(wanted, parameter)) {
				return parameter;
			}
		}
		return null;
	}

	private static boolean sameSelector(SecretRequest wanted, Parameter parameter) {
		String selector = parameter.selector();
		if (selector != null && selector.startsWith(":")) {
			selector = selector.substring(1);
		}
		if (wanted.selector() == null) {
			return selector == null || selector.isEmpty();
		}
		if (wanted.selector().equals(selector)) {
			return true;
		}
		return (selector == null || selector.isEmpty()) && Objects.equals(wanted.pinnedVersion(), parameter.version());
	}

	private Map<String, Failure> classifyMissing(Set<String> missing, Map<String, List<SecretRequest>> byPath,
			ExecutorService executor) {
		Map<String, String> baseByPath = new LinkedHashMap<>();
		for (String path : missing) {
			SecretRequest request = byPath.get(path).get(0);
			if (request.isPinned()) {
				baseByPath.put(path, request.parameter());
			}
		}
		Fetched bases = baseByPath.isEmpty() ? new Fetched()
				: fetch(new ArrayList<>(new TreeSet<>(baseByPath.values())), executor, false);
		Map<String, Failure> failures = new HashMap<>();
		for (String path : missing) {
			SecretRequest request = byPath.get(path).get(0);
			if (!request.isPinned() || bases.missing().contains(request.parameter())) {
				failures.put(path, new Failure(Kind.MISSING_PARAMETER, "parameter '" + request.parameter()
						+ "' does not exist in this account and region; create it as a SecureString or fix the path"));
			}
			else if (request.pinnedVersion() != null) {
				failures.put(path, new Failure(Kind.MISSING_VERSION, "parameter '" + request.parameter()
						+ "' has no version " + request.pinnedVersion() + "; pin an existing version or drop ':"
						+ request.selector() + "' to bake the latest"));
			}
			else {
				failures.put(path, new Failure(Kind.MISSING_LABEL, "parameter '" + request.parameter()
						+ "' has no version labelled '" + request.label() + "'; label a version with "
						+ "'aws ssm label-parameter-version' or drop ':" + request.selector() + "' to bake the latest"));
			}
		}
		return failures;
	}

	private static @Nullable Failure checkValue(Parameter parameter) {
		if (parameter.type() != ParameterType.SECURE_STRING) {
			return new Failure(Kind.NOT_SECURE_STRING, "parameter is a " + parameter.typeAsString()
					+ ", not a SecureString: its value would ship in clear inside the artifact; "
					+ "store it as a SecureString encrypted with a customer managed KMS key");
		}
		String problem = KmsCiphertexts.findProblem(parameter.value());
		return (problem != null) ? new Failure(Kind.NOT_KMS_CIPHERTEXT, problem) : null;
	}

	private static @Nullable Failure checkMetadata(VersionMetadata metadata) {
		String keyId = metadata.keyArn();
		if (keyId != null && isAwsManagedKey(keyId)) {
			return new Failure(Kind.AWS_MANAGED_KEY, "parameter is encrypted with the AWS managed key "
					+ AWS_MANAGED_KEY_ALIAS + ", which only SSM itself may use, so the function could not decrypt it; "
					+ "overwrite it with a customer managed KMS key (PutParameter --key-id <key> --overwrite)");
		}
		return null;
	}

	private Map<String, VersionMetadata> readMetadata(Map<String, Parameter> parameters, Map<String, Failure> failures,
			ExecutorService executor) {
		// A parameter shared from another account is named by its ARN, which DescribeParameters does
		// not take as a name: its key comes from its history.
		List<String> names = new ArrayList<>(new TreeSet<>(
				parameters.values().stream().map(Parameter::name).filter((name) -> !name.startsWith("arn:")).toList()));
		Map<String, ParameterMetadata> described = new ConcurrentHashMap<>();
		Map<String, Failure> describeFailures = new ConcurrentHashMap<>();
		List<Future<?>> futures = new ArrayList<>();
		for (List<String> batch : partition(names, ParameterStoreBaker.MAX_NAMES_PER_DESCRIBE_PARAMETERS)) {
			futures.add(executor.submit(() -> describe(batch, described, describeFailures)));
		}
		futures.forEach(ResolutionRun::await);
		Map<String, VersionMetadata> metadata = new HashMap<>();
		if (this.describeDenied.get()) {
			parameters.forEach((path, parameter) -> metadata.put(path, new VersionMetadata(null)));
			return metadata;
		}
		Map<String, Future<HistoryLookup>> histories = new HashMap<>();
		parameters.forEach((path, parameter) -> {
			Failure failure = describeFailures.get(parameter.name());
			if (failure != null) {
				failures.put(path, failure);
				return;
			}
			ParameterMetadata latest = described.get(parameter.name());
			if (latest != null && Objects.equals(latest.version(), parameter.version())) {
				metadata.put(path, new VersionMetadata(keyArn(latest.keyId(), parameter.arn())));
			}
			else {
				histories.computeIfAbsent(parameter.name(),
						(name) -> executor.submit(() -> history(name)));
			}
		});
		parameters.forEach((path, parameter) -> {
			Future<HistoryLookup> future = histories.get(parameter.name());
			if (future == null || metadata.containsKey(path)) {
				return;
			}
			HistoryLookup lookup = await(future);
			if (lookup.failure() != null) {
				failures.put(path, lookup.failure());
				return;
			}
			ParameterHistory version = lookup.versions().get(parameter.version());
			if (version == null) {
				failures.put(path, new Failure(Kind.MISSING_VERSION, "version " + parameter.version()
						+ " is not in the parameter history any more (SSM keeps the last 100 versions); pin a newer one"));
				return;
			}
			metadata.put(path, new VersionMetadata(keyArn(version.keyId(), parameter.arn())));
		});
		return metadata;
	}

	private void describe(List<String> names, Map<String, ParameterMetadata> described, Map<String, Failure> failures) {
		try {
			this.ssm.describeParametersPaginator((request) -> request
				.parameterFilters(ParameterStringFilter.builder().key("Name").option("Equals").values(names).build())
				.maxResults(ParameterStoreBaker.MAX_NAMES_PER_DESCRIBE_PARAMETERS))
				.forEach((page) -> {
					this.metadataCalls.incrementAndGet();
					page.parameters().forEach((metadata) -> described.put(metadata.name(), metadata));
				});
		}
		catch (SdkException ex) {
			if (isAccessDenied(ex)) {
				// DescribeParameters cannot be limited to parameters (it needs Resource "*"), so many
				// build roles lack it: bake as the Node plugin does, without key and tier metadata.
				this.describeDenied.set(true);
				return;
			}
			Failure failure = awsFailure("DescribeParameters", ex);
			names.forEach((name) -> failures.put(name, failure));
		}
	}

	/**
	 * Resolve every alias ARN among the keys to its key ARN, one {@code DescribeKey} call
	 * per distinct alias. A failure is not a problem of the bake: the alias ARN is kept.
	 */
	private AliasLookup describeAliases(Collection<VersionMetadata> metadata, ExecutorService executor) {
		Set<String> aliasArns = new TreeSet<>();
		for (VersionMetadata versionMetadata : metadata) {
			String keyArn = versionMetadata.keyArn();
			if (keyArn != null && isAliasArn(keyArn) && !isAwsManagedKey(keyArn)) {
				aliasArns.add(keyArn);
			}
		}
		if (aliasArns.isEmpty()) {
			return new AliasLookup(Map.of(), Set.of());
		}
		KmsClient kms;
		try {
			kms = this.kms.get();
		}
		catch (SdkException ex) {
			return new AliasLookup(Map.of(), Set.of("no KMS client could be created (" + ex.getMessage() + ")"));
		}
		if (kms == null) {
			return new AliasLookup(Map.of(), Set.of("no KMS client was given to the baker"));
		}
		Map<String, Future<KeyLookup>> lookups = new LinkedHashMap<>();
		for (String aliasArn : aliasArns) {
			lookups.put(aliasArn, executor.submit(() -> describeKey(kms, aliasArn)));
		}
		Map<String, String> keyArns = new HashMap<>();
		Set<String> failureReasons = new TreeSet<>();
		lookups.forEach((aliasArn, future) -> {
			KeyLookup lookup = await(future);
			if (lookup.keyArn() != null) {
				keyArns.put(aliasArn, lookup.keyArn());
			}
			else {
				failureReasons.add(lookup.failure());
			}
		});
		return new AliasLookup(keyArns, failureReasons);
	}

	private static KeyLookup describeKey(KmsClient kms, String aliasArn) {
		try {
			return new KeyLookup(kms.describeKey((request) -> request.keyId(aliasArn)).keyMetadata().arn(), "");
		}
		catch (AwsServiceException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			return new KeyLookup(null, "kms:DescribeKey failed with " + ((code != null) ? code : "HTTP " + ex.statusCode()));
		}
		catch (SdkException ex) {
			return new KeyLookup(null, "kms:DescribeKey failed: " + ex.getMessage());
		}
	}

	private static String aliasWarning(Set<String> secretNames, Set<String> failureReasons) {
		return ((secretNames.size() == 1) ? "Secret " : "Secrets ") + String.join(", ", secretNames)
				+ ": the key alias ARN is recorded as keyId, not the key ARN, because "
				+ String.join("; ", failureReasons) + "; 'secret-baker policy' will need --key-arn for "
				+ ((secretNames.size() == 1) ? "it" : "them")
				+ ", and allowing kms:DescribeKey on the key lets the bake record the key ARN";
	}

	private static boolean isAliasArn(String keyArn) {
		return keyArn.contains(":alias/");
	}

	private static boolean isAwsManagedKey(String keyId) {
		return keyId.equals(AWS_MANAGED_KEY_ALIAS) || keyId.endsWith(":" + AWS_MANAGED_KEY_ALIAS);
	}

	private HistoryLookup history(String name) {
		try {
			Map<Long, ParameterHistory> versions = new HashMap<>();
			this.ssm.getParameterHistoryPaginator((request) -> request.name(name).withDecryption(false).maxResults(50))
				.forEach((page) -> {
					this.metadataCalls.incrementAndGet();
					page.parameters().forEach((version) -> versions.put(version.version(), version));
				});
			return new HistoryLookup(versions, null);
		}
		catch (SdkException ex) {
			return new HistoryLookup(Map.of(), awsFailure("GetParameterHistory", ex));
		}
	}

	/**
	 * Return the ARN for the key id SSM reports, which is whatever was given to
	 * {@code PutParameter}: a key id, an alias name or an ARN. The key is in the parameter's
	 * region and, unless given as an ARN, its account, so a key id names exactly one key ARN;
	 * an alias gives an alias ARN, for {@code DescribeKey} to resolve.
	 */
	static @Nullable String keyArn(@Nullable String keyId, String parameterArn) {
		if (keyId == null || keyId.isBlank() || keyId.startsWith("arn:")) {
			return keyId;
		}
		if (keyId.equals(AWS_MANAGED_KEY_ALIAS)) {
			return keyId;
		}
		String[] arn = parameterArn.split(":", 6);
		String prefix = "arn:" + arn[1] + ":kms:" + arn[3] + ":" + arn[4] + ":";
		return keyId.startsWith("alias/") ? prefix + keyId : prefix + "key/" + keyId;
	}

	private Failure awsFailure(String operation, SdkException ex) {
		if (isValidationError(ex)) {
			// The message of a ValidationException quotes the request; only the code is passed on.
			return new Failure(Kind.INVALID_PARAMETER, operation + " refused this name or ARN with ValidationException: "
					+ "check that a parameter ARN is in the region and partition the bake runs in (--region), and that "
					+ "a name uses only letters, digits and . - _ /");
		}
		if (ex instanceof AwsServiceException serviceException && serviceException.awsErrorDetails() != null) {
			String code = serviceException.awsErrorDetails().errorCode();
			String detail = operation + " failed with " + code + " (" + serviceException.awsErrorDetails().errorMessage()
					+ ")";
			if (isAccessDenied(ex)) {
				return new Failure(Kind.ACCESS_DENIED, detail + "; allow ssm:" + operation
						+ " on this parameter for the identity running the bake");
			}
			return new Failure(Kind.AWS_FAILURE, detail + " after retries; try again later");
		}
		return new Failure(Kind.AWS_FAILURE, clientFailure(operation, ex));
	}

	/**
	 * Describe a failure that happened before AWS answered, in one line: the SDK's own
	 * message lists every credentials provider it tried, or quotes the request.
	 */
	private String clientFailure(String operation, SdkException ex) {
		String message = Objects.requireNonNullElse(ex.getMessage(), "");
		if (message.startsWith("Unable to load credentials") || message.startsWith("Profile file contained no credentials")) {
			return "no AWS credentials found (tried the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment "
					+ "variables, the aws.accessKeyId system property, a web identity token, the profile in "
					+ "~/.aws/credentials and ~/.aws/config, container credentials and the EC2 instance profile); "
					+ "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile (<profile> in Maven)";
		}
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof UnknownHostException) {
				return operation + " cannot reach " + endpointHost() + ": the host name does not resolve; check the "
						+ "network and DNS, --region and --endpoint-url";
			}
			if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
				return operation + " cannot reach " + endpointHost() + " (" + cause.getClass().getSimpleName()
						+ ") after retries; check the network, a proxy or VPC endpoint, and --endpoint-url";
			}
			cause = cause.getCause();
		}
		if (ex instanceof ApiCallAttemptTimeoutException || ex instanceof ApiCallTimeoutException) {
			return operation + " to " + endpointHost() + " timed out after retries; check the network, or try again";
		}
		return operation + " to " + endpointHost() + " failed after retries (" + ex.getClass().getSimpleName()
				+ "); check the network and --endpoint-url, or try again later";
	}

	private String endpointHost() {
		try {
			SsmServiceClientConfiguration configuration = this.ssm.serviceClientConfiguration();
			return configuration.endpointOverride()
				.map(URI::getAuthority)
				.orElseGet(() -> "ssm." + configuration.region().id() + ".amazonaws.com");
		}
		catch (RuntimeException ex) {
			return "the SSM endpoint";
		}
	}

	private static boolean isValidationError(SdkException ex) {
		return ex instanceof AwsServiceException serviceException && serviceException.awsErrorDetails() != null
				&& "ValidationException".equals(serviceException.awsErrorDetails().errorCode());
	}

	private static boolean isAccessDenied(SdkException ex) {
		if (ex instanceof AwsServiceException serviceException) {
			String code = (serviceException.awsErrorDetails() != null) ? serviceException.awsErrorDetails().errorCode()
					: null;
			return "AccessDeniedException".equals(code) || "AccessDenied".equals(code)
					|| serviceException.statusCode() == 403;
		}
		return false;
	}

	private static <T> List<List<T>> partition(List<T> items, int size) {
		List<List<T>> batches = new ArrayList<>();
		for (int start = 0; start < items.size(); start += size) {
			batches.add(List.copyOf(items.subList(start, Math.min(items.size(), start + size))));
		}
		return batches;
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading SSM parameters", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable, "secret-baker-" + THREAD_COUNT.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * What a failed secret gets: the problem kind and message.
	 */
	private record Failure(Kind kind, String message) {

	}

	/**
	 * Key of one parameter version.
	 */
	private record VersionMetadata(@Nullable String keyArn) {

	}

	/**
	 * The key ARNs of the aliases that {@code DescribeKey} resolved, and why the others
	 * could not be.
	 */
	private record AliasLookup(Map<String, String> keyArns, Set<String> failureReasons) {

	}

	/**
	 * The key ARN of one alias, or why it could not be read.
	 */
	private record KeyLookup(@Nullable String keyArn, String failure) {

	}

	/**
	 * The versions of one parameter, or why they could not be read.
	 */
	private record HistoryLookup(Map<Long, ParameterHistory> versions, @Nullable Failure failure) {

	}

	/**
	 * Results of {@code GetParameters} calls keyed by requested path.
	 */
	private record Fetched(Map<String, Parameter> parameters, Set<String> missing, Map<String, Failure> failures) {

		Fetched() {
			this(new LinkedHashMap<>(), new TreeSet<>(), new LinkedHashMap<>());
		}

		void addAll(Fetched other) {
			this.parameters.putAll(other.parameters);
			this.missing.addAll(other.missing);
			this.failures.putAll(other.failures);
		}

	}

}
