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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretbaker.bake.BakeProblem.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Fetches requested parameters with {@code GetParameters}, ten paths per call, without
 * decrypting them, matches each returned parameter to the path that asked for it, and
 * tells why a path is missing: no such parameter, version or label.
 */
final class ParameterFetcher {

	private final SsmClient ssm;

	private final ParallelCalls calls;

	private final SsmFailures failures;

	private final BakeProgressListener progressListener;

	private final AtomicInteger getParametersCalls = new AtomicInteger();

	ParameterFetcher(SsmClient ssm, ParallelCalls calls, SsmFailures failures, BakeProgressListener progressListener) {
		this.ssm = ssm;
		this.calls = calls;
		this.failures = failures;
		this.progressListener = progressListener;
	}

	/**
	 * Fetch the given parameters, telling the progress listener as the calls start and as
	 * each one completes: each parameter ends fetched or failed.
	 * @param parameters the parameters, in path order
	 */
	void fetch(List<RequestedParameter> parameters) {
		fetch(parameters, true);
		classifyMissing(parameters.stream().filter(RequestedParameter::isMissing).toList());
	}

	/**
	 * Return the number of {@code GetParameters} calls made so far.
	 * @return the number of calls
	 */
	int getParametersCalls() {
		return this.getParametersCalls.get();
	}

	private void fetch(List<RequestedParameter> parameters, boolean reportProgress) {
		List<List<RequestedParameter>> batches = ParallelCalls.batches(parameters,
				ParameterStoreBaker.MAX_NAMES_PER_GET_PARAMETERS);
		AtomicInteger completed = new AtomicInteger();
		if (reportProgress) {
			this.progressListener.parametersFetched(0, batches.size());
		}
		List<Future<List<RequestedParameter>>> futures = new ArrayList<>();
		for (List<RequestedParameter> batch : batches) {
			futures.add(this.calls.submit(() -> {
				fetchBatch(batch);
				if (reportProgress) {
					this.progressListener.parametersFetched(completed.incrementAndGet(), batches.size());
				}
				return batch;
			}));
		}
		futures.forEach(ParallelCalls::await);
	}

	private void fetchBatch(List<RequestedParameter> batch) {
		try {
			getParameters(batch);
		}
		catch (SdkException ex) {
			if (batch.size() > 1 && (SsmFailures.isAccessDenied(ex) || SsmFailures.isValidationError(ex))) {
				// One denied or invalid name (such as an ARN of another region) fails the
				// whole call: ask for each name alone, so that only the offending secrets
				// fail, each by name.
				for (RequestedParameter parameter : batch) {
					fetchBatch(List.of(parameter));
				}
			}
			else {
				ParameterFailure failure = this.failures.describe("GetParameters", ex);
				batch.forEach((parameter) -> parameter.fail(failure));
			}
		}
	}

	private void getParameters(List<RequestedParameter> batch) {
		this.getParametersCalls.incrementAndGet();
		List<String> paths = batch.stream().map(RequestedParameter::path).toList();
		GetParametersResponse response = this.ssm
			.getParameters((request) -> request.names(paths).withDecryption(false));
		List<Parameter> returned = new ArrayList<>(response.parameters());
		for (RequestedParameter requested : batch) {
			if (response.invalidParameters().contains(requested.path())) {
				continue;
			}
			Parameter parameter = findMatch(requested.path(), returned);
			if (parameter != null) {
				returned.remove(parameter);
				requested.fetched(parameter);
			}
		}
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

	/**
	 * Fail every missing parameter, telling by the parameter itself, fetched without
	 * selector, whether the parameter or only its pinned version or label is missing.
	 * @param missing the missing
	 */
	private void classifyMissing(List<RequestedParameter> missing) {
		Map<String, RequestedParameter> bases = new TreeMap<>();
		for (RequestedParameter parameter : missing) {
			SecretRequest request = parameter.request();
			if (request.isPinned()) {
				bases.computeIfAbsent(request.parameter(), (base) -> new RequestedParameter(base, List.of()));
			}
		}
		fetch(new ArrayList<>(bases.values()), false);
		for (RequestedParameter parameter : missing) {
			SecretRequest request = parameter.request();
			if (!request.isPinned() || bases.get(request.parameter()).isMissing()) {
				parameter.fail(new ParameterFailure(Kind.MISSING_PARAMETER, "parameter '" + request.parameter()
						+ "' does not exist in this account and region; create it as a SecureString or fix the path"));
			}
			else if (request.pinnedVersion() != null) {
				parameter.fail(new ParameterFailure(Kind.MISSING_VERSION,
						"parameter '" + request.parameter() + "' has no version " + request.pinnedVersion()
								+ "; pin an existing version or drop ':" + request.selector()
								+ "' to bake the latest"));
			}
			else {
				parameter.fail(new ParameterFailure(Kind.MISSING_LABEL,
						"parameter '" + request.parameter() + "' has no version labelled '" + request.label()
								+ "'; label a version with " + "'aws ssm label-parameter-version' or drop ':"
								+ request.selector() + "' to bake the latest"));
			}
		}
	}

}
