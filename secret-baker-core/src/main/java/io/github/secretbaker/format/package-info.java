/**
 * The {@code secret-baker-secrets.json} file format: its model, reader, writer and
 * validation.
 */
@NullMarked
package io.github.secretbaker.format;

import org.jspecify.annotations.NullMarked;
