package io.github.secretbaker.bake.verify;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link DecryptVerifier} found: how many baked secrets it checked, as whom, and those
 * that would fail to decrypt.
 *
 * @param checked the number of secrets checked
 * @param principal who was checked: the assumed role's session ARN, or a description of the
 * caller's own credentials
 * @param findings the secrets that would fail, in the file's order
 * @since 0.2.0
 */
public record VerifyReport(int checked, String principal, List<VerifyFinding> findings) {

	/**
	 * Create a new {@link VerifyReport}.
	 */
	public VerifyReport {
		Objects.requireNonNull(principal, "'principal' must not be null");
		findings = List.copyOf(findings);
	}

	/**
	 * Whether every secret would decrypt.
	 * @return whether nothing was found
	 */
	public boolean passed() {
		return this.findings.isEmpty();
	}

}
