package io.github.secretbaker.test;

/**
 * An AWS error answer: the HTTP status, the error code sent as {@code __type} and the
 * message.
 */
final class AwsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	AwsException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static AwsException badRequest(String code, String message) {
		return new AwsException(400, code, message);
	}

	static AwsException validation(String message) {
		return badRequest("ValidationException", message);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
