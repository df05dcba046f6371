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

package io.github.secretbaker.benchmarks.httpclient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.secretbaker.benchmarks.ChildProcess;
import io.github.secretbaker.benchmarks.LambdaEnvironment;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Measures, in fresh JVMs started in rotating order, how long creating a KMS client and
 * making its first {@code Decrypt} takes with each {@link HttpClientKind}, without added
 * latency. Every JVM has the same class path, holding all three clients; each probe uses
 * one explicitly.
 *
 * @since 0.1.0
 */
public final class HttpClientBenchmark {

	private static final Pattern ANSWER = Pattern.compile("creation=([0-9.]+) first-call=([0-9.]+) length=(\\d+)");

	private final LocalAwsServer server;

	private final int repetitions;

	private final List<String> jvmOptions;

	/**
	 * Create the benchmark.
	 * @param server the local server, which the benchmark seeds
	 * @param repetitions the fresh JVMs per client
	 * @param jvmOptions the options of every child JVM
	 */
	public HttpClientBenchmark(LocalAwsServer server, int repetitions, List<String> jvmOptions) {
		this.server = server;
		this.repetitions = repetitions;
		this.jvmOptions = jvmOptions;
	}

	/**
	 * Run every probe.
	 * @return the samples
	 */
	public List<HttpClientSample> run() {
		String value = UUID.randomUUID().toString();
		String name = "/benchmarks/http-client/probe";
		this.server.putSecureString(name, value, this.server.createKey("alias/benchmarks-http-client"));
		Parameter parameter = this.server.ssmClient()
			.getParameter((get) -> get.name(name).withDecryption(false))
			.parameter();
		List<HttpClientSample> samples = new ArrayList<>();
		HttpClientKind[] kinds = HttpClientKind.values();
		for (HttpClientKind kind : kinds) {
			probe(kind, -1, parameter, value.length());
		}
		for (int repetition = 0; repetition < this.repetitions; repetition++) {
			for (int i = 0; i < kinds.length; i++) {
				HttpClientKind kind = kinds[(i + repetition) % kinds.length];
				HttpClientSample sample = probe(kind, repetition, parameter, value.length());
				samples.add(sample);
				System.out.printf(Locale.ROOT,
						"[http-client] repetition %d/%d %-48s %6.0f ms (client %4.0f ms, first call %4.0f ms)%n",
						repetition + 1, this.repetitions, kind.label(), sample.processMillis(), sample.creationMillis(),
						sample.firstCallMillis());
			}
		}
		return samples;
	}

	private HttpClientSample probe(HttpClientKind kind, int repetition, Parameter parameter, int expectedLength) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(KmsFirstCallProbe.class.getName());
		command.addAll(List.of(kind.name(), this.server.endpoint().toString(), parameter.value(), parameter.arn()));
		ChildProcess.Result result = ChildProcess.run(command, LambdaEnvironment.of(this.server),
				(line) -> line.startsWith(KmsFirstCallProbe.ANSWER_PREFIX));
		Matcher matcher = ANSWER.matcher(String.valueOf(result.answer()));
		if (!matcher.find() || Integer.parseInt(matcher.group(3)) != expectedLength) {
			throw new IllegalStateException(kind.label() + " probe answered '" + result.answer()
					+ "' instead of the decrypted secret's length " + expectedLength);
		}
		return new HttpClientSample(kind, repetition, result.answerMillis(), Double.parseDouble(matcher.group(1)),
				Double.parseDouble(matcher.group(2)), result.peakRssMb());
	}

}
