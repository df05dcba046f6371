/**
 * Internal plumbing of secret-baker's modules for opening AWS Encryption SDK messages,
 * the SecureString values of Advanced-tier parameters, not API: it may change without
 * notice.
 */
@NullMarked
package io.github.secretbaker.kms.internal.envelope;

import org.jspecify.annotations.NullMarked;
