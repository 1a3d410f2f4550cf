#!/usr/bin/env bash
# Sets up, builds and runs every yat test through ctest: the lit suite
# (check-yat), the pytest suite, the StableHLO conformance files, the unit,
# install and docs tests. Ends with one line: `N passed, N failed, N skipped`.
#
#   bash scripts/test.sh              the regular build (build/)
#   bash scripts/test.sh --sanitize   the ASan + UBSan build (build-sanitize/):
#                                     the same suites, the sanitizer self-tests
#                                     and a bounded run of each fuzz target
#
# Under CI=true nothing may be skipped for want of a tool, package or data
# set; docs/TESTING.md has the details.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-}"
if [ "$mode" = "--sanitize" ]; then
  build="${YAT_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
  export YAT_SANITIZE_BUILD_DIR="$build"
  build_args=(--sanitize)
else
  build="${YAT_BUILD_DIR:-$root/build}"
  export YAT_BUILD_DIR="$build"
  build_args=()
fi

results="$build/test-results"
rm -rf "$results"
bash "$root/scripts/setup.sh" || exit 1
if ! bash "$root/scripts/build.sh" "${build_args[@]}"; then
  mkdir -p "$results" && echo "0 1 0" > "$results/summary.txt"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

mkdir -p "$results"
# A job per core: the lit, conformance and fuzz suites run beside the serial
# pytest suite (test/CMakeLists.txt orders them by COST).
(cd "$build" && ctest --output-on-failure --parallel "$(nproc)" \
  --output-junit "$results/ctest.xml") \
  2>&1 | tee "$results/ctest.log" |
  grep -E "^ *[0-9]+/[0-9]+ Test|tests passed|tests failed|conformance:|fuzz |^FAIL|Failed Tests|UNSUPPORTED:"
python3 "$root/test/summarize_results.py" "$results"
