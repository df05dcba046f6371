/**
 * The bake engine: reads SSM SecureString ciphertexts without decrypting them and turns
 * them into baked secrets.
 */
@NullMarked
package io.github.secretbaker.bake;

import org.jspecify.annotations.NullMarked;
