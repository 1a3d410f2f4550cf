#!/usr/bin/env python3
"""yat against XLA: ordinary layers and the model zoo, exported from JAX.

Each case is a JAX function. Its StableHLO module is what
`jax.jit(f).lower(*args).as_text()` prints, written to bench/modules/; yat
runs that module with `yat-run --benchmark` and XLA runs `jax.jit(f)` on the
CPU, one after the other in the same run, on the same inputs and threads.
The table gives both times and their ratio (yat / XLA: below 1 is faster
than XLA) with the command that reproduces each number.

    python3 bench/xla.py                   # layers and zoo
    python3 bench/xla.py --only mlp        # one case
    python3 bench/xla.py --time-jax mlp 50 # XLA's time for one case
"""

import argparse
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODULES = ROOT / "bench" / "modules"
ZOO = ROOT / "examples" / "zoo"


# ------------------------------------------------------------------ layers

def layers():
    """name -> (description, function, inputs) of the ordinary layers."""
    import jax
    import jax.numpy as jnp

    rng = np.random.default_rng(2026)

    def normal(*shape, scale=1.0):
        return (scale * rng.standard_normal(shape)).astype(np.float32)

    def matmul(x, w):
        return x @ w

    def mlp(x, w1, b1, w2, b2):
        return jax.nn.gelu(x @ w1 + b1) @ w2 + b2

    def layernorm(x, scale, shift):
        mean = jnp.mean(x, axis=-1, keepdims=True)
        var = jnp.mean(jnp.square(x - mean), axis=-1, keepdims=True)
        return (x - mean) * jax.lax.rsqrt(var + 1e-5) * scale + shift

    def softmax(x):
        return jax.nn.softmax(x, axis=-1)

    def causal_attention(q, k, v):
        scores = jnp.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(q.shape[-1])
        t = q.shape[1]
        mask = jnp.tril(jnp.ones((t, t), dtype=bool))
        scores = jnp.where(mask, scores, -jnp.inf)
        return jnp.einsum("bhqk,bkhd->bqhd", jax.nn.softmax(scores, axis=-1),
                          v)

    def conv_bias_relu(x, w, b):
        y = jax.lax.conv_general_dilated(
            x, w, window_strides=(1, 1), padding="SAME",
            dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return jax.nn.relu(y + b)

    def grouped_conv(x, w):
        return jax.lax.conv_general_dilated(
            x, w, window_strides=(1, 1), padding="SAME",
            dimension_numbers=("NHWC", "HWIO", "NHWC"),
            feature_group_count=32)

    def depthwise_conv(x, w):
        return jax.lax.conv_general_dilated(
            x, w, window_strides=(1, 1), padding="SAME",
            dimension_numbers=("NHWC", "HWIO", "NHWC"),
            feature_group_count=x.shape[-1])

    def embedding(table, tokens):
        return jnp.take(table, tokens, axis=0, mode="clip")

    def max_pool(x):
        return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 3, 3, 1),
                                     (1, 2, 2, 1), "SAME")

    return {
        "matmul": ("x @ w, 256x1024 @ 1024x4096", matmul,
                   [normal(256, 1024), normal(1024, 4096, scale=0.03)]),
        "mlp": ("gelu(x @ w1 + b1) @ w2 + b2, 256x1024 -> 4096 -> 1024", mlp,
                [normal(256, 1024), normal(1024, 4096, scale=0.03),
                 normal(4096), normal(4096, 1024, scale=0.015), normal(1024)]),
        "layernorm": ("layernorm 512x1024", layernorm,
                      [normal(512, 1024), normal(1024), normal(1024)]),
        "softmax": ("softmax 256x4096", softmax, [normal(256, 4096)]),
        "attention": ("causal softmax attention, T=256, 8 heads x 64",
                      causal_attention,
                      [normal(1, 256, 8, 64), normal(1, 256, 8, 64),
                       normal(1, 256, 8, 64)]),
        "conv": ("conv 3x3 32->32 + bias + relu, 8x32x32 NHWC",
                 conv_bias_relu,
                 [normal(8, 32, 32, 32), normal(3, 3, 32, 32, scale=0.1),
                  normal(32)]),
        "grouped_conv": ("grouped conv 3x3 128->128, 32 groups, 8x28x28 NHWC",
                         grouped_conv,
                         [normal(8, 28, 28, 128),
                          normal(3, 3, 4, 128, scale=0.2)]),
        "depthwise_conv": ("depthwise conv 3x3, 4x56x56x64 NHWC",
                           depthwise_conv,
                           [normal(4, 56, 56, 64),
                            normal(3, 3, 1, 64, scale=0.3)]),
        "embedding": ("embedding gather, 32000x512 table, 8x128 tokens",
                      embedding,
                      [normal(32000, 512),
                       rng.integers(0, 32000, (8, 128)).astype(np.int32)]),
        "max_pool": ("max pooling 3x3 / 2, SAME, 8x56x56x64 NHWC", max_pool,
                     [normal(8, 56, 56, 64)]),
    }


