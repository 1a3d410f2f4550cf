#!/usr/bin/env python3
"""yat's CPU benchmarks: one command, one table, one JSON file.

    python3 bench/run.py [--quick] [--only GROUP...] [--json bench/results.json]

Every row is measured in this run and printed with the command that
reproduces it:

* yat.product (with bias): the fused path of yat-cpu-pipeline, the plain
  convert-yat-to-linalg reference path (--pipeline-options=fuse=false),
  OpenBLAS cblas_sgemm of the same shape (bench/blas_bench.cpp), and the
  unfused numpy formula the nmn package computes (bench/numpy_formula.py).
  Shapes: 1024^3, M=256 N=4096 K=1024, and the MLP of the 370M
  MatMul-free/GPT model (d=1024, hidden 2816 and 4096, up and down
  projections) at M = 1, 64 and 2048.
* yat.attention (B=1, H=16, D=64, causal, softmax): fused (flash-style)
  against the reference path, T = 512, 2048, 8192; a reference run that
  would need more memory than the machine has is skipped with the reason.
* yat.conv 3x3, stride 1, same padding, 64 -> 64 channels, 56x56, batch 8:
  fused and reference against a plain linalg.conv_2d_nhwc_hwcf of the same
  shape through yat-cpu-pipeline, and against OpenBLAS im2col + sgemm.
* stablehlo.dot_general as JAX exports `x @ w` and `x @ w.T` (f32,
  M=256 N=1024 K=1024) through yat-cpu-pipeline, against OpenBLAS sgemm of
  the same shape, and a batched `jnp.matmul` (8 x 256x512 @ 512x512)
  against one sgemm per batch element.
* yat.linear_recurrence [1, 4096, 2048] f32: the fused path (on all
  threads and on one) and the reference path, against numpy's
  `np.add(a, b, out=h)` over the same bytes (the memory traffic of the
  scan, bench/numpy_stream.py), the recurrence as numpy steps, and yat's
  own elementwise `a + b` (all threads).
* yat.ternary_matmul (activation_bits 8, constant ternary weights): the
  one-token GEMV 1x6912x2560 (x · Wᵀ, W 6912x2560) and the GEMM
  128x2048x2048, activation quantization included, on all threads and on
  one, against OpenBLAS cblas_sgemv / cblas_sgemm on the f32 weights with
  the same thread counts.
* softmax 256x4096 f32 as linalg generics: yat's row tiles vectorized by
  yat's generic vectorizer against the same tiles vectorized by upstream
  (tile_reduction_using_for, linalg::vectorize, the multi-reduction
  lowering; bench/upstream_rows.mlir), and a 2048x2048 linalg.transpose
  through yat's register-block transposes against upstream's 16x16 blocks
  with the `shuffle_16x16` transpose lowering (bench/upstream_transpose.mlir).
* linalg.matmul 1024^3 f32: yat-cpu-pipeline (yat's register-tile kernels)
  against upstream MLIR's own code generation of the same matmul (tiling,
  linalg::vectorize, the vector contraction lowering; the transform script
  bench/upstream_matmul.mlir), the comparison that justifies keeping the
  hand-written kernels.

yat runs as many threads as the machine has hardware threads; the OpenBLAS
and numpy baselines get the same number through OPENBLAS_NUM_THREADS, with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from their environment so
that OpenBLAS picks its own kernel (reported in the table). Each
measurement has a time limit; one that runs past it is reported as such.
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shlex
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
MODULES = BENCH / "modules"

PRODUCT_SHAPES = [
    # name, M, N, K
    ("square 1024", 1024, 1024, 1024),
    ("M=256 N=4096 K=1024", 256, 4096, 1024),
]
for _m in (1, 64, 2048):
    for _hidden in (2816, 4096):
        PRODUCT_SHAPES.append((f"MLP up 1024->{_hidden} M={_m}", _m, _hidden, 1024))
        PRODUCT_SHAPES.append((f"MLP down {_hidden}->1024 M={_m}", _m, 1024, _hidden))

# bf16 yat.product is timed against f32 (AVX-512 BF16 dot products where
# the host has them).
BF16_PRODUCTS = {"square 1024", "M=256 N=4096 K=1024", "MLP up 1024->4096 M=64"}
# yat.product with a dynamic batch dim is timed against the static one.
DYNAMIC_BATCH_PRODUCTS = {"square 1024", "M=256 N=4096 K=1024"}
QUICK_PRODUCTS = {"square 1024", "M=256 N=4096 K=1024", "MLP up 1024->2816 M=64",
                  "MLP down 2816->1024 M=64", "MLP up 1024->2816 M=1"}
ATTENTION_LENGTHS = [512, 2048, 8192]
QUICK_ATTENTION = {512, 2048}
CONV = dict(batch=8, height=56, width=56, channels=64, filters=64, window=3)
RECURRENCE = (1, 4096, 2048)
# yat.ternary_matmul shapes: name, M, N, K.
TERNARY_SHAPES = [("GEMV 1x6912x2560", 1, 6912, 2560),
                  ("GEMM 128x2048x2048", 128, 2048, 2048)]
GROUPS = ("product", "attention", "conv", "dot_general", "recurrence",
          "ternary", "codegen")


# ----------------------------------------------------------------- modules

def tensor(shape, element="f32"):
    return "tensor<" + "x".join(str(d) for d in shape) + f"x{element}>"


def product_module(m, n, k, dynamic_batch=False, element="f32"):
    rows = "?" if dynamic_batch else m
    xt, wt, bt, rt = (tensor((rows, k), element), tensor((n, k), element),
                      tensor((n,), element), tensor((rows, n), element))
    what = f"M={m} (dynamic)" if dynamic_batch else f"M={m}"
    return f"""// yat.product with bias, {what} N={n} K={k}, {element}.
