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

package io.github.secretbaker.bake.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.secretbaker.aws.Arn;
import io.github.secretbaker.aws.DecryptPermission;
import io.github.secretbaker.bake.ParameterStoreBaker;
import io.github.secretbaker.format.BakedSecret;
import io.github.secretbaker.format.BakedSecrets;
import io.github.secretbaker.kms.Deadline;
import io.github.secretbaker.kms.KmsDecryptException;
import io.github.secretbaker.kms.KmsDecryptRequest;
import io.github.secretbaker.kms.internal.envelope.EncryptionSdkMessages;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Checks, before a deploy, that the caller can decrypt every secret of a baked file, with
 * a KMS {@code Decrypt} dry run per secret: the entry's ciphertext (for an Advanced-tier
 * entry, the message's encrypted data key), its encryption context and its recorded key.
 * No call ever asks for a plaintext.
 *
 * @since 0.1.0
 */
public final class DecryptVerifier {

	private static final Duration DATA_KEY_DEADLINE = Duration.ofMinutes(1);

	private final KmsClient kms;

	private final int concurrency;

	/**
	 * Create a verifier that calls KMS with the given client, as the role to check, one
	 * call at a time.
	 * @param kms the client, with the credentials of the role to check
	 */
	public DecryptVerifier(KmsClient kms) {
		this(kms, 1);
	}

	/**
	 * Create a verifier that calls KMS with the given client, as the role to check.
	 * @param kms the client, with the credentials of the role to check
	 * @param concurrency the most dry runs in flight at once
	 * @throws IllegalArgumentException if the concurrency is not positive
	 */
	public DecryptVerifier(KmsClient kms, int concurrency) {
		this.kms = Objects.requireNonNull(kms, "'kms' must not be null");
		String problem = ParameterStoreBaker.checkConcurrency(concurrency);
		if (problem != null) {
			throw new IllegalArgumentException("'concurrency' " + problem);
		}
		this.concurrency = concurrency;
	}

	/**
	 * Check every secret of a baked file.
	 * @param secrets the baked secrets
	 * @param principal who the client's credentials are, for the report
	 * @return the report, with the findings in the file's order
	 */
	public VerifyReport verify(BakedSecrets secrets, String principal) {
		List<BakedSecret> entries = secrets.asList();
		int threads = Math.max(1, Math.min(this.concurrency, entries.size()));
		ExecutorService executor = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "secret-baker-verify");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<CompletableFuture<@Nullable VerifyFinding>> checks = entries.stream()
				.map((secret) -> CompletableFuture.supplyAsync(() -> check(secret), executor))
				.toList();
			List<VerifyFinding> findings = new ArrayList<>();
			for (CompletableFuture<@Nullable VerifyFinding> check : checks) {
				VerifyFinding finding = await(check);
				if (finding != null) {
					findings.add(finding);
				}
			}
			return new VerifyReport(entries.size(), principal, findings);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Return the region that the parameter ARNs of a baked file name, the region to
	 * verify in when none is configured.
	 * @param secrets the baked secrets
	 * @return the region, or {@code null} for an empty file
	 * @throws IllegalArgumentException if the entries name more than one region
	 */
	public static @Nullable String regionOf(BakedSecrets secrets) {
		Set<String> regions = new TreeSet<>();
		for (BakedSecret secret : secrets) {
			String region = Arn.regionOf(secret.arn());
			if (region != null) {
				regions.add(region);
			}
		}
		if (regions.size() > 1) {
			throw new IllegalArgumentException("The baked secrets name parameters in several regions ("
					+ String.join(", ", regions) + "): pass the region to verify in");
		}
		return regions.isEmpty() ? null : regions.iterator().next();
	}

