/**
 * Actuator support for baked secrets: value masking and the {@code secretbaker} endpoint.
 */
@NullMarked
package io.github.secretbaker.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
