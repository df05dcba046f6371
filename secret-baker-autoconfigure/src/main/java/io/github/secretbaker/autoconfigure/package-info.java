/**
 * Auto-configuration that decrypts baked secrets once per cold start into a Spring
 * {@code PropertySource}.
 */
@NullMarked
package io.github.secretbaker.autoconfigure;

import org.jspecify.annotations.NullMarked;
