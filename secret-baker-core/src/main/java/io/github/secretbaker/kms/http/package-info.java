/**
 * The light default adapter of the decryption seam: KMS {@code Decrypt} over the JDK's HTTP
 * client, signed with the AWS SDK's SigV4 signer, without an SDK service client.
 */
@NullMarked
package io.github.secretbaker.kms.http;

import org.jspecify.annotations.NullMarked;
