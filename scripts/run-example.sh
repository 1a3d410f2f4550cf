#!/usr/bin/env bash
# yat's main job on the bundled example: set up, build, then compile the
# NMN MLP in examples/ and show the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
export YAT_BUILD_DIR="$build"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" >/dev/null
example="$root/examples/nmn_mlp.mlir"
echo "== $example, verified and printed by yat-opt"
"$build/bin/yat-opt" "$example"
