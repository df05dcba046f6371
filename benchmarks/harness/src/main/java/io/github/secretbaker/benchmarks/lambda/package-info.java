/**
 * Cold starts as Lambda runs and bills them: AWS's runtime interface client on a local
 * Runtime API.
 */
@NullMarked
package io.github.secretbaker.benchmarks.lambda;

import org.jspecify.annotations.NullMarked;
