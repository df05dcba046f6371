/**
 * Internal plumbing of secret-baker's modules for calling AWS (request signing and
 * endpoint checks), not API: it may change without notice.
 */
@NullMarked
package io.github.secretbaker.aws.internal;

import org.jspecify.annotations.NullMarked;
