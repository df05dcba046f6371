package io.github.secretbaker.bake;

import java.util.List;

/**
 * Where a bake reads its secrets from: a source turns requests into the secrets that can
 * be baked and the problems of the others, without failing because of any one of them.
 */
interface SecretSource {

	/**
	 * Resolve the given requests.
	 * @param requests the secrets to resolve, at least one, with distinct names
	 * @return the secrets, the problems, the call counts and the warnings
	 */
	Resolution resolve(List<SecretRequest> requests);

}
