#!/usr/bin/env bash
# The GPU checks, in one command, on a machine with an NVIDIA GPU: builds
# yat (scripts/build.sh), runs the lit suite with its `REQUIRES: cuda` tests
# (every op family against the CPU, the zoo's models against JAX with
# --target=cuda; lit enables them when nvidia-smi lists a GPU), then
# bench/gpu/run.py against cuBLAS. Ends with the lit summary and the
# benchmark's table; exits 1 if anything failed, 2 without a GPU.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
export YAT_BUILD_DIR="$build"

if ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-check: no NVIDIA GPU here (nvidia-smi lists none)"
  exit 2
fi
nvidia-smi -L
bash "$root/scripts/build.sh" >/dev/null || { echo "gpu-check: build failed"; exit 1; }

status=0
echo "== lit, with the cuda feature"
log="$build/test-results/gpu-check-lit.log"
mkdir -p "$(dirname "$log")"
YAT_HAS_GPU=1 /usr/lib/llvm-22/bin/lit -sv "$build/test" >"$log" 2>&1 ||
  status=1
grep -E "^(FAIL|XPASS|UNRESOLVED):|cuda|Passed|Failed|Unsupported" "$log"

echo "== bench/gpu against cuBLAS"
python3 "$root/bench/gpu/run.py" --build-dir "$build" || status=1
exit "$status"
