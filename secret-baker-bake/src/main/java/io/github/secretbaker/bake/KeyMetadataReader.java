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

package io.github.secretbaker.bake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.bake.BakeProblem.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

/**
 * Reads the key of each fetched parameter version: with {@code DescribeParameters} (fifty
 * names per call) for the latest version, with {@code GetParameterHistory} for any other.
 * When {@code DescribeParameters} is denied, the keys stay unknown and the bake goes on
 * without them.
 */
final class KeyMetadataReader {

	/**
	 * The warning of a bake that went on without keys because {@code DescribeParameters}
	 * was denied.
	 */
	static final String DESCRIBE_DENIED_WARNING = "ssm:DescribeParameters was denied, so the secrets are baked "
			+ "without their key ARN (keyId), with the tier read from the value's format, and a parameter under the "
			+ "AWS managed key alias/aws/ssm cannot be detected; allow ssm:DescribeParameters on Resource \"*\" (it "
			+ "cannot be limited to parameters) to record the keys, or give 'secret-baker policy' the key with "
			+ "--key-arn";

	private final SsmClient ssm;

	private final ParallelCalls calls;

	private final SsmFailures failures;

	private final AtomicInteger metadataCalls = new AtomicInteger();

	private final AtomicBoolean describeDenied = new AtomicBoolean();

	KeyMetadataReader(SsmClient ssm, ParallelCalls calls, SsmFailures failures) {
		this.ssm = ssm;
		this.calls = calls;
		this.failures = failures;
	}

	/**
	 * Read the key of each of the given fetched parameters: each one ends with its key,
	 * or failed, or, if {@code DescribeParameters} is denied, without key.
	 * @param parameters the parameters
	 */
	void readKeys(List<RequestedParameter> parameters) {
		// A parameter shared from another account is named by its ARN, which
		// DescribeParameters does not take as a name: its key comes from its history.
		List<String> names = new ArrayList<>(new TreeSet<>(parameters.stream()
			.map((parameter) -> parameter.parameter().name())
			.filter((name) -> !Arn.isArnLike(name))
			.toList()));
		Map<String, ParameterMetadata> described = new ConcurrentHashMap<>();
		List<List<String>> batches = ParallelCalls.batches(names,
				ParameterStoreBaker.MAX_NAMES_PER_DESCRIBE_PARAMETERS);
		List<Future<@Nullable ParameterFailure>> describing = new ArrayList<>();
		for (List<String> batch : batches) {
			describing.add(this.calls.submit(() -> describe(batch, described)));
		}
		Map<String, ParameterFailure> describeFailures = new HashMap<>();
		for (int i = 0; i < batches.size(); i++) {
			ParameterFailure failure = ParallelCalls.await(describing.get(i));
			if (failure != null) {
				batches.get(i).forEach((name) -> describeFailures.put(name, failure));
			}
		}
		if (this.describeDenied.get()) {
			return;
		}
		Map<String, Future<HistoryLookup>> histories = new HashMap<>();
		List<RequestedParameter> notLatest = new ArrayList<>();
		for (RequestedParameter requested : parameters) {
			String name = requested.parameter().name();
			ParameterFailure failure = describeFailures.get(name);
			ParameterMetadata latest = described.get(name);
			if (failure != null) {
				requested.fail(failure);
			}
			else if (latest != null && Objects.equals(latest.version(), requested.parameter().version())) {
				requested.keyArn(keyArn(latest.keyId(), requested.parameter().arn()));
			}
			else {
				histories.computeIfAbsent(name, (parameterName) -> this.calls.submit(() -> history(parameterName)));
				notLatest.add(requested);
			}
		}
		for (RequestedParameter requested : notLatest) {
			HistoryLookup lookup = ParallelCalls.await(histories.get(requested.parameter().name()));
			ParameterFailure failure = lookup.failure();
			ParameterHistory version = lookup.versions().get(requested.parameter().version());
			if (failure != null) {
				requested.fail(failure);
			}
			else if (version == null) {
				requested.fail(new ParameterFailure(Kind.MISSING_VERSION, "version " + requested.parameter().version()
						+ " is not in the parameter history any more (SSM keeps the last 100 versions); pin a newer one"));
			}
			else {
				requested.keyArn(keyArn(version.keyId(), requested.parameter().arn()));
			}
		}
	}

	/**
	 * Return the number of {@code DescribeParameters} and {@code GetParameterHistory}
	 * calls made so far.
	 * @return the number of calls
	 */
	int metadataCalls() {
		return this.metadataCalls.get();
	}

	/**
	 * Return whether {@code DescribeParameters} was denied, so that the keys are not
	 * known.
	 * @return whether denied
	 */
	boolean isDescribeDenied() {
		return this.describeDenied.get();
	}

	private @Nullable ParameterFailure describe(List<String> names, Map<String, ParameterMetadata> described) {
		try {
			this.ssm
				.describeParametersPaginator((request) -> request
					.parameterFilters(
							ParameterStringFilter.builder().key("Name").option("Equals").values(names).build())
					.maxResults(ParameterStoreBaker.MAX_NAMES_PER_DESCRIBE_PARAMETERS))
				.forEach((page) -> {
					this.metadataCalls.incrementAndGet();
					page.parameters().forEach((metadata) -> described.put(metadata.name(), metadata));
				});
			return null;
		}
		catch (SdkException ex) {
			if (SsmFailures.isAccessDenied(ex)) {
				// DescribeParameters cannot be limited to parameters (it needs Resource
				// "*"), so many build roles lack it: bake as the Node plugin does,
				// without key and tier metadata.
				this.describeDenied.set(true);
				return null;
			}
			return this.failures.describe("DescribeParameters", ex);
		}
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
			return new HistoryLookup(Map.of(), this.failures.describe("GetParameterHistory", ex));
		}
	}

	/**
	 * Return the key SSM reports, which is whatever was given to {@code PutParameter} (a
	 * key id, an alias name or an ARN), as an ARN. The key is in the parameter's region
	 * and, unless given as an ARN, its account, so a key id names exactly one key ARN; an
	 * alias gives an alias ARN, for {@code DescribeKey} to resolve. The AWS managed key
	 * stays {@value KmsKeyReference#AWS_MANAGED_SSM_KEY_ALIAS}, and text that is no key
	 * reference (such as a blank key id) stays as it is.
	 * @param keyId the key id SSM reports, or {@code null}
	 * @param parameterArn the ARN of the parameter
	 * @return the key as an ARN, or as SSM reports it
	 */
	static @Nullable String keyArn(@Nullable String keyId, String parameterArn) {
		KmsKeyReference key = (keyId != null) ? KmsKeyReference.parse(keyId) : null;
		Arn parameter = Arn.parse(parameterArn);
		if (key == null || parameter == null || key.isAwsManagedSsmKey()) {
			return keyId;
		}
		return key.qualifiedBy(parameter).value();
	}

	/**
	 * The versions of one parameter, or why they could not be read.
	 */
	private record HistoryLookup(Map<Long, ParameterHistory> versions, @Nullable ParameterFailure failure) {

	}

}
