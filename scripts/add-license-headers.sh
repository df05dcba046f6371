#!/usr/bin/env bash
# Puts the Apache License 2.0 header of src/checkstyle/checkstyle-header.txt at the top of
# every tracked Java source file that does not start with it yet; running it again changes
# nothing. Checkstyle's header check fails the build on a file without it.
set -euo pipefail
cd "$(dirname "$0")/.."
header=src/checkstyle/checkstyle-header.txt
lines=$(wc -l < "$header")
count=0
while IFS= read -r -d '' file; do
	if ! head -n "$lines" "$file" | cmp -s - "$header"; then
		{ cat "$header"; echo; cat "$file"; } > "$file.tmp" && mv "$file.tmp" "$file"
		count=$((count + 1))
	fi
done < <(git ls-files -z -- '*.java')
echo "Added the licence header to $count files"
