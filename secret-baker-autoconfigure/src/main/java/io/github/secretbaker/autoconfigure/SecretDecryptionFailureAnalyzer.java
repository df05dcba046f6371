package io.github.secretbaker.autoconfigure;


import io.github.secretbaker.kms.SecretDecryptionException;
import io.github.secretbaker.kms.SecretDecryptionFailure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports every baked secret that could not be decrypted, with its parameter ARN, key ARN and
 * AWS error code, and says what to do for each kind of failure.
 */
class SecretDecryptionFailureAnalyzer extends AbstractFailureAnalyzer<SecretDecryptionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretDecryptionException cause) {
		return new FailureAnalysis(description(cause), cause.getAction(), cause);
	}

	private static String description(SecretDecryptionException cause) {
		StringBuilder description = new StringBuilder();
		description.append("Failed to decrypt ")
			.append(cause.getFailures().size())
			.append(" of ")
			.append(cause.getAttempted())
			.append(" baked secrets with KMS:\n");
		for (SecretDecryptionFailure failure : cause.getFailures()) {
			description.append("\n    ").append(failure.secretName()).append('\n');
			description.append("        parameter: ").append(failure.parameterArn()).append('\n');
			description.append("        key:       ")
				.append((failure.keyArn() != null) ? failure.keyArn() : "not recorded in the baked file")
				.append('\n');
			description.append("        error:     ")
				.append((failure.errorCode() != null) ? failure.errorCode() : "none from KMS")
				.append(" (")
				.append(failure.kind())
				.append(")\n");
			description.append("        detail:    ").append(failure.detail()).append('\n');
		}
		return description.toString();
	}

}
