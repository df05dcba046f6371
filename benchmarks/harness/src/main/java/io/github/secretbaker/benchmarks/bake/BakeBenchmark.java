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

package io.github.secretbaker.benchmarks.bake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.bake.SecretRequest;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.format.BakedSecretsFile;
import io.github.secretbaker.test.LocalAwsServer;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Measures baking N SecureString parameters into a secrets file, with every SSM call
 * delayed by the configured latency: secret-baker's bake library against one
 * {@code GetParameter} per secret in series. Both use the same SSM client and write the
 * file with {@link BakedSecretsFile}; the methods alternate from repetition to
 * repetition.
 *
 * @since 0.1.0
 */
public final class BakeBenchmark {

	private final LocalAwsServer server;

	private final List<Integer> sizes;

	private final int repetitions;

	private final Duration latency;

	private final Path workDir;

	/**
	 * Create the benchmark.
	 * @param server the local server, which the benchmark seeds
	 * @param sizes the numbers of parameters
	 * @param repetitions the bakes per method and size
	 * @param latency the latency of every SSM call
	 * @param workDir where to write the baked files
	 */
	public BakeBenchmark(LocalAwsServer server, List<Integer> sizes, int repetitions, Duration latency, Path workDir) {
		this.server = server;
		this.sizes = sizes;
		this.repetitions = repetitions;
		this.latency = latency;
		this.workDir = workDir;
	}

	/**
	 * Run every bake.
	 * @return the samples
	 */
	public List<BakeSample> run() {
		String keyArn = this.server.createKey("alias/benchmarks-bake");
		SsmClient ssm = this.server.ssmClient();
		List<BakeSample> samples = new ArrayList<>();
		List<SecretRequest> warmUp = seed(5, keyArn);
		bake(BakeMethod.SECRET_BAKER, warmUp, ssm);
		bake(BakeMethod.SERIAL, warmUp, ssm);
		for (int size : this.sizes) {
			List<SecretRequest> requests = seed(size, keyArn);
			this.server.faults().latency("*", this.latency);
			for (int repetition = 0; repetition < this.repetitions; repetition++) {
				BakeMethod[] order = (repetition % 2 == 0) ? BakeMethod.values()
						: new BakeMethod[] { BakeMethod.SERIAL, BakeMethod.SECRET_BAKER };
				for (BakeMethod method : order) {
					this.server.resetCounters();
					double millis = bake(method, requests, ssm);
					long calls = this.server.callCounts().values().stream().mapToLong(Long::longValue).sum();
					samples.add(new BakeSample(method, size, repetition, millis, calls));
					System.out.printf(Locale.ROOT, "[bake] N=%d repetition %d/%d %-40s %8.0f ms, %d calls%n", size,
							repetition + 1, this.repetitions, method.label(), millis, calls);
				}
			}
			this.server.faults().clear();
		}
		return samples;
	}

	private double bake(BakeMethod method, List<SecretRequest> requests, SsmClient ssm) {
		Path file = this.workDir.resolve("bake-" + method.name().toLowerCase(Locale.ROOT) + ".json");
		long start = System.nanoTime();
		BakedSecrets baked = switch (method) {
			case SECRET_BAKER -> ParameterStoreBaker.builder(ssm).build().bakeTo(requests, file).secrets();
			case SERIAL -> bakeSerially(requests, ssm, file);
		};
		double millis = (System.nanoTime() - start) / 1e6;
		if (baked.size() != requests.size()) {
			throw new IllegalStateException(
					method.label() + " baked " + baked.size() + " of " + requests.size() + " parameters");
		}
		return millis;
	}

	private static BakedSecrets bakeSerially(List<SecretRequest> requests, SsmClient ssm, Path file) {
		List<BakedSecret> secrets = new ArrayList<>();
		for (SecretRequest request : requests) {
			Parameter parameter = ssm.getParameter((get) -> get.name(request.parameter()).withDecryption(false))
				.parameter();
			secrets.add(BakedSecret.of(request.name(), parameter.value(), parameter.arn()));
		}
		BakedSecrets baked = BakedSecrets.of(secrets);
		BakedSecretsFile.write(baked, file);
		return baked;
	}

	private List<SecretRequest> seed(int size, String keyArn) {
		List<SecretRequest> requests = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String name = String.format(Locale.ROOT, "BAKE_SECRET_%04d", i);
			String parameter = "/benchmarks/bake/n" + size + "/" + name;
			this.server.putSecureString(parameter, UUID.randomUUID().toString(), keyArn);
			requests.add(SecretRequest.of(name, parameter));
		}
		return requests;
	}

}
