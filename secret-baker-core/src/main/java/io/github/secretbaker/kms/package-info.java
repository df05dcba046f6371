/**
 * Decryption of baked secrets with AWS KMS, in parallel and within a deadline.
 */
@NullMarked
package io.github.secretbaker.kms;

import org.jspecify.annotations.NullMarked;
