/**
 * Cold starts as Lambda runs and bills them: AWS's runtime interface client on a local
 * Runtime API, and for the headline benchmark under the cgroup CPU quota of a memory
 * size, over HTTPS.
 */
@NullMarked
package io.github.secretbaker.benchmarks.lambda;

import org.jspecify.annotations.NullMarked;
