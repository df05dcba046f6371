/**
 * A Spring Cloud Function that signs order webhooks with secrets baked by secret-baker.
 */
package io.github.secretbaker.samples.webhooksigner;
