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
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * One path requested from Parameter Store, with every secret that asks for it, and what
 * the resolution learns of it: the parameter {@code GetParameters} returned, the key of
 * that version and why it cannot be baked. A path that is neither fetched nor failed is
 * missing.
 */
final class RequestedParameter {

	private final String path;

	private final List<SecretRequest> requests;

	private @Nullable Parameter parameter;

	private @Nullable String keyArn;

	private @Nullable ParameterFailure failure;

	/**
	 * Create a new {@link RequestedParameter}.
	 * @param path the path as {@code GetParameters} takes it, with any selector
	 * @param requests the secrets that ask for the path, none for a path that is read
	 * only to tell why another one is missing
	 */
	RequestedParameter(String path, List<SecretRequest> requests) {
		this.path = path;
		this.requests = List.copyOf(requests);
	}

	/**
	 * Group the given requests by path, in path order.
	 * @param requests the requests
	 * @return one requested parameter per distinct path
	 */
	static List<RequestedParameter> byPath(List<SecretRequest> requests) {
		Map<String, List<SecretRequest>> byPath = new TreeMap<>();
		requests.forEach((request) -> byPath.computeIfAbsent(request.path(), (path) -> new ArrayList<>()).add(request));
		List<RequestedParameter> parameters = new ArrayList<>();
		byPath.forEach((path, requestsOfPath) -> parameters.add(new RequestedParameter(path, requestsOfPath)));
		return parameters;
	}

	String path() {
		return this.path;
	}

	List<SecretRequest> requests() {
		return this.requests;
	}

	/**
	 * Return the first request, whose parameter and selector every other request of the
	 * path shares.
	 * @return the request
	 */
	SecretRequest request() {
		return this.requests.get(0);
	}

	/**
	 * Return the parameter {@code GetParameters} returned for the path.
	 * @return the parameter
	 * @throws IllegalStateException if none was
	 */
	Parameter parameter() {
		if (this.parameter == null) {
			throw new IllegalStateException("Parameter '" + this.path + "' was not fetched");
		}
		return this.parameter;
	}

	void fetched(Parameter parameter) {
		this.parameter = parameter;
	}

	/**
	 * Return the key ARN of the fetched version, as far as it is known.
	 * @return the key ARN, an alias ARN, {@code alias/aws/ssm}, or {@code null} when not
	 * known
	 */
	@Nullable String keyArn() {
		return this.keyArn;
	}

	void keyArn(@Nullable String keyArn) {
		this.keyArn = keyArn;
	}

	@Nullable ParameterFailure failure() {
		return this.failure;
	}

	void fail(ParameterFailure failure) {
		this.failure = failure;
	}

	/**
	 * Return whether SSM holds nothing at the path: it was neither fetched nor failed.
	 * @return whether missing
	 */
	boolean isMissing() {
		return this.parameter == null && this.failure == null;
	}

	/**
	 * Return whether the parameter was fetched and has not failed yet.
	 * @return whether still bakeable
	 */
	boolean isBakeable() {
		return this.parameter != null && this.failure == null;
	}

	/**
	 * Return the problem of every secret requesting the path, if the path failed.
	 * @return the problems, none if the path did not fail
	 */
	List<BakeProblem> problems() {
		ParameterFailure failure = this.failure;
		if (failure == null) {
			return List.of();
		}
		return this.requests.stream()
			.map((request) -> new BakeProblem(request.name(), this.path, failure.kind(), failure.message()))
			.toList();
	}

}
