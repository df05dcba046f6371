package io.github.secretbaker.bake.check;

import java.util.List;

/**
 * The outcome of a drift check.
 *
 * @param checkedSecrets how many secrets the manifest and the file name together
 * @param findings the differences found, in secret name order; empty when the file is
 * up to date
 * @since 0.1.0
 */
public record DriftReport(int checkedSecrets, List<DriftFinding> findings) {

	/**
	 * Create a new {@link DriftReport}.
	 */
	public DriftReport {
		findings = List.copyOf(findings);
	}

	/**
	 * Return whether the file matches the manifest and SSM.
	 * @return whether there are no findings
	 */
	public boolean isClean() {
		return this.findings.isEmpty();
	}

}
