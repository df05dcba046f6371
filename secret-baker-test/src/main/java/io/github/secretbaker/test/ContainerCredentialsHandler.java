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

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers as the container credentials endpoint of Lambda SnapStart and ECS does: a
 * {@code GET} with the authorization token gets temporary credentials as JSON. Faults
 * apply under the name {@code ContainerCredentials}.
 */
final class ContainerCredentialsHandler implements HttpHandler {

	private final Faults faults;

	private final CallStatistics statistics;

	ContainerCredentialsHandler(Faults faults, CallStatistics statistics) {
		this.faults = faults;
		this.statistics = statistics;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readNBytes(AwsJsonHandler.MAX_BODY_BYTES);
			if (!exchange.getRequestMethod().equals("GET")) {
				AwsJsonHandler.sendError(exchange, new AwsException(405, "MethodNotAllowed", "Use GET"));
				return;
			}
			if (!LocalAwsServer.CONTAINER_AUTHORIZATION_TOKEN
				.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				AwsJsonHandler.sendError(exchange, new AwsException(401, "Unauthorized", "Invalid token"));
				return;
			}
			String operation = Operations.CONTAINER_CREDENTIALS;
			this.statistics.begin(operation);
			try {
				if (AwsJsonHandler.applyFaults(this.faults, operation)
						|| AwsJsonHandler.drip(exchange, this.faults, operation)) {
					return;
				}
				ObjectNode credentials = JsonRequest.object();
				credentials.put("AccessKeyId", LocalAwsServer.CONTAINER_ACCESS_KEY_ID);
				credentials.put("SecretAccessKey", LocalAwsServer.CONTAINER_SECRET_ACCESS_KEY);
				credentials.put("Token", LocalAwsServer.CONTAINER_SESSION_TOKEN);
				credentials.put("Expiration",
						Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
				AwsJsonHandler.send(exchange, 200, credentials);
			}
			catch (AwsException ex) {
				AwsJsonHandler.sendError(exchange, ex);
			}
			finally {
				this.statistics.end(operation);
			}
		}
	}

}
