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

package io.github.secretbaker.bake.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.secretbaker.aws.KmsKeyReference;
import io.github.secretbaker.bake.BakeException;
import io.github.secretbaker.bake.BakeProblem;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.Resolution;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.bake.check.DriftFinding.Kind;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import org.jspecify.annotations.Nullable;

/**
 * Compares a baked secrets file with its manifest and with SSM, to tell a team that a
 * redeploy is needed: secrets missing or extra, a newer version of an unpinned secret, a
 * pinned version or label gone or moved, a changed key or parameter ARN. Files written by
 * the Node plugin, without versions, are compared by ciphertext.
 *
 * @since 0.1.0
 */
public final class DriftChecker {

	private final ParameterStoreBaker baker;

	/**
	 * Create a checker reading SSM through the given baker.
	 * @param baker the baker
	 */
	public DriftChecker(ParameterStoreBaker baker) {
		this.baker = Objects.requireNonNull(baker, "'baker' must not be null");
	}

	/**
	 * Check a baked file against the manifest's requests and SSM.
	 * @param baked the content of the baked file
	 * @param requests the secrets the manifest lists
	 * @return the findings
	 * @throws BakeException if SSM cannot be read (access denied or errors after retries)
	 */
	public DriftReport check(BakedSecrets baked, List<SecretRequest> requests) {
		Resolution now = this.baker.resolve(requests);
		List<BakeProblem> awsFailures = now.problems().stream().filter(BakeProblem::isAwsFailure).toList();
		if (!awsFailures.isEmpty()) {
			throw new BakeException(awsFailures);
		}
		Map<String, BakeProblem> problems = new HashMap<>();
		now.problems().forEach((problem) -> problems.put(problem.secretName(), problem));
		List<DriftFinding> findings = new ArrayList<>();
		Set<String> names = new TreeSet<>(baked.names());
		for (SecretRequest request : requests) {
			names.add(request.name());
			BakedSecret bakedSecret = baked.get(request.name());
			if (bakedSecret == null) {
				findings.add(new DriftFinding(request.name(), Kind.MISSING_FROM_FILE, "listed in the manifest ("
						+ request.path() + ") but not in the baked file; bake again and redeploy"));
			}
			BakeProblem problem = problems.get(request.name());
			BakedSecret current = now.secrets().get(request.name());
			if (problem != null) {
				findings
					.add(new DriftFinding(request.name(), kindOf(problem), request.path() + ": " + problem.message()));
			}
			else if (bakedSecret != null && current != null) {
				compare(request, bakedSecret, current, now.keyAliases(), findings);
			}
		}
		Set<String> requested = new TreeSet<>(requests.stream().map(SecretRequest::name).toList());
		for (String name : baked.names()) {
			if (!requested.contains(name)) {
				findings.add(new DriftFinding(name, Kind.EXTRA_IN_FILE,
						"in the baked file but not listed in the manifest; bake again and redeploy"));
			}
		}
		findings.sort(Comparator.comparing(DriftFinding::secretName).thenComparing(DriftFinding::kind));
		return new DriftReport(names.size(), findings);
	}

	private static void compare(SecretRequest request, BakedSecret baked, BakedSecret current,
			Map<String, String> keyAliases, List<DriftFinding> findings) {
		String name = request.name();
		if (!baked.arn().equals(current.arn())) {
			findings.add(new DriftFinding(name, Kind.ARN_CHANGED, "the manifest path " + request.path() + " now names "
					+ current.arn() + " but the file holds " + baked.arn() + "; bake again and redeploy"));
			return;
		}
		if (baked.version() != null && !baked.version().equals(current.version())) {
			if (request.label() != null) {
				findings.add(new DriftFinding(name, Kind.LABEL_MOVED,
						"label '" + request.label() + "' of " + request.parameter() + " is now on version "
								+ current.version() + " but version " + baked.version()
								+ " is baked; bake again and redeploy"));
			}
			else if (request.pinnedVersion() != null) {
				findings.add(new DriftFinding(name, Kind.NEWER_VERSION,
						"the manifest pins version " + request.pinnedVersion() + " of " + request.parameter()
								+ " but version " + baked.version() + " is baked; bake again and redeploy"));
			}
			else {
				findings.add(new DriftFinding(name, Kind.NEWER_VERSION,
						request.path() + " is at version " + current.version() + " in SSM but version "
								+ baked.version() + " is baked; bake again and redeploy"));
			}
		}
		else if (!baked.ciphertext().equals(current.ciphertext())) {
			findings.add(new DriftFinding(name, Kind.VALUE_CHANGED,
					"the value of " + request.path() + " in SSM differs from the baked one; bake again and redeploy"));
		}
		if (keyChanged(baked.keyId(), current.keyId(), keyAliases)) {
			findings.add(new DriftFinding(name, Kind.KEY_CHANGED, request.path() + " is now encrypted with "
					+ current.keyId() + " but was baked with " + baked.keyId()
					+ "; bake again, update the function's kms:Decrypt policy (secret-baker policy) and redeploy"));
		}
	}

	/**
	 * Compare key ARNs, an alias ARN standing for its key where {@code DescribeKey}
	 * resolved it. An alias ARN that could not be resolved on one side only cannot be
	 * compared with a key ARN, so it is not reported.
	 * @param keyAliases the key aliases
	 * @param bakedKeyId the baked key id
	 * @param currentKeyId the current key id
	 * @return whether the key is known to have changed
	 */
	private static boolean keyChanged(@Nullable String bakedKeyId, @Nullable String currentKeyId,
			Map<String, String> keyAliases) {
		if (bakedKeyId == null || currentKeyId == null) {
			return false;
		}
		String baked = keyAliases.getOrDefault(bakedKeyId, bakedKeyId);
		String current = keyAliases.getOrDefault(currentKeyId, currentKeyId);
		return KmsKeyReference.isAlias(baked) == KmsKeyReference.isAlias(current) && !baked.equals(current);
	}

	private static Kind kindOf(BakeProblem problem) {
		return switch (problem.kind()) {
			case MISSING_PARAMETER -> Kind.PARAMETER_GONE;
			case MISSING_VERSION -> Kind.VERSION_GONE;
			case MISSING_LABEL -> Kind.LABEL_GONE;
			default -> Kind.NOT_BAKEABLE;
		};
	}

}
