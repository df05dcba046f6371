package io.github.secretbaker.kms.internal.envelope;

/**
 * Thrown for a message that is malformed, truncated, over a limit or altered. Its message
 * says which part failed in fixed words, never with a byte of the message.
 */
final class InvalidMessageException extends Exception {

	InvalidMessageException(String reason) {
		super(reason, null, false, false);
	}

}
