/**
 * The manifest that says which secrets to bake, read from secret-baker.yml,
 * serverless.yml or NAME=PATH strings.
 */
@NullMarked
package io.github.secretbaker.bake.manifest;

import org.jspecify.annotations.NullMarked;
