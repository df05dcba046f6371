package io.github.secretbaker.bake;

import io.github.secretbaker.bake.BakeProblem.Kind;

/**
 * Why a requested parameter cannot be baked: the problem kind and message that each
 * secret requesting it gets.
 *
 * @param kind what went wrong
 * @param message a description of the problem and its fix, naming no value
 */
record ParameterFailure(Kind kind, String message) {

}