def shorten(text, width):
    """`text` cut at a word boundary to fit `width` characters, with an
    ellipsis when cut (the terminal table; the Markdown and JSON keep it
    whole)."""
    if len(text) <= width:
        return text
    return text[:width - 3].rsplit(" ", 1)[0].rstrip(",;(") + "..."


def zoo_models():
    """name -> (description, function, inputs) of the model zoo."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import export_model_zoo
    models = {}
    for model in export_model_zoo.build_models():
        models[model.name] = (model.description.split(":")[0], model.fn,
                              model.args)
    return models


# The zoo's MatMul-free LM (scripts/export_model_zoo.py's HGRNBit) at half
# the widths of the 370M model of arXiv 2406.02528 (d 1024, GLU 2816), 2
# blocks, with the zoo's 32-token vocabulary.
LM_CONFIG = dict(vocab=32, dim=512, hidden=1408, layers=2)
LM_PREFILL_TOKENS = 128


def language_models():
    """name -> (description, function, inputs) of the MatMul-free LM as a
    prefill and as one decoding step, weights closed over (constants in the
    export, as in the zoo)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import export_model_zoo as zoo
    from flax import nnx
    c = LM_CONFIG
    lm = zoo.HGRNBit(vocab=c["vocab"], dim=c["dim"], hidden=c["hidden"],
                     layers=c["layers"], recurrence=zoo.recurrence_scan,
                     rngs=nnx.Rngs(3))
    rng = np.random.default_rng(2406)

    def hgrn_prefill(tokens):
        return lm(tokens)

    def hgrn_decode(tokens, states):
        return lm.decode(tokens, states)

    shape = (f"d {c['dim']}, GLU {c['hidden']}, {c['layers']} blocks, "
             f"vocab {c['vocab']}")
    return {
        "hgrn_prefill": (
            f"MatMul-free LM ({shape}): prefill of {LM_PREFILL_TOKENS} tokens",
            hgrn_prefill,
            [rng.integers(0, c["vocab"], (1, LM_PREFILL_TOKENS)).astype(np.int32)]),
        "hgrn_decode": (
            f"MatMul-free LM ({shape}): one decoding step, recurrent states "
            "in and out",
            hgrn_decode,
            [rng.integers(0, c["vocab"], (1, 1)).astype(np.int32),
             rng.standard_normal((c["layers"], 1, c["dim"])).astype(np.float32)]),
    }


def ternary_weight_count():
    """The BitLinear weights of LM_CONFIG: per block the MLGRU's four d x d
    projections, the GLU's d x 2h and h x d."""
    c = LM_CONFIG
    d, h = c["dim"], c["hidden"]
    return c["layers"] * (4 * d * d + d * 2 * h + h * d)


