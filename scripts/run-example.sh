#!/usr/bin/env bash
# yat's main job on the bundled example: set up, build, then compile the
# NMN MLP in examples/ for the CPU, run it on seeded random inputs and print
# its output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
export YAT_BUILD_DIR="$build"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" >/dev/null
example="$root/examples/nmn_mlp.mlir"
echo "== $example"
grep -v '^//' "$example"
echo
echo "== compiled with yat-cpu-pipeline and run by yat-run (inputs: --random-inputs --seed=1)"
"$build/bin/yat-run" "$example" --random-inputs --seed=1
