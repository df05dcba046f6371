/**
 * Tests of what a release publishes: the deployed artifacts and a function built only
 * from them.
 */
package io.github.secretbaker.samples.consumer;