def constant_bytes(yat_opt, module):
    """Bytes of the constants in `module` compiled by yat-cpu-pipeline, by
    element type (the `llvm.mlir.global` constants of the LLVM module)."""
    proc = subprocess.run([str(yat_opt), str(module), "--yat-cpu-pipeline"],
                          capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    if proc.returncode != 0:
        return None
    sizes = {"i8": 1, "i16": 2, "i32": 4, "i64": 8, "f16": 2, "bf16": 2,
             "f32": 4, "f64": 8, "i1": 1}
    totals = {}
    for line in proc.stdout.splitlines():
        if "llvm.mlir.global" not in line or " constant " not in line:
            continue
        match = re.search(r":\s*(!llvm\.array<.*>)\s*(\{|$)", line)
        if not match:
            continue
        dims = [int(d) for d in re.findall(r"array<(\d+) x", match.group(1))]
        element = re.search(r"x ([a-z0-9]+)>+$", match.group(1)).group(1)
        count = int(np.prod(dims))
        totals[element] = totals.get(element, 0) + count * sizes.get(element, 4)
    return totals


def all_cases(include_zoo):
    cases = {name: ("layers",) + case for name, case in layers().items()}
    if include_zoo:
        cases.update({name: ("zoo",) + case
                      for name, case in zoo_models().items()})
        cases.update({name: ("lm",) + case
                      for name, case in language_models().items()})
    return cases


# ----------------------------------------------------------------- timing

def time_jax(fn, args, iterations):
    """Median and fastest time of `jax.jit(fn)` in ms, after a warm-up."""
    import jax
    compiled = jax.jit(fn)
    device_args = [jax.device_put(a) for a in args]
    for _ in range(3):
        jax.block_until_ready(compiled(*device_args))
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        jax.block_until_ready(compiled(*device_args))
        times.append((time.perf_counter() - start) * 1e3)
    return float(np.median(times)), float(np.min(times))


def measure(cmd):
    shown = " ".join(shlex.quote("python3" if c == sys.executable else str(c))
                     for c in cmd)
    proc = subprocess.run([str(c) for c in cmd], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)
    match = re.search(r"median_ms=([\d.]+) min_ms=([\d.]+)",
                      proc.stdout + proc.stderr)
    row = {"command": shown}
    if proc.returncode != 0 or not match:
        last = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or [""]
        row["status"] = f"failed ({proc.returncode}): {last[0][:200]}"
        return row
    row.update(status="ok", median_ms=float(match.group(1)),
               min_ms=float(match.group(2)))
    return row


def iterations_for(ms):
    return max(5, min(200, int(2000 / max(ms, 0.01))))


def export(name, group, fn, args):
    """Writes the module and its inputs; returns their paths."""
    import jax
    if group == "zoo":
        module = ZOO / f"{name}.mlir"
        inputs = [ZOO / f"{name}.arg{i}.npy" for i in range(len(args))]
        return module, inputs
    MODULES.mkdir(exist_ok=True)
    module = MODULES / f"xla_{name}.mlir"
    fn.__name__ = name
    module.write_text(jax.jit(fn).lower(*args).as_text())
    data = pathlib.Path(tempfile.gettempdir()) / "yat-bench-xla"
    data.mkdir(exist_ok=True)
    inputs = []
    for i, arg in enumerate(args):
        path = data / f"{name}.arg{i}.npy"
        np.save(path, np.asarray(arg))
        inputs.append(path)
    return module, inputs


def run(options):
    yat_run = pathlib.Path(options.build_dir) / "bin" / "yat-run"
    cases = all_cases(not options.no_zoo)
    if options.only:
        cases = {n: c for n, c in cases.items() if n in options.only}
    rows = []
    print(f"{'case':14} {'yat ms':>9} {'XLA ms':>9} {'yat/XLA':>8}  shape")
    for name, (group, description, fn, args) in cases.items():
        module, inputs = export(name, group, fn, args)
        xla_median, _ = time_jax(fn, args, 5)
        iterations = iterations_for(xla_median)
        yat_cmd = [os.path.relpath(yat_run, ROOT), os.path.relpath(module, ROOT)]
        yat_cmd += [f"--input={p}" for p in inputs]
        yat_cmd.append(f"--benchmark={iterations}")
        yat = measure(yat_cmd)
        xla = measure([sys.executable, "bench/xla.py", "--time-jax", name,
                       str(iterations)])
        row = dict(group=group, name=name, description=description,
                   yat=yat, xla=xla)
        if "median_ms" in yat and "median_ms" in xla:
            row["ratio"] = yat["median_ms"] / xla["median_ms"]
            print(f"{name:14} {yat['median_ms']:9.3f} {xla['median_ms']:9.3f} "
                  f"{row['ratio']:8.2f}  {shorten(description, 60)}")
        else:
            print(f"{name:14} yat: {yat['status']}; XLA: {xla['status']}")
        print(f"    yat: {yat['command']}\n    XLA: {xla['command']}")
        if group == "lm":
            row["constants"] = constant_bytes(
                yat_run.parent / "yat-opt", module)
            if row["constants"]:
                bits = 8 * row["constants"].get("i8", 0) / ternary_weight_count()
                row["ternary_bits_per_weight"] = bits
                print(f"    compiled constants (bytes by type): "
                      f"{row['constants']}; {ternary_weight_count()} ternary "
                      f"weights in the i8 blocks: {bits:.3f} bits each")
        rows.append(row)
    print_targets(rows)
    return rows


def lm_targets(rows):
    """The MatMul-free LM's targets: prefill and decode at least 4x faster
    than jax.jit, ternary weights at most 2.1 bits each when compiled."""
    targets = []
    for row in rows:
        if row["group"] != "lm":
            continue
        if "ratio" in row:
            speedup = 1.0 / row["ratio"]
            targets.append(dict(
                target=f"{row['name']}: >= 4x faster than jax.jit",
                value=f"{speedup:.1f}x faster", met=speedup >= 4.0))
        if "ternary_bits_per_weight" in row:
            bits = row["ternary_bits_per_weight"]
            targets.append(dict(
                target=f"{row['name']}: ternary weights <= 2.1 bits each in "
                       "the compiled module",
                value=f"{bits:.3f} bits ({row['constants'].get('i8', 0)} bytes "
                      f"for {ternary_weight_count()} weights)",
                met=bits <= 2.1))
    return targets


def print_targets(rows):
    targets = lm_targets(rows)
    if targets:
        print("\ntargets")
    for target in targets:
        verdict = "MET " if target["met"] else "MISS"
        print(f"  [{verdict}] {target['target']}: {target['value']}")


def markdown_table(rows):
    lines = ["| case | what | yat ms | XLA ms | yat / XLA |",
             "|---|---|---:|---:|---:|"]
    for row in rows:
        if "ratio" in row:
            lines.append(
                f"| {row['name']} | {row['description']} | "
                f"{row['yat']['median_ms']:.3f} | {row['xla']['median_ms']:.3f}"
                f" | {row['ratio']:.2f}x |")
        else:
            lines.append(f"| {row['name']} | {row['description']} | "
                         f"{row['yat']['status']} | {row['xla']['status']} | |")
    targets = lm_targets(rows)
    if targets:
        lines += ["", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {t['target']} | {t['value']} | "
                  f"{'yes' if t['met'] else 'no'} |" for t in targets]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir",
                        default=os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
    parser.add_argument("--only", nargs="*", help="case names to run")
    parser.add_argument("--no-zoo", action="store_true",
                        help="layers only (the zoo needs nmn and flax)")
    parser.add_argument("--json", type=pathlib.Path,
                        default=ROOT / "bench" / "xla-results.json")
    parser.add_argument("--markdown", type=pathlib.Path)
    parser.add_argument("--time-jax", nargs=2, metavar=("CASE", "ITERATIONS"),
                        help="print XLA's median_ms/min_ms for one case")
    options = parser.parse_args()
    if options.time_jax:
        name, iterations = options.time_jax
        _, _, fn, args = all_cases(name not in layers())[name]
        median, fastest = time_jax(fn, args, int(iterations))
        print(f"median_ms={median:.6f} min_ms={fastest:.6f}")
        return
    rows = run(options)
    options.json.write_text(json.dumps(rows, indent=2) + "\n")
    if options.markdown:
        options.markdown.write_text(markdown_table(rows))


if __name__ == "__main__":
    main()
