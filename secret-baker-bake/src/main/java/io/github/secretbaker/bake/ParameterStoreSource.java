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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The SSM Parameter Store as a {@link SecretSource}: each resolution fetches the
 * parameters, guards their values, reads their keys, guards those and resolves key
 * aliases, with its own bounded pool of threads.
 */
final class ParameterStoreSource implements SecretSource {

	private final BakeClients clients;

	private final int concurrency;

	private final BakeProgressListener progressListener;

	ParameterStoreSource(BakeClients clients, int concurrency, BakeProgressListener progressListener) {
		this.clients = clients;
		this.concurrency = concurrency;
		this.progressListener = progressListener;
	}

	@Override
	public Resolution resolve(List<SecretRequest> requests) {
		List<RequestedParameter> parameters = RequestedParameter.byPath(requests);
		SsmClient ssm = this.clients.ssm();
		SsmFailures failures = new SsmFailures(ssm);
		try (ParallelCalls calls = new ParallelCalls(this.concurrency)) {
			ParameterFetcher fetcher = new ParameterFetcher(ssm, calls, failures, this.progressListener);
			fetcher.fetch(parameters);
			bakeable(parameters).forEach((parameter) -> guard(parameter, BakeGuards.checkValue(parameter.parameter())));
			KeyMetadataReader keys = new KeyMetadataReader(ssm, calls, failures);
			keys.readKeys(bakeable(parameters));
			bakeable(parameters).forEach((parameter) -> guard(parameter, BakeGuards.checkKey(parameter.keyArn())));
			List<String> keyArns = bakeable(parameters).stream()
				.map(RequestedParameter::keyArn)
				.filter(Objects::nonNull)
				.toList();
			KeyAliasResolver.ResolvedAliases aliases = new KeyAliasResolver(this.clients::kms, calls).resolve(keyArns);
			return resolution(parameters, fetcher, keys, aliases);
		}
	}

	private static List<RequestedParameter> bakeable(List<RequestedParameter> parameters) {
		return parameters.stream().filter(RequestedParameter::isBakeable).toList();
	}

	private static void guard(RequestedParameter parameter, @Nullable ParameterFailure failure) {
		if (failure != null) {
			parameter.fail(failure);
		}
	}

	private static Resolution resolution(List<RequestedParameter> parameters, ParameterFetcher fetcher,
			KeyMetadataReader keys, KeyAliasResolver.ResolvedAliases aliases) {
		List<BakedSecret> secrets = new ArrayList<>();
		Set<String> keptAliases = new TreeSet<>();
		for (RequestedParameter requested : bakeable(parameters)) {
			Parameter parameter = requested.parameter();
			String keyArn = aliases.keyArnOf(requested.keyArn());
			// The value's own format says how the runtime must open it, whatever
			// DescribeParameters says
			String tier = KmsCiphertexts.tierOf(parameter.value());
			for (SecretRequest request : requested.requests()) {
				secrets.add(new BakedSecret(request.name(), parameter.value(), parameter.arn(), parameter.version(),
						keyArn, tier));
				if (KmsKeyReference.isAlias(keyArn)) {
					keptAliases.add(request.name());
				}
			}
		}
		List<BakeProblem> problems = new ArrayList<>();
		parameters.forEach((parameter) -> problems.addAll(parameter.problems()));
		problems.sort(Comparator.comparing(BakeProblem::secretName));
		List<String> warnings = new ArrayList<>();
		if (keys.isDescribeDenied() && !secrets.isEmpty()) {
			warnings.add(KeyMetadataReader.DESCRIBE_DENIED_WARNING);
		}
		if (!keptAliases.isEmpty()) {
			warnings.add(aliases.warning(keptAliases));
		}
		return new Resolution(BakedSecrets.of(secrets), problems, fetcher.getParametersCalls(), keys.metadataCalls(),
				warnings, aliases.keyArns());
	}

}
