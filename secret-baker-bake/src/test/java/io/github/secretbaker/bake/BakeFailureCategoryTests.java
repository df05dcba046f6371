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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import io.github.secretbaker.bake.BakeProblem.Kind;
import io.github.secretbaker.bake.manifest.InvalidManifestException;
import io.github.secretbaker.bake.policy.PolicyGenerationException;
import io.github.secretbaker.format.InvalidBakedSecretsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BakeFailureCategory}.
 */
class BakeFailureCategoryTests {

	@Test
	void treatsWhatTheUserMustFixAsInvalidInput() {
		assertThat(BakeFailureCategory.of(new InvalidManifestException("m.yml", List.of("bad"))))
			.isEqualTo(BakeFailureCategory.INVALID_INPUT);
		assertThat(BakeFailureCategory.of(new InvalidBakedSecretsException("f.json", null, "bad", null)))
			.isEqualTo(BakeFailureCategory.INVALID_INPUT);
		assertThat(BakeFailureCategory.of(new PolicyGenerationException(List.of("bad"))))
			.isEqualTo(BakeFailureCategory.INVALID_INPUT);
		assertThat(BakeFailureCategory.of(new IllegalArgumentException("bad")))
			.isEqualTo(BakeFailureCategory.INVALID_INPUT);
		assertThat(BakeFailureCategory.of(problems(Kind.NOT_SECURE_STRING, Kind.MISSING_PARAMETER)))
			.isEqualTo(BakeFailureCategory.INVALID_INPUT);
	}

	@Test
	void treatsAMissingRegionAsInvalidInputAndOtherClientFailuresAsAwsFailures() {
		SdkClientException noRegion = SdkClientException.create("Unable to load region from any of the providers");
		assertThat(BakeFailureCategory.isMissingRegion(noRegion)).isTrue();
		assertThat(BakeFailureCategory.of(noRegion)).isEqualTo(BakeFailureCategory.INVALID_INPUT);
		SdkClientException other = SdkClientException.create("Unable to execute HTTP request");
		assertThat(BakeFailureCategory.isMissingRegion(other)).isFalse();
		assertThat(BakeFailureCategory.of(other)).isEqualTo(BakeFailureCategory.AWS_OR_IO_FAILURE);
	}

	@Test
	void treatsABakeWithAnyAwsFailureAndAnIoFailureAsAwsOrIoFailures() {
		assertThat(BakeFailureCategory.of(problems(Kind.NOT_SECURE_STRING, Kind.ACCESS_DENIED)))
			.isEqualTo(BakeFailureCategory.AWS_OR_IO_FAILURE);
		assertThat(BakeFailureCategory.of(new UncheckedIOException(new IOException("disk full"))))
			.isEqualTo(BakeFailureCategory.AWS_OR_IO_FAILURE);
	}

	@Test
	void treatsAnythingElseAsUnexpected() {
		assertThat(BakeFailureCategory.of(new IllegalStateException("defect")))
			.isEqualTo(BakeFailureCategory.UNEXPECTED);
		assertThat(BakeFailureCategory.of(new NullPointerException())).isEqualTo(BakeFailureCategory.UNEXPECTED);
	}

	private static BakeException problems(Kind... kinds) {
		List<BakeProblem> problems = Arrays.stream(kinds)
			.map((kind) -> new BakeProblem("S_" + kind.ordinal(), "/p/" + kind.ordinal(), kind, "message"))
			.toList();
		return new BakeException(problems);
	}

}
