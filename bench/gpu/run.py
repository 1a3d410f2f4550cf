#!/usr/bin/env python3
"""yat on an NVIDIA GPU against cuBLAS, in one run: the targets of the GPU
issue as ratios, each with the command that reproduces it.

    python3 bench/gpu/run.py [--build-dir build]

Builds bench/gpu/cublas_bench.cu with nvcc (into BUILD/bench), times
cuBLAS, times yat's modules with `yat-run --target=cuda --benchmark=N`, and
prints a table and the targets. Needs a GPU: without one it says so and
exits 2.
"""

import argparse
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
NVCC = "/usr/local/cuda/bin/nvcc"

PRODUCT = """
func.func @main(%x: tensor<{m}x{k}xbf16>, %w: tensor<{n}x{k}xbf16>) -> tensor<{m}x{n}xbf16> {{
  %y = yat.product %x, %w : (tensor<{m}x{k}xbf16>, tensor<{n}x{k}xbf16>) -> tensor<{m}x{n}xbf16>
  return %y : tensor<{m}x{n}xbf16>
}}
"""

TERNARY_GEMV = """
func.func @main(%x: tensor<1x{k}xf32>, %packed: tensor<{n}x{kq}xi8>, %scale: tensor<f32>) -> tensor<1x{n}xf32> {{
  %y = yat.ternary_matmul %x, %packed, %scale : (tensor<1x{k}xf32>, tensor<{n}x{kq}xi8>, tensor<f32>) -> tensor<1x{n}xf32>
  return %y : tensor<1x{n}xf32>
}}
"""

ATTENTION = """
func.func @main(%q: tensor<1x1x{t}x64xf32>, %k: tensor<1x1x{t}x64xf32>, %v: tensor<1x1x{t}x64xf32>) -> tensor<1x1x{t}x64xf32> {{
  %o = yat.attention %q, %k, %v {{causal}} : (tensor<1x1x{t}x64xf32>, tensor<1x1x{t}x64xf32>, tensor<1x1x{t}x64xf32>) -> tensor<1x1x{t}x64xf32>
  return %o : tensor<1x1x{t}x64xf32>
}}
"""


def timed(cmd):
    shown = " ".join(shlex.quote(str(c)) for c in cmd)
    proc = subprocess.run([str(c) for c in cmd], capture_output=True,
                          text=True, timeout=600)
    match = re.search(r"median_ms=([\d.]+)", proc.stdout)
    if proc.returncode != 0 or not match:
        last = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [""]
        return None, shown, last[0]
    return float(match.group(1)), shown, ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=str(ROOT / "build"))
    options = parser.parse_args()
    build = pathlib.Path(options.build_dir)
    yat_run = build / "bin" / "yat-run"
    bench = build / "bench" / "cublas_bench"
    bench.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([NVCC, "-O2", "-std=c++17", "-o", str(bench),
                    str(ROOT / "bench/gpu/cublas_bench.cu"), "-lcublas"],
                   check=True)
    probe = subprocess.run([str(bench), "gemm", "16", "16", "16", "1"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        print(probe.stderr.strip())
        return 2

    work = pathlib.Path(tempfile.mkdtemp(prefix="yat-bench-gpu-"))
    rows = []

    def case(name, module_text, baseline_cmd, iterations, target_ratio,
             faster):
        module = work / f"{name}.mlir"
        module.write_text(module_text)
        yat_ms, yat_cmd, yat_error = timed(
            [yat_run, module, "--target=cuda", "--random-inputs",
             f"--benchmark={iterations}"])
        base_ms, base_cmd, base_error = timed(baseline_cmd)
        rows.append((name, yat_ms, base_ms, target_ratio, faster, yat_cmd,
                     base_cmd, yat_error or base_error))

    n = 4096
    case("product bf16 4096^3", PRODUCT.format(m=n, n=n, k=n),
         [bench, "gemm", n, n, n, 20], 5, 1.5, False)
    case("ternary GEMV 2560x6912", TERNARY_GEMV.format(k=2560, n=6912,
                                                       kq=2560 // 4),
         [bench, "gemv", 6912, 2560, 200], 50, 2.5, True)
    case("attention T=8192", ATTENTION.format(t=8192),
         [bench, "gemm", 8192, 8192, 64, 20], 3, None, False)

    print(f"{'case':26} {'yat ms':>10} {'cuBLAS ms':>10} {'yat/cuBLAS':>11}")
    for name, yat_ms, base_ms, *_rest, error in rows:
        if yat_ms is None or base_ms is None:
            print(f"{name:26} failed: {error}")
            continue
        print(f"{name:26} {yat_ms:10.3f} {base_ms:10.3f} "
              f"{yat_ms / base_ms:10.2f}x")
    print("\ntargets")
    for name, yat_ms, base_ms, ratio, faster, yat_cmd, base_cmd, _ in rows:
        if ratio is None or yat_ms is None or base_ms is None:
            continue
        if faster:
            met = base_ms / yat_ms >= ratio
            goal = f">= {ratio}x faster than cuBLAS"
        else:
            met = yat_ms / base_ms <= ratio
            goal = f"<= {ratio}x cuBLAS's time"
        print(f"  [{'met' if met else 'MISSED'}] {name}: {goal}")
    print("\ncommands")
    for name, *_, yat_cmd, base_cmd, _ in rows:
        print(f"  {name}:\n    yat:    {yat_cmd}\n    cuBLAS: {base_cmd}")
    print("reproduce: python3 bench/gpu/run.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
