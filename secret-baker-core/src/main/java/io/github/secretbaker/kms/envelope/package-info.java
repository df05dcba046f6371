/**
 * Opening of AWS Encryption SDK messages, the SecureString values of Advanced-tier
 * parameters, with their data key decrypted through the runtime's {@code KmsDecrypter}.
 */
@NullMarked
package io.github.secretbaker.kms.envelope;

import org.jspecify.annotations.NullMarked;
