/**
 * KMS client creation and first call with each AWS SDK HTTP client, in fresh JVMs.
 */
@NullMarked
package io.github.secretbaker.benchmarks.httpclient;

import org.jspecify.annotations.NullMarked;