	private static @Nullable VerifyFinding await(CompletableFuture<@Nullable VerifyFinding> check) {
		try {
			return check.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private @Nullable VerifyFinding check(BakedSecret secret) {
		DecryptRequest request;
		try {
			request = dryRun(secret);
		}
		catch (KmsDecryptException ex) {
			// the message's own fixed words: they never quote its bytes
			return finding(secret, secret.keyId(), VerifyFinding.Kind.INVALID_CIPHERTEXT,
					ex.getMessage() + ": bake the file again", null);
		}
		try {
			this.kms.decrypt(request);
			// KMS never answers a dry run with success; a server that does ignored DryRun
			return finding(secret, request.keyId(), VerifyFinding.Kind.AWS_ERROR,
					"the endpoint answered the dry run with a plaintext, so it does not support DryRun; check the "
							+ "endpoint",
					null);
		}
		catch (DryRunOperationException ex) {
			return null;
		}
		catch (KmsException ex) {
			return failure(secret, request.keyId(), ex);
		}
		catch (SdkServiceException ex) {
			return finding(secret, request.keyId(), VerifyFinding.Kind.AWS_ERROR,
					"KMS answered with HTTP status " + ex.statusCode() + ": check the endpoint and retry", null);
		}
		catch (SdkException ex) {
			return finding(secret, request.keyId(), VerifyFinding.Kind.AWS_ERROR, "KMS could not be reached ("
					+ ex.getClass().getSimpleName() + "): check the network, the region and the credentials, and retry",
					null);
		}
	}

	private static DecryptRequest dryRun(BakedSecret secret) {
		DecryptRequest.Builder request = DecryptRequest.builder().dryRun(true);
		if (secret.isEncryptionSdkMessage()) {
			// the data key's Decrypt is the one KMS call that opening the message makes
			KmsDecryptRequest dataKey = EncryptionSdkMessages.dataKeyRequest(secret.ciphertextBlob(), secret.arn(),
					secret.keyId(), Deadline.in(DATA_KEY_DEADLINE));
			request.ciphertextBlob(SdkBytes.fromByteArray(dataKey.ciphertextBlob()))
				.encryptionContext(dataKey.encryptionContext());
			if (dataKey.keyId() != null) {
				request.keyId(dataKey.keyId());
			}
			return request.build();
		}
		request.ciphertextBlob(SdkBytes.fromByteArray(secret.ciphertextBlob()))
			.encryptionContext(Map.of(DecryptPermission.PARAMETER_ARN_CONTEXT_KEY, secret.arn()));
		if (secret.keyId() != null) {
			request.keyId(secret.keyId());
		}
		return request.build();
	}

	private static VerifyFinding failure(BakedSecret secret, @Nullable String keyArn, KmsException ex) {
		String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
		String key = (keyArn != null) ? keyArn : "the key of the ciphertext";
		if (code == null) {
			return finding(secret, keyArn, VerifyFinding.Kind.AWS_ERROR,
					"KMS answered with HTTP status " + ex.statusCode() + ": check the endpoint and retry", null);
		}
		return switch (code) {
			case "AccessDeniedException" -> finding(secret, keyArn, VerifyFinding.Kind.ACCESS_DENIED,
					"access denied (AccessDeniedException): allow kms:Decrypt on " + key
							+ " for this parameter, in the role's policy and in the key policy",
					(keyArn != null) ? new DecryptPermission(List.of(keyArn), List.of(secret.arn())).toJson(false)
							: null);
			case "DisabledException", "KMSInvalidStateException" -> finding(
					secret, keyArn, VerifyFinding.Kind.KEY_DISABLED, "the key is disabled or pending deletion (" + code
							+ "): enable " + key + ", or re-encrypt the parameter under an enabled key and bake again",
					null);
			case "NotFoundException",
					"IncorrectKeyException" ->
				finding(secret, keyArn, VerifyFinding.Kind.KEY_NOT_FOUND,
						"KMS does not find the key (" + code + "): check the region and the account, or bake again",
						null);
			case "InvalidCiphertextException" -> finding(secret, keyArn, VerifyFinding.Kind.INVALID_CIPHERTEXT,
					"KMS refused the ciphertext with this parameter's encryption context (InvalidCiphertextException): "
							+ "the file was changed, or baked for another parameter; bake again",
					null);
			default -> finding(secret, keyArn, VerifyFinding.Kind.AWS_ERROR,
					"KMS answered " + code + " (HTTP " + ex.statusCode() + "): retry, or check the key and the role",
					null);
		};
	}

	private static VerifyFinding finding(BakedSecret secret, @Nullable String keyArn, VerifyFinding.Kind kind,
			String reason, @Nullable String statement) {
		return new VerifyFinding(secret.name(), secret.arn(), keyArn, kind, reason, statement);
	}

}
