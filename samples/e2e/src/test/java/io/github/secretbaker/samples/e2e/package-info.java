/**
 * End-to-end tests and the demo of the webhook-signer sample on the local KMS and SSM
 * server.
 */
package io.github.secretbaker.samples.e2e;
