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

package io.github.secretbaker.aws.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether an endpoint override may be called: {@code https} always, plain
 * {@code http} only to this machine (a local server) unless the user explicitly allows
 * it, since a signed request, a session token, a ciphertext and a decrypted value would
 * otherwise cross the network in clear.
 *
 * @since 0.1.0
 */
public final class EndpointTransport {

	private EndpointTransport() {
	}

	/**
	 * Return why an endpoint may not be called, or {@code null} if it may.
	 * @param endpoint the endpoint
	 * @param source where the endpoint was set, such as {@code secret-baker.endpoint}
	 * @param allowInsecure whether plain http to another host is explicitly allowed
	 * @param optIn how the user allows it, such as
	 * {@code secret-baker.allow-insecure-endpoint=true}
	 * @return the problem, naming the source, the host and the opt-in, or {@code null}
	 */
	public static @Nullable String checkInsecure(URI endpoint, String source, boolean allowInsecure, String optIn) {
		String scheme = (endpoint.getScheme() != null) ? endpoint.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") || allowInsecure || endpoint.getHost() == null || isLoopback(endpoint.getHost())) {
			return null;
		}
		return "the endpoint in " + source + " is plain http to " + endpoint.getHost() + ", a host that is not this "
				+ "machine: signed requests, session tokens and secrets would cross the network in clear. Use https, "
				+ "or set " + optIn + " if that network path is trusted";
	}

	/**
	 * Return whether a host is this machine: {@code localhost} or a loopback IP address
	 * literal. Other names are not resolved, so that what they resolve to cannot change
	 * the answer.
	 * @param host the host of a URI
	 * @return whether it is the loopback interface
	 */
	private static boolean isLoopback(String host) {
		String address = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (address.equalsIgnoreCase("localhost")) {
			return true;
		}
		boolean ipLiteral = address.indexOf(':') >= 0
				|| (!address.isEmpty() && address.chars().allMatch((c) -> (c >= '0' && c <= '9') || c == '.'));
		if (!ipLiteral) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
