/**
 * The light default adapter of the decryption seam: KMS {@code Decrypt} over
 * secret-baker's own HTTP/1.1 transport, signed with the AWS SDK's SigV4 signer, without
 * an SDK service client.
 */
@NullMarked
package io.github.secretbaker.kms.http;

import org.jspecify.annotations.NullMarked;
