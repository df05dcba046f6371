/**
 * Checking before a deploy, with KMS dry runs, that a role can decrypt every baked
 * secret.
 */
@NullMarked
package io.github.secretbaker.bake.verify;

import org.jspecify.annotations.NullMarked;