func.func @main(%x: {xt}, %w: {wt}, %b: {bt}) -> {rt} {{
  %y = yat.product %x, %w, %b : ({xt}, {wt}, {bt}) -> {rt}
  return %y : {rt}
}}
"""


def ternary_module(m, n, k):
    """yat.ternary_matmul of an f32 x with a constant, seeded ternary weight
    in the SPEC's 2-bit packing and a per-tensor scale."""
    import numpy as np
    rng = np.random.default_rng(2026)
    codes = (rng.integers(-1, 2, (n, k)) & 3).reshape(n, k // 4, 4)
    packed = (codes[..., 0] | codes[..., 1] << 2 | codes[..., 2] << 4
              | codes[..., 3] << 6).astype(np.uint8)
    xt, pt, rt = tensor((m, k)), tensor((n, k // 4), "i8"), tensor((m, n))
    return f"""// yat.ternary_matmul, activation_bits 8, M={m} N={n} K={k}, constant weights.
func.func @main(%x: {xt}) -> {rt} {{
  %p = arith.constant dense<"0x{packed.tobytes().hex().upper()}"> : {pt}
  %s = arith.constant dense<0.02> : tensor<f32>
  %y = yat.ternary_matmul %x, %p, %s : ({xt}, {pt}, tensor<f32>) -> {rt}
  return %y : {rt}
}}
"""


def attention_module(t, heads=16, depth=64):
    qt = tensor((1, heads, t, depth))
    return f"""// Causal softmax yat.attention, B=1 H={heads} T={t} D={depth}.
func.func @main(%q: {qt}, %k: {qt}, %v: {qt}) -> {qt} {{
  %o = yat.attention %q, %k, %v {{causal}} : ({qt}, {qt}, {qt}) -> {qt}
  return %o : {qt}
}}
"""


def conv_shapes():
    c = CONV
    it = tensor((c["batch"], c["height"], c["width"], c["channels"]))
    ft = tensor((c["window"], c["window"], c["channels"], c["filters"]))
    ot = tensor((c["batch"], c["height"], c["width"], c["filters"]))
    return it, ft, ot


def yat_conv_module():
    it, ft, ot = conv_shapes()
    bt = tensor((CONV["filters"],))
    return f"""// yat.conv 3x3, stride 1, same padding, with bias.
func.func @main(%x: {it}, %f: {ft}, %b: {bt}) -> {ot} {{
  %y = yat.conv %x, %f, %b {{padding = array<i64: 1, 1, 1, 1>}} : ({it}, {ft}, {bt}) -> {ot}
  return %y : {ot}
}}
"""


def linalg_conv_module():
    it, ft, ot = conv_shapes()
    c = CONV
    pt = tensor((c["batch"], c["height"] + 2, c["width"] + 2, c["channels"]))
    return f"""// A plain convolution of the same shape: zero padding and
// linalg.conv_2d_nhwc_hwcf.
func.func @main(%x: {it}, %f: {ft}) -> {ot} {{
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {{
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  }} : {it} to {pt}
  %e = tensor.empty() : {ot}
  %init = linalg.fill ins(%zero : f32) outs(%e : {ot}) -> {ot}
  %y = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}}
      ins(%p, %f : {pt}, {ft}) outs(%init : {ot}) -> {ot}
  return %y : {ot}
}}
"""


DOT_GENERAL = dict(m=256, n=1024, k=1024)
BATCHED_DOT_GENERAL = dict(b=8, m=256, n=512, k=512)


def recurrence_module(b, t, d):
    at, st = tensor((b, t, d)), tensor((b, d))
    return f"""func.func @main(%a: {at}, %b: {at}) -> {at} {{
  %h, %last = yat.linear_recurrence %a, %b : ({at}, {at}) -> ({at}, {st})
  return %h : {at}
}}
"""


def add_module(b, t, d):
    at = tensor((b, t, d))
    return f"""func.func @main(%a: {at}, %b: {at}) -> {at} {{
  %h = arith.addf %a, %b : {at}
  return %h : {at}
}}
"""


def dot_general_module(m, n, k, transposed):
    """`x @ w` (w is K x N) or `x @ w.T` (w is N x K) as jax.jit exports it."""
    xt, rt = tensor((m, k)), tensor((m, n))
    wt = tensor((n, k) if transposed else (k, n))
    rhs_dim = 1 if transposed else 0
    return f"""// stablehlo.dot_general, M={m} N={n} K={k}{', w transposed' if transposed else ''}.
func.func @main(%x: {xt}, %w: {wt}) -> {rt} {{
  %y = stablehlo.dot_general %x, %w, contracting_dims = [1] x [{rhs_dim}] : ({xt}, {wt}) -> {rt}
  return %y : {rt}
}}
"""


def batched_dot_general_module(b, m, n, k):
    """`jnp.matmul(x, w)` of a batch, as jax.jit exports it."""
    xt, wt, rt = tensor((b, m, k)), tensor((b, k, n)), tensor((b, m, n))
    return f"""// stablehlo.dot_general, batch {b}, M={m} N={n} K={k}.
func.func @main(%x: {xt}, %w: {wt}) -> {rt} {{
  %y = stablehlo.dot_general %x, %w, batching_dims = [0] x [0], contracting_dims = [2] x [1] : ({xt}, {wt}) -> {rt}
  return %y : {rt}
}}
"""


def matmul_module(size):
    t = tensor((size, size))
    return f"""// linalg.matmul {size}^3 f32 with its zero fill.
func.func @main(%a: {t}, %b: {t}) -> {t} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {t}
  %c = linalg.fill ins(%zero : f32) outs(%empty : {t}) -> {t}
  %r = linalg.matmul ins(%a, %b : {t}, {t}) outs(%c : {t}) -> {t}
  return %r : {t}
}}
"""


def softmax_module(rows, cols):
    t, r = tensor((rows, cols)), tensor((rows,))
    parallel = '"parallel", "parallel"'
    return f"""// softmax over the rows of a {rows}x{cols} f32 matrix in linalg's
// generic steps: row maximum, exp(x - max), row sum, division.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
func.func @main(%x: {t}) -> {t} {{
  %lowest = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %rows = tensor.empty() : {r}
  %all = tensor.empty() : {t}
  %m0 = linalg.fill ins(%lowest : f32) outs(%rows : {r}) -> {r}
  %max = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}} ins(%x : {t}) outs(%m0 : {r}) {{
  ^bb0(%v: f32, %acc: f32):
    %m = arith.maximumf %acc, %v : f32
    linalg.yield %m : f32
  }} -> {r}
  %e = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = [{parallel}]}} ins(%x, %max : {t}, {r}) outs(%all : {t}) {{
  ^bb0(%v: f32, %m: f32, %o: f32):
    %d = arith.subf %v, %m : f32
    %x1 = math.exp %d : f32
    linalg.yield %x1 : f32
  }} -> {t}
  %s0 = linalg.fill ins(%zero : f32) outs(%rows : {r}) -> {r}
  %sum = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}} ins(%e : {t}) outs(%s0 : {r}) {{
  ^bb0(%v: f32, %acc: f32):
    %a = arith.addf %acc, %v : f32
    linalg.yield %a : f32
  }} -> {r}
  %p = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = [{parallel}]}} ins(%e, %sum : {t}, {r}) outs(%all : {t}) {{
  ^bb0(%v: f32, %s: f32, %o: f32):
    %q = arith.divf %v, %s : f32
    linalg.yield %q : f32
  }} -> {t}
  return %p : {t}
}}
"""


def transpose_module(size):
    t = tensor((size, size))
    return f"""// linalg.transpose of a {size}x{size} f32 matrix.
func.func @main(%a: {t}) -> {t} {{
  %empty = tensor.empty() : {t}
  %r = linalg.transpose ins(%a : {t}) outs(%empty : {t}) permutation = [1, 0]
  return %r : {t}
}}
"""


UPSTREAM_TRANSPOSE_PASSES = [
    ["--transform-preload-library=transform-library-paths=bench/upstream_transpose.mlir",
     "--transform-interpreter", "--canonicalize"],
    ["--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1",
     "--canonicalize"],
]


UPSTREAM_ROWS_PASSES = [
    ["--yat-cpu-select-lowering-config", "--yat-cpu-tile-and-fuse",
     "--canonicalize", "--cse",
     "--transform-preload-library=transform-library-paths=bench/upstream_rows.mlir",
     "--transform-interpreter", "--canonicalize"],
    ["--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1",
     "--canonicalize"],
]


UPSTREAM_MATMUL_PASSES = [
    ["--transform-preload-library=transform-library-paths=bench/upstream_matmul.mlir",
     "--transform-interpreter", "--canonicalize",
     "--loop-invariant-subset-hoisting", "--canonicalize"],
    ["--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1",
     "--canonicalize"],
]


def write_inputs(name, shapes):
    """Seeded float32 inputs of `shapes` as .npy files under bench/modules/
    (not committed: bench/.gitignore); returns their paths."""
    import numpy as np
    rng = np.random.default_rng(2026)
    MODULES.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, shape in enumerate(shapes):
        path = MODULES / f"{name}.arg{index}.npy"
        np.save(path, rng.uniform(-1, 1, shape).astype(np.float32))
        paths.append(os.path.relpath(path, ROOT))
    return paths


def write_module(name, text):
    MODULES.mkdir(parents=True, exist_ok=True)
    path = MODULES / f"{name}.mlir"
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


# ------------------------------------------------------------------ running

class Runner:
    def __init__(self, build, threads, time_limit):
        self.build = build
        self.threads = threads
        self.time_limit = time_limit
        self.yat_run = build / "bin" / "yat-run"
        self.yat_opt = build / "bin" / "yat-opt"
        self.blas_bench = build / "bench" / "blas_bench"
        self.baseline_env = dict(os.environ)
        for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
            self.baseline_env.pop(name, None)
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
            self.baseline_env[name] = str(threads)
        self.time_tool = shutil.which("time") or "/usr/bin/time"

    def build_blas_bench(self):
        source = BENCH / "blas_bench.cpp"
        self.blas_bench.parent.mkdir(parents=True, exist_ok=True)
        if (self.blas_bench.exists()
                and self.blas_bench.stat().st_mtime >= source.stat().st_mtime):
            return
        compiler = shutil.which("clang++-22") or shutil.which("c++") or "g++"
        include = "/usr/include/x86_64-linux-gnu/openblas-pthread"
        cmd = [compiler, "-O2", "-std=c++17", f"-I{include}", str(source),
               "-o", str(self.blas_bench), "-lopenblas"]
        subprocess.run(cmd, check=True)

    def measure(self, cmd, env=None, env_text=""):
        """Runs `cmd` under /usr/bin/time; returns a dict with median_ms,
        min_ms, maxrss_mb, extra output lines, the status and the command."""
        # The interpreter is shown by name: the command is for any machine.
        shown_cmd = ["python3" if c == sys.executable else str(c) for c in cmd]
        shown = (env_text + " " if env_text else "") + " ".join(
            shlex.quote(c) for c in shown_cmd)
        row = {"command": shown}
        full = [self.time_tool, "-f", "maxrss_kb=%M"] + [str(c) for c in cmd]
        try:
            proc = subprocess.run(full, capture_output=True, text=True,
                                  timeout=self.time_limit, env=env, cwd=ROOT)
        except subprocess.TimeoutExpired:
            row["status"] = f"timeout: over the {self.time_limit:.0f} s limit"
            return row
        output = proc.stdout + proc.stderr
        match = re.search(r"median_ms=([\d.]+) min_ms=([\d.]+)", output)
        rss = re.search(r"maxrss_kb=(\d+)", output)
        if rss:
            row["maxrss_mb"] = int(rss.group(1)) / 1024
        if proc.returncode != 0 or not match:
            last = output.strip().splitlines()[-1:] or ["no output"]
            row["status"] = f"failed ({proc.returncode}): {last[0][:200]}"
            return row
        row["median_ms"] = float(match.group(1))
        row["min_ms"] = float(match.group(2))
        row["status"] = "ok"
        notes = [line for line in output.splitlines()
                 if line.startswith(("openblas_core", "numpy_blas"))]
        if notes:
            row["notes"] = "; ".join(notes)
        return row

    def yat(self, module, iterations, reference=False, inputs=None,
            threads=None):
        """yat-run on random inputs, or on the .npy files `inputs` (needed
        where a dim is dynamic); `threads` sets the pipeline's workers."""
        cmd = [os.path.relpath(self.yat_run, ROOT), os.path.relpath(module, ROOT)]
        cmd += ([f"--input={path}" for path in inputs] if inputs
                else ["--random-inputs"])
        cmd.append(f"--benchmark={iterations}")
        if reference:
            cmd.append("--pipeline-options=fuse=false")
        elif threads:
            cmd.append(f"--pipeline-options=threads={threads}")
        return self.measure(cmd)

    def yat_after_opt(self, module, pass_lists, output, iterations):
        """yat-run on `module` after yat-opt runs each of `pass_lists` in
        turn (piped); the row's command does every step."""
        yat_opt = os.path.relpath(self.yat_opt, ROOT)
        steps = [[yat_opt, os.path.relpath(module, ROOT)] + pass_lists[0]]
        steps += [[yat_opt] + passes for passes in pass_lists[1:]]
        text = None
        for step in steps:
            proc = subprocess.run(step, input=text, capture_output=True, text=True,
                                  cwd=ROOT)
            if proc.returncode != 0:
                return {"status": f"failed: {proc.stderr.strip()[:200]}",
                        "command": " | ".join(shlex.join(s) for s in steps)}
            text = proc.stdout
        output.write_text(text)
        row = self.yat(output, iterations)
        row["command"] = (" | ".join(shlex.join(s) for s in steps)
                          + f" > {os.path.relpath(output, ROOT)} && "
                          + row["command"])
        return row

    def sgemm(self, m, n, k, iterations, threads=None):
        return self.blas(["sgemm", m, n, k, iterations], threads)

    def sgemv(self, n, k, iterations, threads=None):
        return self.blas(["sgemv", n, k, iterations], threads)

    def blas(self, args, threads=None):
        """blas_bench with `args`, on `threads` OpenBLAS threads (the
        suite's count by default)."""
        cmd = [os.path.relpath(self.blas_bench, ROOT)] + args
        env = dict(self.baseline_env)
        if threads:
            for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
                env[name] = str(threads)
        return self.measure(cmd, env, self.baseline_env_text(threads))

    def sgemm_batched(self, b, m, n, k, iterations):
        cmd = [os.path.relpath(self.blas_bench, ROOT), "sgemm_batched", b, m,
               n, k, iterations]
        return self.measure(cmd, self.baseline_env, self.baseline_env_text())

    def im2col_conv(self, iterations):
        c = CONV
        cmd = [os.path.relpath(self.blas_bench, ROOT), "conv", c["batch"],
               c["height"], c["width"], c["channels"], c["filters"],
               c["window"], c["window"], iterations]
        return self.measure(cmd, self.baseline_env, self.baseline_env_text())

    def numpy(self, m, n, k, iterations):
        cmd = [sys.executable, "bench/numpy_formula.py", m, n, k, iterations]
        return self.measure(cmd, self.baseline_env, self.baseline_env_text())

    def numpy_stream(self, kernel, shape, iterations):
        cmd = [sys.executable, "bench/numpy_stream.py", kernel] + [
            str(n) for n in shape] + [iterations]
        return self.measure(cmd, self.baseline_env, self.baseline_env_text())

    def baseline_env_text(self, threads=None):
        return (f"env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "
                f"OPENBLAS_NUM_THREADS={threads or self.threads}")


def iterations_for(seconds_per_call, budget=2.0, low=10, high=300):
    """Calls that fit in `budget` seconds, within [low, high]. Fast calls
    get many iterations: the first few dozen calls of a process run slower
    (thread pool wake-ups, allocator warm-up), and a layer in a model is
    called again and again."""
    if seconds_per_call <= 0:
        return high
    return max(low, min(high, int(budget / seconds_per_call)))


# ---------------------------------------------------------------- the suite

def run_suite(runner, quick, only=()):
    rows = []

    def wants(group):
        return not only or group in only

    def add(group, name, variant, result, **extra):
        result = dict(result)
        result.update(group=group, name=name, variant=variant, **extra)
        rows.append(result)
        shown = (f"{result['median_ms']:10.3f}" if "median_ms" in result
                 else f"{'-':>10}")
        print(f"  {name:28} {variant:34} {shown} ms  {result['status']}",
              flush=True)
        return result

    if wants("product"):
        print("yat.product (with bias)")
        for name, m, n, k in PRODUCT_SHAPES:
            if quick and name not in QUICK_PRODUCTS:
                continue
            flops = 2.0 * m * n * k
            module = write_module(f"product_{m}x{n}x{k}", product_module(m, n, k))
            shape = {"M": m, "N": n, "K": k}
            add("product", name, "yat fused",
                runner.yat(module, iterations_for(flops / 50e9)), shape=shape)
            add("product", name, "yat reference (fuse=false)",
                runner.yat(module, iterations_for(flops / 1e9, budget=8, low=1, high=5),
                           reference=True), shape=shape)
            add("product", name, "OpenBLAS sgemm (matmul only)",
                runner.sgemm(m, n, k, iterations_for(flops / 50e9)), shape=shape)
            add("product", name, "numpy unfused formula (nmn)",
                runner.numpy(m, n, k, iterations_for(flops / 30e9)), shape=shape)
            if name in BF16_PRODUCTS:
                bf16 = write_module(f"product_bf16_{m}x{n}x{k}",
                                    product_module(m, n, k, element="bf16"))
                add("product", name, "yat fused, bf16",
                    runner.yat(bf16, iterations_for(flops / 50e9)), shape=shape)
            if name in DYNAMIC_BATCH_PRODUCTS:
                # The same product with M known only at run time, against the
                # static one on the same inputs.
                inputs = write_inputs(f"product_{m}x{n}x{k}",
                                      [(m, k), (n, k), (n,)])
                static = write_module(f"product_{m}x{n}x{k}", product_module(m, n, k))
                dynamic = write_module(f"product_dynamic_{m}x{n}x{k}",
                                       product_module(m, n, k, dynamic_batch=True))
                add("product", name, "yat fused, static batch (.npy inputs)",
                    runner.yat(static, iterations_for(flops / 50e9), inputs=inputs),
                    shape=shape)
                add("product", name, "yat fused, dynamic batch (.npy inputs)",
                    runner.yat(dynamic, iterations_for(flops / 50e9), inputs=inputs),
                    shape=shape)

    if wants("attention"):
        print("yat.attention (B=1, H=16, D=64, causal)")
        memory = available_memory_bytes()
        for t in ATTENTION_LENGTHS:
            if quick and t not in QUICK_ATTENTION:
                continue
            module = write_module(f"attention_{t}", attention_module(t))
            name = f"T={t}"
            shape = {"B": 1, "H": 16, "T": t, "D": 64}
            flops = 2 * 2 * 16 * t * t * 64 / 2
            add("attention", name, "yat fused (flash-style)",
                runner.yat(module, iterations_for(flops / 20e9)), shape=shape)
            # The reference materializes several 16 x T x T f32 score tensors.
            scores = 16 * t * t * 4
            if 6 * scores > memory:
                rows.append(dict(
                    group="attention", name=name, variant="yat reference (fuse=false)",
                    shape=shape,
                    status=(f"skipped: the reference lowering materializes "
                            f"16 x {t} x {t} f32 score tensors ({scores / 2**30:.1f} GiB "
                            f"each, about 6 live), more than the "
                            f"{memory / 2**30:.1f} GiB available"),
                    command=" ".join([os.path.relpath(runner.yat_run, ROOT),
                                      os.path.relpath(module, ROOT), "--random-inputs",
                                      "--benchmark=1", "--pipeline-options=fuse=false"])))
                print(f"  {name:28} {'yat reference (fuse=false)':34} {'-':>10} ms  "
                      f"{rows[-1]['status']}")
                continue
            add("attention", name, "yat reference (fuse=false)",
                runner.yat(module, iterations_for(flops / 0.5e9, budget=8, low=1, high=3),
                           reference=True), shape=shape)

    if wants("conv"):
        print("yat.conv 3x3 64->64, 56x56, batch 8")
        c = CONV
        conv_flops = (2.0 * c["batch"] * c["height"] * c["width"] * c["filters"]
                      * c["window"] ** 2 * c["channels"])
        shape = dict(c)
        yat_conv = write_module("conv_yat", yat_conv_module())
        plain_conv = write_module("conv_linalg", linalg_conv_module())
        add("conv", "3x3 64->64 56x56 N=8", "yat fused",
            runner.yat(yat_conv, iterations_for(conv_flops / 50e9)), shape=shape)
        add("conv", "3x3 64->64 56x56 N=8", "yat reference (fuse=false)",
            runner.yat(yat_conv, iterations_for(conv_flops / 1e9, budget=8, low=1, high=3),
                       reference=True), shape=shape)
        add("conv", "3x3 64->64 56x56 N=8", "plain linalg conv (yat-cpu-pipeline)",
            runner.yat(plain_conv, iterations_for(conv_flops / 20e9)), shape=shape)
        add("conv", "3x3 64->64 56x56 N=8", "OpenBLAS im2col+sgemm (plain conv)",
            runner.im2col_conv(iterations_for(conv_flops / 50e9)), shape=shape)

    if wants("dot_general"):
        print("stablehlo.dot_general (f32, as JAX exports x @ w)")
        d = DOT_GENERAL
        flops = 2.0 * d["m"] * d["n"] * d["k"]
        shape = {"M": d["m"], "N": d["n"], "K": d["k"]}
        for transposed in (False, True):
            name = "x @ w.T" if transposed else "x @ w"
            module = write_module(f"dot_general_{'nt' if transposed else 'nn'}",
                                  dot_general_module(d["m"], d["n"], d["k"],
                                                     transposed))
            add("dot_general", name, "yat (yat-cpu-pipeline)",
                runner.yat(module, iterations_for(flops / 50e9)), shape=shape)
        add("dot_general", "sgemm", "OpenBLAS sgemm",
            runner.sgemm(d["m"], d["n"], d["k"], iterations_for(flops / 50e9)),
            shape=shape)
        d = BATCHED_DOT_GENERAL
        flops = 2.0 * d["b"] * d["m"] * d["n"] * d["k"]
        shape = {"B": d["b"], "M": d["m"], "N": d["n"], "K": d["k"]}
        module = write_module("dot_general_batched",
                              batched_dot_general_module(d["b"], d["m"], d["n"],
                                                         d["k"]))
        add("dot_general", "batched", "yat (yat-cpu-pipeline)",
            runner.yat(module, iterations_for(flops / 50e9)), shape=shape)
        add("dot_general", "batched", "OpenBLAS sgemm per batch",
            runner.sgemm_batched(d["b"], d["m"], d["n"], d["k"],
                                 iterations_for(flops / 50e9)), shape=shape)

    if wants("recurrence"):
        print("yat.linear_recurrence [1, 4096, 2048] f32")
        b, t, d = RECURRENCE
        shape = {"B": b, "T": t, "D": d}
        name = "[1, 4096, 2048] f32"
        # a and b read, h written.
        traffic = 3 * 4 * b * t * d
        recurrence = write_module("recurrence", recurrence_module(b, t, d))
        add("recurrence", name, "yat fused",
            runner.yat(recurrence, iterations_for(traffic / 10e9)), shape=shape)
        add("recurrence", name, "yat fused, 1 thread",
            runner.yat(recurrence, iterations_for(traffic / 5e9), threads=1),
            shape=shape)
        add("recurrence", name, "yat reference (fuse=false)",
            runner.yat(recurrence, iterations_for(traffic / 2e9), reference=True),
            shape=shape)
        add("recurrence", name, "numpy a + b -> h (same bytes)",
            runner.numpy_stream("add", RECURRENCE, iterations_for(traffic / 10e9)),
            shape=shape)
        add("recurrence", name, "numpy scan (one step at a time)",
            runner.numpy_stream("scan", RECURRENCE,
                                iterations_for(traffic / 1e9, low=3)),
            shape=shape)
        add("recurrence", name, "yat elementwise a + b (same bytes)",
            runner.yat(write_module("recurrence_add", add_module(b, t, d)),
                       iterations_for(traffic / 10e9)), shape=shape)

    if wants("ternary"):
        print("yat.ternary_matmul (int8 activations, 2-bit weights)")
        for name, m, n, k in TERNARY_SHAPES:
            shape = {"M": m, "N": n, "K": k}
            module = write_module(f"ternary_{m}x{n}x{k}", ternary_module(m, n, k))
            flops = 2.0 * m * n * k
            for threads in sorted({runner.threads, 1}, reverse=True):
                suffix = "" if threads == runner.threads else ", 1 thread"
                add("ternary", name, f"yat{suffix}",
                    runner.yat(module, iterations_for(flops / 200e9, high=1000),
                               threads=threads), shape=shape, threads=threads)
                if m == 1:
                    baseline = runner.sgemv(n, k, iterations_for(
                        4.0 * n * k / 10e9, high=1000), threads=threads)
                    variant = "OpenBLAS sgemv"
                else:
                    baseline = runner.sgemm(m, n, k, iterations_for(flops / 50e9),
                                            threads=threads)
                    variant = "OpenBLAS sgemm"
                add("ternary", name, variant + suffix, baseline, shape=shape,
                    threads=threads)

    if wants("codegen"):
        print("linalg.matmul 1024^3 f32: yat's kernels against upstream codegen")
        flops = 2.0 * 1024**3
        shape = {"M": 1024, "N": 1024, "K": 1024}
        module = write_module("matmul_1024", matmul_module(1024))
        # The two are close: three interleaved rounds, the best median of each,
        # so that a noisy moment on a shared machine does not decide.
        iterations = iterations_for(flops / 50e9)
        rounds = [(runner.yat(module, iterations),
                          runner.yat_after_opt(module, UPSTREAM_MATMUL_PASSES,
                                        MODULES / "matmul_1024_upstream.mlir",
                                        iterations)) for _ in range(3)]
        for index, variant in enumerate(("yat (yat-cpu-pipeline kernels)",
                                         "upstream tiling + linalg::vectorize")):
            measured = [r[index] for r in rounds if "median_ms" in r[index]]
            best = (min(measured, key=lambda r: r["median_ms"]) if measured
                    else rounds[0][index])
            if measured:
                best = dict(best, notes="best median of 3 interleaved rounds: " +
                            ", ".join(f"{r['median_ms']:.2f}" for r in measured) + " ms")
            add("codegen", "matmul 1024", variant, best, shape=shape)

        # The same comparison for the generic vectorizer (yat's row tiles of
        # a softmax, vectorized by yat or by upstream) and the transposes.
        for name, module_name, text, passes, bytes_moved in (
                ("softmax 256x4096", "softmax_256x4096",
                 softmax_module(256, 4096), UPSTREAM_ROWS_PASSES,
                 256 * 4096 * 4 * 4),
                ("transpose 2048", "transpose_2048", transpose_module(2048),
                 UPSTREAM_TRANSPOSE_PASSES, 2048 * 2048 * 4 * 2)):
            module = write_module(module_name, text)
            iterations = iterations_for(bytes_moved / 5e9)
            rounds = [(runner.yat(module, iterations),
                       runner.yat_after_opt(module, passes,
                                            MODULES / f"{module_name}_upstream.mlir",
                                            iterations)) for _ in range(3)]
            for index, variant in enumerate(("yat (yat-cpu-pipeline kernels)",
                                             "upstream linalg::vectorize")):
                measured = [r[index] for r in rounds if "median_ms" in r[index]]
                best = (min(measured, key=lambda r: r["median_ms"]) if measured
                        else rounds[0][index])
                if measured:
                    best = dict(best, notes="best median of 3 interleaved rounds: " +
                                ", ".join(f"{r['median_ms']:.3f}" for r in measured) + " ms")
                add("codegen", name, variant, best)
    return rows


def available_memory_bytes():
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 * 2**30


# ------------------------------------------------------------------ targets

def find(rows, group, name, variant):
    for row in rows:
        if (row["group"], row["name"], row["variant"]) == (group, name, variant):
            return row if "median_ms" in row else None
    return None


def check_targets(rows, machine):
    """The performance targets, each with the measured ratio."""
    targets = []

    def ratio(a, b):
        return a["median_ms"] / b["median_ms"]

    def at_most_sgemm(target, row, blas, limit):
        """A target `row` <= `limit` x the sgemm row's time."""
        if row and blas:
            r = ratio(row, blas)
            targets.append(dict(
                target=f"{target} <= {limit}x OpenBLAS sgemm time",
                value=f"{r:.2f}x sgemm", met=r <= limit,
                miss=None if r <= limit else
                f"{r / limit:.2f}x over the target"))

    for name in ("square 1024", "M=256 N=4096 K=1024"):
        at_most_sgemm(f"product {name}: fused",
                      find(rows, "product", name, "yat fused"),
                      find(rows, "product", name, "OpenBLAS sgemm (matmul only)"),
                      1.5)
    has_bf16_dot = "avx512_bf16" in machine.get("isa", "").split()
    for name in sorted(BF16_PRODUCTS):
        bf16 = find(rows, "product", name, "yat fused, bf16")
        f32 = find(rows, "product", name, "yat fused")
        if bf16 and f32:
            r = ratio(bf16, f32)
            if not has_bf16_dot:
                targets.append(dict(
                    target=f"product {name}: bf16 <= 0.8x the f32 time "
                           "(AVX-512 BF16)",
                    value=f"{r:.2f}x f32", met=None,
                    miss="the host has no AVX-512 BF16"))
                continue
            targets.append(dict(
                target=f"product {name}: bf16 <= 0.8x the f32 time (AVX-512 BF16)",
                value=f"{r:.2f}x f32", met=r <= 0.8,
                miss=None if r <= 0.8 else f"{r / 0.8:.2f}x over the target"))
    for name in sorted(DYNAMIC_BATCH_PRODUCTS):
        dynamic = find(rows, "product", name, "yat fused, dynamic batch (.npy inputs)")
        static = find(rows, "product", name, "yat fused, static batch (.npy inputs)")
        if dynamic and static:
            r = ratio(dynamic, static)
            targets.append(dict(
                target=f"product {name}: dynamic batch <= 1.3x the static time",
                value=f"{r:.2f}x static", met=r <= 1.3,
                miss=None if r <= 1.3 else f"{r / 1.3:.2f}x over the target"))
    for row in rows:
        if row["group"] != "product" or not row["name"].endswith("M=64"):
            continue
        if row["variant"] != "yat fused" or "median_ms" not in row:
            continue
        numpy_row = find(rows, "product", row["name"], "numpy unfused formula (nmn)")
        if numpy_row:
            speedup = ratio(numpy_row, row)
            targets.append(dict(
                target=f"product {row['name']}: fused >= 2x faster than numpy",
                value=f"{speedup:.2f}x faster", met=speedup >= 2.0,
                miss=None if speedup >= 2.0 else
                f"{2.0 / speedup:.2f}x short of the target"))
    for name in ("x @ w", "x @ w.T"):
        at_most_sgemm(f"dot_general {name}:",
                      find(rows, "dot_general", name, "yat (yat-cpu-pipeline)"),
                      find(rows, "dot_general", "sgemm", "OpenBLAS sgemm"), 1.1)
    at_most_sgemm("dot_general batched:",
                  find(rows, "dot_general", "batched", "yat (yat-cpu-pipeline)"),
                  find(rows, "dot_general", "batched", "OpenBLAS sgemm per batch"),
                  1.1)
    fused = find(rows, "attention", "T=2048", "yat fused (flash-style)")
    matmuls = [row for row in (
        find(rows, "product", "square 1024", "yat fused"),
        find(rows, "product", "square 1024", "OpenBLAS sgemm (matmul only)"))
        if row and "median_ms" in row]
    if fused and "median_ms" in fused and matmuls:
        # Causal: half of the 2 x 2 x H x T^2 x D score and value flops.
        attention_rate = 2 * 2 * 16 * 2048 ** 2 * 64 / 2 / fused["median_ms"]
        matmul_rate = max(2 * 1024 ** 3 / row["median_ms"] for row in matmuls)
        fraction = attention_rate / matmul_rate
        targets.append(dict(
            target="attention T=2048: fused >= 60% of the matmul rate "
                   "(square 1024, the faster of yat and sgemm)",
            value=f"{100 * fraction:.0f}% ({attention_rate / 1e6:.0f} vs "
                  f"{matmul_rate / 1e6:.0f} GFLOP/s)",
            met=fraction >= 0.6,
            miss=None if fraction >= 0.6 else
            f"{0.6 / fraction:.2f}x short of the target"))
    name = "[1, 4096, 2048] f32"
    numpy_add = find(rows, "recurrence", name, "numpy a + b -> h (same bytes)")
    for variant in ("yat fused", "yat fused, 1 thread"):
        row = find(rows, "recurrence", name, variant)
        if row and numpy_add:
            # Bandwidth over the same bytes: the inverse time ratio.
            fraction = ratio(numpy_add, row)
            targets.append(dict(
                target=f"recurrence {name}: {variant} >= 0.8 of the "
                       "bandwidth of numpy a + b -> h",
                value=f"{fraction:.2f} of numpy's bandwidth",
                met=fraction >= 0.8,
                miss=None if fraction >= 0.8 else
                f"{0.8 / fraction:.2f}x short of the target"))
    for name, baseline, factor in (("GEMV 1x6912x2560", "OpenBLAS sgemv", 12),
                                   ("GEMM 128x2048x2048", "OpenBLAS sgemm", 3)):
        for suffix in ("", ", 1 thread"):
            row = find(rows, "ternary", name, "yat" + suffix)
            blas = find(rows, "ternary", name, baseline + suffix)
            if row and blas:
                speedup = ratio(blas, row)
                threads = row.get("threads", "?")
                targets.append(dict(
                    target=f"ternary {name}, {threads} thread(s): yat >= "
                           f"{factor}x faster than {baseline} (same threads)",
                    value=f"{speedup:.1f}x faster", met=speedup >= factor,
                    miss=None if speedup >= factor else
                    f"{factor / speedup:.2f}x short of the target"))
    yat_kernels = find(rows, "codegen", "matmul 1024", "yat (yat-cpu-pipeline kernels)")
    upstream = find(rows, "codegen", "matmul 1024", "upstream tiling + linalg::vectorize")
    if yat_kernels and upstream:
        r = ratio(upstream, yat_kernels)
        targets.append(dict(
            target="matmul 1024: yat's kernels faster than upstream's "
                   "vectorized code (else they go)",
            value=f"upstream takes {r:.2f}x yat's time", met=r > 1.0,
            miss=None if r > 1.0 else "upstream is as fast: drop the kernels"))
    for name, kernel in (("softmax 256x4096", "generic vectorizer"),
                         ("transpose 2048", "register-block transposes")):
        yat_row = find(rows, "codegen", name, "yat (yat-cpu-pipeline kernels)")
        upstream_row = find(rows, "codegen", name, "upstream linalg::vectorize")
        if yat_row and upstream_row:
            r = ratio(upstream_row, yat_row)
            targets.append(dict(
                target=f"{name}: yat's {kernel} faster than upstream's "
                       "linalg::vectorize (else they go)",
                value=f"upstream takes {r:.2f}x yat's time", met=r > 1.0,
                miss=None if r > 1.0 else f"upstream is as fast: drop the {kernel}"))
    reference = find(rows, "attention", "T=2048", "yat reference (fuse=false)")
    if fused and reference:
        speedup = ratio(reference, fused)
        targets.append(dict(
            target="attention T=2048: fused faster than unfused",
            value=f"{speedup:.1f}x faster", met=speedup > 1.0,
            miss=None if speedup > 1.0 else "slower"))
    memory = [row for row in rows if row["group"] == "attention"
              and row["variant"].startswith("yat fused") and "maxrss_mb" in row]
    if len(memory) >= 2:
        text = ", ".join(f"{row['name']}: {row['maxrss_mb']:.0f} MB" for row in memory)
        targets.append(dict(
            target="attention: fused memory linear in T (no Tq x Tk buffer)",
            value=f"peak RSS of yat-run (incl. compiler) {text}",
            met=None, miss=None))
    return targets


# ---------------------------------------------------------------- reporting

def machine_info():
    info = {"platform": platform.platform(), "python": platform.python_version()}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for key in ("Model name", "CPU(s)", "Thread(s) per core", "L2 cache",
                    "L3 cache"):
            match = re.search(rf"^{re.escape(key)}:\s*(.*)$", lscpu, re.M)
            if match:
                info[key] = match.group(1).strip()
        flags = re.search(r"^Flags:\s*(.*)$", lscpu, re.M)
        if flags:
            wanted = ("avx2", "fma", "avx512f", "avx512bw", "avx512vl",
                      "avx512_vnni", "avx512_bf16", "f16c")
            info["isa"] = " ".join(f for f in wanted if f in flags.group(1).split())
    except OSError:
        pass
    try:
        info["loadavg_at_start"] = os.getloadavg()
    except OSError:
        pass
    return info


def print_table(rows):
    print()
    header = f"{'benchmark':44} {'variant':36} {'median ms':>10} {'min ms':>10}  status"
    print(header)
    print("-" * len(header))
    for row in rows:
        median = f"{row['median_ms']:10.3f}" if "median_ms" in row else f"{'-':>10}"
        low = f"{row['min_ms']:10.3f}" if "min_ms" in row else f"{'-':>10}"
        print(f"{row['group'] + ' ' + row['name']:44} {row['variant']:36} "
              f"{median} {low}  {row['status']}")
        print(f"{'':44}   $ {row['command']}")
        if row.get("notes"):
            print(f"{'':44}   {row['notes']}")


def markdown_table(rows, targets, info, command):
    """The results as a Markdown section (for docs/PERFORMANCE.md)."""
    lines = [f"Machine: {info.get('Model name', '?')}, {info.get('CPU(s)', '?')} "
             f"CPUs, L2 {info.get('L2 cache', '?')}, L3 {info.get('L3 cache', '?')}, "
             f"ISA: {info.get('isa', '?')}. Command: `{command}`.", "",
             "| benchmark | variant | median ms | min ms | time / yat fused |",
             "|---|---|---:|---:|---:|"]
    first = {}
    for row in rows:
        key = (row["group"], row["name"])
        median = row.get("median_ms")
        if key not in first and median:
            first[key] = median
        relative = (f"{median / first[key]:.2f}x" if median and key in first
                    else "")
        cells = [f"{row['group']} {row['name']}", row["variant"],
                 f"{median:.3f}" if median else "—",
                 f"{row['min_ms']:.3f}" if "min_ms" in row else "—", relative]
        if row["status"] != "ok":
            cells[4] = row["status"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target in targets:
        met = {True: "yes", False: "no", None: "—"}[target["met"]]
        value = target["value"] + (f" ({target['miss']})" if target["miss"] else "")
        lines.append(f"| {target['target']} | {value} | {met} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a subset: 1024^3, 256x4096x1024, the M=64 and "
                             "M=1 MLP up projection, attention T=512/2048, conv")
    parser.add_argument("--only", nargs="+", default=(), metavar="GROUP",
                        choices=GROUPS,
                        help="run only these groups: %(choices)s")
    parser.add_argument("--json", type=pathlib.Path,
                        default=BENCH / "results.json",
                        help="where to write the results (default: %(default)s)")
    parser.add_argument("--markdown", type=pathlib.Path,
                        help="also write the table and targets as Markdown")
    parser.add_argument("--build-dir", type=pathlib.Path,
                        default=pathlib.Path(os.environ.get("YAT_BUILD_DIR",
                                                            ROOT / "build")),
                        help="the yat build with bin/yat-run (default: "
                             "$YAT_BUILD_DIR or build/)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="OpenBLAS/numpy threads, yat's count by default "
                             "(%(default)s)")
    parser.add_argument("--time-limit", type=float, default=300.0,
                        help="seconds allowed per measurement (default: "
                             "%(default)s)")
    args = parser.parse_args()

    runner = Runner(args.build_dir.resolve(), args.threads, args.time_limit)
    if not runner.yat_run.exists():
        print(f"error: {runner.yat_run} not found; build yat first "
              f"(bash scripts/build.sh)", file=sys.stderr)
        return 2
    runner.build_blas_bench()

    started = datetime.datetime.now(datetime.timezone.utc)
    info = machine_info()
    print(f"machine: {info.get('Model name', '?')}, {info.get('CPU(s)', '?')} "
          f"CPUs, {info.get('isa', '')}; threads: {args.threads}")
    rows = run_suite(runner, args.quick, args.only)
    print_table(rows)
    targets = check_targets(rows, info)
    print("\ntargets")
    for target in targets:
        verdict = {True: "MET ", False: "MISS", None: "INFO"}[target["met"]]
        miss = f" ({target['miss']})" if target["miss"] else ""
        print(f"  [{verdict}] {target['target']}: {target['value']}{miss}")

    result = {
        "started": started.isoformat(timespec="seconds"),
        "command": " ".join(shlex.quote(a) for a in sys.argv),
        "quick": args.quick,
        "threads": args.threads,
        "machine": info,
        "rows": rows,
        "targets": targets,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {args.json}")
    if args.markdown:
        args.markdown.write_text(
            markdown_table(rows, targets, info, result["command"]))
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
