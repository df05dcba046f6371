/**
 * The AWS that a test suite runs against: the local server by default, or LocalStack
 * where Docker and Testcontainers are (both optional on the class path).
 */
@NullMarked
package io.github.secretbaker.test.backend;

import org.jspecify.annotations.NullMarked;
