/**
 * A local AWS Lambda Runtime API and a launcher that runs a function under AWS's runtime
 * interface client against it, as the Lambda Java managed runtime runs it.
 */
@NullMarked
package io.github.secretbaker.test.lambda.runtime;

import org.jspecify.annotations.NullMarked;
