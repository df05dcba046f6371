/**
 * A local, in-memory AWS KMS and SSM Parameter Store server that speaks the AWS JSON 1.1
 * protocol, with fault injection, a JUnit 5 extension and a standalone command-line entry
 * point.
 */
@NullMarked
package io.github.secretbaker.test;

import org.jspecify.annotations.NullMarked;
