/**
 * The picocli command line: bake, check, policy and inspect.
 */
@NullMarked
package io.github.secretbaker.bake.cli;

import org.jspecify.annotations.NullMarked;
