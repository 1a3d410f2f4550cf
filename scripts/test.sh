#!/usr/bin/env bash
# Sets up, builds and runs every yat test: the lit suite (check-yat), the
# pytest suite and the remaining ctest tests (install, docs, conformance).
# Ends with one line: `N passed, N failed, N skipped`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
export YAT_BUILD_DIR="$build"

bash "$root/scripts/setup.sh" || exit 1
bash "$root/scripts/build.sh" || exit 1

passed=0 failed=0 skipped=0
log="$build/test-logs"
mkdir -p "$log"

echo "== lit (check-yat)"
/usr/lib/llvm-22/bin/lit -sv "$build/test" 2>&1 | tee "$log/lit.txt" | grep -E "^(FAIL|XPASS|UNRESOLVED|TIMEOUT)|^  (Passed|Failed|Unsupported|Expectedly|Unexpectedly|Unresolved|Timed)"
# lit's summary lines read e.g. "  Passed     : 24 (58.54%)".
count() { grep -E "^  $1 *:" "$log/lit.txt" | tail -1 | sed -E 's/.*: *([0-9]+).*/\1/'; }
lit_passed=$(( $(count "Passed") + 0 ))
lit_xfail=$(( $(count "Expectedly Failed") + 0 ))
lit_unsupported=$(( $(count "Unsupported") + 0 ))
lit_failed=$(( $(count "Failed") + $(count "Unresolved") + $(count "Unexpectedly Passed") + $(count "Timed Out") + 0 ))
if ! grep -qE "^  (Passed|Failed) *:" "$log/lit.txt"; then
  echo "lit printed no summary"; lit_failed=$((lit_failed + 1))
fi
passed=$((passed + lit_passed + lit_xfail))
failed=$((failed + lit_failed))
skipped=$((skipped + lit_unsupported))

echo "== pytest"
python3 -m pytest -q "$root/test/python" 2>&1 | tee "$log/pytest.txt" | tail -n 15
summary=$(tail -n 1 "$log/pytest.txt")
py() { echo "$summary" | grep -oE "[0-9]+ $1" | awk '{print $1}' | head -1; }
passed=$((passed + $(py passed || true) + 0))
failed=$((failed + $(py failed || true) + $(py error || true) + 0))
skipped=$((skipped + $(py skipped || true) + 0))

echo "== ctest (install, docs, conformance)"
(cd "$build" && ctest -E '^yat-lit$' --output-on-failure) 2>&1 | tee "$log/ctest.txt" | tail -n 12
ctest_total=$(grep -oE "out of [0-9]+" "$log/ctest.txt" | awk '{print $3}' | tail -1)
ctest_failed=$(grep -oE "[0-9]+ tests failed" "$log/ctest.txt" | awk '{print $1}' | tail -1)
ctest_total=$((ctest_total + 0)); ctest_failed=$((ctest_failed + 0))
passed=$((passed + ctest_total - ctest_failed))
failed=$((failed + ctest_failed))

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
