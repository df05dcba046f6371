#!/usr/bin/env bash
# What a starter adds to a function: the jars and megabytes on the runtime class path of
# benchmarks/function (a minimal Spring Cloud Function on Lambda) with the starter, less those
# it has without. Measures secret-baker's starter and Spring Cloud AWS's parameter-store
# starter (benchmarks/function-spring-cloud-aws) from the local Maven repository (offline).
# Fails if the secret-baker starter brings what only secret-baker.client=sdk needs.
# Usage: scripts/starter-footprint.sh    (prints one line per starter; MB = 10^6 bytes)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
list=target/footprint-classpath.txt

# Reactor modules resolve to their packaged jars, so build those first (no tests).
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -B -ntp -q -o \
	-pl secret-baker-spring-boot-starter,benchmarks/function,benchmarks/function-spring-cloud-aws -am \
	package dependency:build-classpath -DskipTests -Djacoco.skip=true -Dmaven.javadoc.skip=true \
	-Dcyclonedx.skip=true -Dmdep.includeScope=runtime -Dmdep.outputFile="$list" >&2

jars() {
	tr ':' '\n' < "$1/$list" | grep '\.jar$' | sort -u
}

# Prints "<name>: +<jars> jars, +<MB> MB" for the jars of module $2 that the function lacks
# (the function's own jar, which a module built on it lists, left out).
added() {
	local name="$1" module="$2"
	jars "$module" | while IFS= read -r jar; do
		base=$(basename "$jar")
		case "$base" in secret-baker-benchmarks-function-*) continue ;; esac
		if ! jars benchmarks/function | grep -q "/$base\$"; then
			stat -c %s "$jar"
		fi
	done | awk -v n="$name" '{ c++; b += $1 } END { printf "%s: +%d jars, +%.1f MB\n", n, c, b / 1000000 }'
}

sdk_only=$(jars secret-baker-spring-boot-starter | xargs -r -n1 basename \
	| grep -E '^(kms|aws-json-protocol|url-connection-client)-' || true)
if [ -n "$sdk_only" ]; then
	echo "The starter brings jars that only secret-baker.client=sdk needs:" $sdk_only >&2
	exit 1
fi

added "secret-baker-spring-boot-starter" secret-baker-spring-boot-starter
added "spring-cloud-aws-starter-parameter-store" benchmarks/function-spring-cloud-aws
