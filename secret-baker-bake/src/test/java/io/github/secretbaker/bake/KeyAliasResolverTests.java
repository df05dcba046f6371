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

package io.github.secretbaker.bake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.secretbaker.test.LocalAwsServer;
import io.github.secretbaker.test.LocalAwsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyAliasResolver} against the local KMS server.
 */
@LocalAwsTest(clients = TestSecrets.BakeClients.class)
@LocalCredentials
class KeyAliasResolverTests {

	private final LocalAwsServer server;

	private final KmsClient kms;

	private ParallelCalls calls;

	private String keyArn;

	private String aliasArn;

	KeyAliasResolverTests(LocalAwsServer server, KmsClient kms) {
		this.server = server;
		this.kms = kms;
	}

	@BeforeEach
	void setUp() {
		this.calls = new ParallelCalls(2);
		this.keyArn = this.server.createKey("alias/app");
		this.aliasArn = "arn:aws:kms:" + this.server.region() + ":" + this.server.accountId() + ":alias/app";
	}

	@AfterEach
	void close() {
		this.calls.close();
	}

	@Test
	void resolvesEachDistinctAliasArnOnceAndLeavesKeyArnsAsTheyAre() {
		KeyAliasResolver.ResolvedAliases aliases = new KeyAliasResolver(() -> this.kms, this.calls)
			.resolve(List.of(this.aliasArn, this.keyArn, this.aliasArn));
		assertThat(aliases.keyArns()).isEqualTo(Map.of(this.aliasArn, this.keyArn));
		assertThat(aliases.failureReasons()).isEmpty();
		assertThat(aliases.keyArnOf(this.aliasArn)).isEqualTo(this.keyArn);
		assertThat(aliases.keyArnOf(this.keyArn)).isEqualTo(this.keyArn);
		assertThat(aliases.keyArnOf(null)).isNull();
		assertThat(this.server.callCount("DescribeKey")).isOne();
	}

	@Test
	void callsNoKmsWhenNoKeyIsAnAlias() {
		KeyAliasResolver.ResolvedAliases aliases = new KeyAliasResolver(() -> {
			throw new IllegalStateException("No KMS client is needed");
		}, this.calls).resolve(List.of(this.keyArn));
		assertThat(aliases.keyArns()).isEmpty();
		assertThat(aliases.failureReasons()).isEmpty();
		assertThat(this.server.callCount("DescribeKey")).isZero();
	}

	@Test
	void saysWhyAnAliasIsKeptWhenDescribeKeyIsDenied() {
		this.server.faults().deny("DescribeKey", "*");
		KeyAliasResolver.ResolvedAliases aliases = new KeyAliasResolver(() -> this.kms, this.calls)
			.resolve(List.of(this.aliasArn));
		assertThat(aliases.keyArns()).isEmpty();
		assertThat(aliases.failureReasons()).containsExactly("kms:DescribeKey failed with AccessDeniedException");
		assertThat(aliases.warning(Set.of("A"))).isEqualTo("Secret A: the key alias ARN is recorded as keyId, not the "
				+ "key ARN, because kms:DescribeKey failed with AccessDeniedException; 'secret-baker policy' will need "
				+ "--key-arn for it, and allowing kms:DescribeKey on the key lets the bake record the key ARN");
	}

}
