/**
 * A local stand-in for the AWS Lambda Java runtime that creates a handler once and
 * invokes it with events, so a packaged function can be exercised without AWS.
 */
@NullMarked
package io.github.secretbaker.test.lambda;

import org.jspecify.annotations.NullMarked;
