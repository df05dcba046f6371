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
