/**
 * Drift checks comparing a baked secrets file with its manifest and the current state of
 * SSM.
 */
@NullMarked
package io.github.secretbaker.bake.check;

import org.jspecify.annotations.NullMarked;
