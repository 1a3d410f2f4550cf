#!/usr/bin/env bash
# Installs the yat Python package (python/) with pip, built against the
# build tree $1 (default build/), so that `python3 -c "import yat"` works.
# Skips the install when the package was already built from the same
# libYatCAPI.so and package sources. scripts/build.sh calls it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
stamp="$build/python-package.stamp"
digest="$( (cat "$build/lib/libYatCAPI.so"
  cd "$root/python" && find pyproject.toml CMakeLists.txt src yat -type f \
    -not -name '*.pyc' | sort | xargs cat) | sha256sum)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] &&
  (cd / && python3 -c "import yat") 2>/dev/null; then
  exit 0
fi
echo "install-python: pip installing ./python against $build"
YAT_BUILD_DIR="$build" python3 -m pip install --no-build-isolation -q \
  --disable-pip-version-check "$root/python" 2>&1 |
  grep -v "Running pip as the 'root' user" || true
(cd / && python3 -c "import yat") || {
  echo "install-python: the yat package does not import" >&2
  exit 1
}
echo "$digest" > "$stamp"
