#!/usr/bin/env bash
# Fails when a generated doc in BUILD/docs differs from its committed copy
# in SRC/docs/generated (run `ninja yat-doc` to refresh them).
set -euo pipefail
src="$1"
build="$2"
stale=0
while IFS= read -r generated; do
  rel="${generated#"$build/docs/"}"
  committed="$src/docs/generated/$rel"
  if ! cmp -s "$generated" "$committed"; then
    echo "stale or missing: docs/generated/$rel"
    stale=1
  fi
done < <(find "$build/docs" -name '*.md' | sort)
[ "$stale" -eq 0 ] && echo "generated docs are up to date"
exit "$stale"
