/**
 * Internal plumbing of secret-baker's modules for KMS decryption (error classification,
 * key regions, the AWS SDK's HTTP client), not API: it may change without notice.
 */
@NullMarked
package io.github.secretbaker.kms.internal;

import org.jspecify.annotations.NullMarked;
