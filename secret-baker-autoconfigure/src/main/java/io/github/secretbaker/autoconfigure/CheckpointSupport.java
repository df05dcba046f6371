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

package io.github.secretbaker.autoconfigure;

import java.util.function.Supplier;

import io.github.secretbaker.kms.BakedSecretsDecrypter;
import io.github.secretbaker.kms.SecretValues;
import org.apache.commons.logging.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Decrypts after each restore of a JVM snapshot (Lambda SnapStart, CRaC) rather than
 * before the checkpoint, with {@code secret-baker.snapshot=after-restore} and
 * {@code org.crac} on the class path. Before the checkpoint the client is primed, with no
 * network (its TLS code runs one handshake between two sockets of the JVM on the loopback
 * address), no credentials and no value; after each restore a new client, which reads the
 * credentials of the restored environment, decrypts every secret within the deadline, or
 * in lazy mode each secret on its first read. A read before the restore fails in both
 * modes.
 */
final class CheckpointSupport {

	private static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

	private static final boolean CRAC_PRESENT = ClassUtils.isPresent("org.crac.Core",
			CheckpointSupport.class.getClassLoader());

	// org.crac holds registered resources weakly: this keeps the one registered here
	// alive.
	private static volatile @Nullable Object resource;

	private CheckpointSupport() {
	}

	/**
	 * Return whether this JVM is going to be snapshotted after init: Lambda says so with
	 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} (and {@code on-demand} when the
	 * same function starts without a snapshot), and {@code org.crac} is there to hear of
	 * it.
	 * @param environment the environment
	 * @return whether to decrypt after the restore
	 */
	static boolean isCheckpointPending(Environment environment) {
		return CRAC_PRESENT && "snap-start".equals(environment.getProperty(INITIALIZATION_TYPE));
	}

	static void register(BakedSecretsDecrypter primed, Supplier<BakedSecretsDecrypter> afterRestore,
			SecretValues values, Log logger) {
		Crac.register(new SnapshotResource(primed, afterRestore, values, logger));
	}

	/**
	 * Return the resource registered by {@link #register}, for tests that drive its
	 * callbacks without a CRaC JVM.
	 * @return the resource, or {@code null}
	 */
	static @Nullable Object registeredResource() {
		return resource;
	}

	/**
	 * The callbacks of one snapshotted application.
	 */
	static final class SnapshotResource {

		private final BakedSecretsDecrypter primed;

		private final Supplier<BakedSecretsDecrypter> afterRestore;

		private final SecretValues values;

		private final Log logger;

		SnapshotResource(BakedSecretsDecrypter primed, Supplier<BakedSecretsDecrypter> afterRestore,
				SecretValues values, Log logger) {
			this.primed = primed;
			this.afterRestore = afterRestore;
			this.values = values;
			this.logger = logger;
		}

		void beforeCheckpoint() {
			this.primed.prime(this.values.getSecrets());
			this.logger.info("Primed the KMS client for " + this.values.getSecrets().size()
					+ " baked secrets before the checkpoint; they are decrypted after the restore"
					+ (this.values.isLazy() ? ", each on its first read" : ""));
		}

		void afterRestore() {
			this.values.supply(this.afterRestore.get());
			if (!this.values.isLazy()) {
				BakedSecretsEnvironmentPostProcessor.join(this.values, this.logger);
			}
		}

	}

	/**
	 * Keeps the {@code org.crac} classes unloaded unless the after-restore mode is
	 * chosen.
	 */
	private static final class Crac {

		static void register(SnapshotResource snapshot) {
			Resource adapter = new Resource() {

				@Override
				public void beforeCheckpoint(Context<? extends Resource> context) {
					snapshot.beforeCheckpoint();
				}

				@Override
				public void afterRestore(Context<? extends Resource> context) {
					snapshot.afterRestore();
				}

			};
			resource = adapter;
			Core.getGlobalContext().register(adapter);
		}

	}

}
