#!/usr/bin/env bash
# yat's main job on a bundled model: set up, build, then take an NMN MLP
# exported from JAX as StableHLO (examples/stablehlo/, made by
# scripts/export_jax_models.py), find its ⵟ-product layers, compile it for
# the CPU, run it, check it against JAX's own output, and time the
# raised + fused path against the plain lowering of the same StableHLO; then
# the same from Python (yat.compile, and yat.jax.jit on an nmn layer timed
# against jax.jit).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
export YAT_BUILD_DIR="$build"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" >/dev/null
yat_opt="$build/bin/yat-opt"
yat_run="$build/bin/yat-run"
models="$root/examples/stablehlo"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

model="$models/nmn_mlp.mlir"
echo "== $model: YatNMN(8 -> 16) -> YatNMN(16 -> 4), exported by jax.jit"
echo "-- the yat ops yat-raise-stablehlo finds in it:"
"$yat_opt" "$model" --yat-raise-stablehlo | grep -o "yat\.[a-z_]* .* : (" |
  sed -E 's/ : \($//; s/^/   /'
echo "-- compiled with yat-cpu-pipeline and run by yat-run on the bundled input:"
"$yat_run" "$model" --input="$models/nmn_mlp.arg0.npy"
"$yat_run" "$model" --input="$models/nmn_mlp.arg0.npy" --output="$out/y.npy"
python3 - "$out/y.npy" "$models/nmn_mlp.expected.npy" <<'PY'
import sys
import numpy as np
y, expected = np.load(sys.argv[1]), np.load(sys.argv[2])
print(f"-- max |yat - jax| = {np.abs(y - expected).max():.3g} "
      f"(max |jax| = {np.abs(expected).max():.3g})")
PY

wide="$models/nmn_mlp_wide.mlir"
echo
echo "== $wide: YatNMN(512 -> 1024) -> YatNMN(1024 -> 256) on 256 tokens"
timing() { "$yat_run" "$wide" --random-inputs --seed=1 --benchmark=20 "$@" |
  sed -E 's/.*median_ms=([0-9.]+).*/\1/'; }
fused=$(timing)
plain=$(timing --pipeline-options=raise-stablehlo=false)
echo "-- raised + fused:  median $fused ms   ($yat_run $wide --random-inputs --seed=1 --benchmark=20)"
echo "-- plain lowering:  median $plain ms   (same, --pipeline-options=raise-stablehlo=false)"
python3 -c "print(f'-- plain time / raised + fused time: {$plain / $fused:.2f}x')"

echo
echo "== the same from Python: the yat package (docs/PYTHON.md)"
python3 - "$model" "$models/nmn_mlp.arg0.npy" "$models/nmn_mlp.expected.npy" <<'PY'
import sys
import time
import jax
import numpy as np
from flax import nnx
from nmn.nnx.layers.nmn import YatNMN
import yat
import yat.jax

# A JAX-exported module, compiled and called on numpy arrays:
f = yat.compile(open(sys.argv[1]).read(), source_name="nmn_mlp.mlir")
y = f(np.load(sys.argv[2]))
print(f"-- yat.compile: {f}\n   max |yat - jax| = "
      f"{np.abs(y - np.load(sys.argv[3])).max():.3g}")

# An nmn layer compiled straight from JAX, timed against jax.jit:
layer = YatNMN(in_features=512, out_features=1024, rngs=nnx.Rngs(0))
def forward(x):
    return layer(x)
x = np.random.default_rng(0).standard_normal((256, 512), dtype=np.float32)
fast, xla = yat.jax.jit(forward), jax.jit(forward)
def median_ms(fn):
    fn(x)
    times = []
    for _ in range(30):
        start = time.perf_counter()
        jax.block_until_ready(fn(x))
        times.append(time.perf_counter() - start)
    return 1e3 * float(np.median(times))
print(f"-- yat.jax.jit(YatNMN(512 -> 1024)) on 256 rows: max |yat - jax| = "
      f"{np.abs(fast(x) - xla(x)).max():.3g}; median {median_ms(fast):.2f} ms, "
      f"jax.jit {median_ms(xla):.2f} ms")
PY
