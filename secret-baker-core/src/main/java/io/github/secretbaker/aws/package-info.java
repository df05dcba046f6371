/**
 * The AWS notions that the bake and the runtime share: ARNs, KMS key references and the
 * {@code kms:Decrypt} permission a function needs.
 */
@NullMarked
package io.github.secretbaker.aws;

import org.jspecify.annotations.NullMarked;
