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

package io.github.secretbaker.kms.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.secretbaker.kms.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HttpTransport} over real sockets, against servers that write raw
 * bytes.
 */
class HttpTransportTests {

	private final HttpTransport transport = new HttpTransport(4, 1024);

	private RawHttpServer server;

	@AfterEach
	void close() {
		this.transport.close();
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void readsAnAnswerWithContentLength() throws IOException {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello");
		HttpTransport.Response response = exchange(Duration.ofSeconds(5));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("x-a")).isEqualTo("1");
		assertThat(new String(response.body(), 0, response.length(), StandardCharsets.UTF_8)).isEqualTo("hello");
	}

	@Test
	void readsAChunkedAnswerAndReusesItsConnection() throws IOException {
		this.server = RawHttpServer.answering(
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nhel\r\n2\r\nlo\r\n0\r\nT: 1\r\n\r\n");
		for (int i = 0; i < 3; i++) {
			HttpTransport.Response response = exchange(Duration.ofSeconds(5));
			assertThat(new String(response.body(), 0, response.length(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
		assertThat(this.server.requests()).isEqualTo(3);
		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void sendsTheRequestAgainOnANewConnectionWhenAKeptConnectionWasClosed() throws IOException {
		this.server = RawHttpServer.start((out) -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			throw new IOException("close after one answer");
		});
		exchange(Duration.ofSeconds(5));
		HttpTransport.Response second = exchange(Duration.ofSeconds(5));
		assertThat(second.status()).isEqualTo(200);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void endsAtTheDeadlineWhenHeadersDripOneByteAtATime() {
		this.server = RawHttpServer.start((out) -> {
			out.write("HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 600; i++) {
				out.write('a');
				out.flush();
				Thread.sleep(100);
			}
		});
		long start = System.nanoTime();
		assertThatExceptionOfType(HttpTransport.DeadlineExceededException.class)
			.isThrownBy(() -> exchange(Duration.ofMillis(1500)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void endsAtTheDeadlineWhenTheBodyDrips() {
		this.server = RawHttpServer.start((out) -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 1000; i++) {
				out.write('a');
				out.flush();
				Thread.sleep(100);
			}
		});
		long start = System.nanoTime();
		assertThatExceptionOfType(HttpTransport.DeadlineExceededException.class)
			.isThrownBy(() -> exchange(Duration.ofMillis(1500)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void refusesAHeaderBlockLargerThan16KiB() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\n"
				+ "X-Big: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(400) + "Content-Length: 0\r\n\r\n");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)))
			.withMessageContaining("KiB of headers");
	}

	@Test
	void refusesAnAnswerLargerThanTheLimit() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 1025\r\n\r\n" + "a".repeat(1025));
		assertThatExceptionOfType(HttpTransport.AnswerTooLargeException.class)
			.isThrownBy(() -> exchange(Duration.ofSeconds(5)));
	}

	@Test
	void refusesAChunkedAnswerLargerThanTheLimit() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n"
				+ "a".repeat(1024) + "\r\n1\r\na\r\n0\r\n\r\n");
		assertThatExceptionOfType(HttpTransport.AnswerTooLargeException.class)
			.isThrownBy(() -> exchange(Duration.ofSeconds(5)));
	}

	@Test
	void refusesATransferEncodingOtherThanChunked() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)))
			.withMessageContaining("transfer encoding");
	}

	@Test
	void refusesContradictingContentLengths() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)));
	}

	@Test
	void refusesAnInformationalStatusAndAnythingThatIsNotHttp() {
		this.server = RawHttpServer.answering("HTTP/1.1 100 Continue\r\n\r\n");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)));
		this.server.close();
		this.server = RawHttpServer.answering("SSH-2.0-OpenSSH\r\n\r\n");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)));
	}

	@Test
	void refusesAFoldedHeaderLine() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\nContent-Length: 0\r\n\r\n");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> exchange(Duration.ofSeconds(5)));
	}

	@Test
	void refusesAHeaderValueWithALineBreakWithoutQuotingIt() {
		this.server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
		HttpTransport.Request request = new HttpTransport.Request("POST", this.server.endpoint(),
				List.of(Map.entry("X-Amz-Security-Token", "token-value\r\nX-Injected: 1")), new byte[0]);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.transport.exchange(request, Deadline.in(Duration.ofSeconds(5)), null))
			.withMessageNotContaining("token-value");
	}

	@Test
	void writesAHostHeaderWithThePortOnlyWhenItIsNotTheDefault() {
		assertThat(HttpTransport.hostHeader(URI.create("https://kms.eu-west-1.amazonaws.com/")))
			.isEqualTo("kms.eu-west-1.amazonaws.com");
		assertThat(HttpTransport.hostHeader(URI.create("https://kms.eu-west-1.amazonaws.com:443/")))
			.isEqualTo("kms.eu-west-1.amazonaws.com");
		assertThat(HttpTransport.hostHeader(URI.create("http://127.0.0.1:4566"))).isEqualTo("127.0.0.1:4566");
		assertThat(HttpTransport.hostHeader(URI.create("http://[::1]:4566"))).isEqualTo("[::1]:4566");
	}

	private HttpTransport.Response exchange(Duration timeout) throws IOException {
		return this.transport.exchange(new HttpTransport.Request("POST", this.server.endpoint(),
				List.of(Map.entry("Content-Type", "application/x-amz-json-1.1")),
				"{}".getBytes(StandardCharsets.UTF_8)), Deadline.in(timeout), null);
	}

}
