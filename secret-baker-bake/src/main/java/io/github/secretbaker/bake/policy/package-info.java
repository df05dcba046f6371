/**
 * The least-privilege IAM statement a function needs to decrypt its baked secrets.
 */
@NullMarked
package io.github.secretbaker.bake.policy;

import org.jspecify.annotations.NullMarked;
