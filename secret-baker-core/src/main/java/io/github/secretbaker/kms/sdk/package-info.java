/**
 * The AWS SDK adapter of the decryption seam: a
 * {@link io.github.secretbaker.kms.KmsDecrypter} over the SDK's {@code KmsClient}.
 */
@NullMarked
package io.github.secretbaker.kms.sdk;

import org.jspecify.annotations.NullMarked;
