#!/usr/bin/env python3
"""What calling yat from Python costs: the yat package's call against the
time of the same call inside yat (`yat-run --benchmark`, no Python) and
against `jax.jit`'s dispatch of the same JAX function, in one run.

For each case the JAX function is exported once (yat.jax.export_text);
yat-run times that module on the same inputs, then yat.compile's callable,
yat.jax.jit's and jax.jit on the CPU are timed from Python in three
interleaved rounds (the best round of each counts). Small cases show the
fixed cost of a call; the larger ones show that it stays small beside the
work.

    python3 bench/python_calls.py
    python3 bench/python_calls.py --only add_4 mlp_64
"""

import argparse
import pathlib
import shlex
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]


def cases():
    """name -> (description, JAX function, inputs)."""
    import jax
    import jax.numpy as jnp
    from flax import nnx
    from nmn.nnx.layers.nmn import YatNMN

    rng = np.random.default_rng(7)

    def normal(*shape):
        return rng.standard_normal(shape).astype(np.float32)

    def add(a, b):
        return a + b

    def mlp(x, w1, b1, w2, b2):
        return jax.nn.gelu(x @ w1 + b1) @ w2 + b2

    layer = YatNMN(in_features=256, out_features=256, use_bias=True,
                   constant_alpha=True, rngs=nnx.Rngs(0))

    def yat_nmn(x):
        return layer(x, deterministic=True)

    return {
        "add_4": ("a + b on 4 floats", add, [normal(4), normal(4)]),
        "mlp_64": ("64x128 -> gelu 256 -> 128 MLP", mlp,
                   [normal(64, 128), normal(128, 256), normal(256),
                    normal(256, 128), normal(128)]),
        "yat_nmn_32": ("nmn YatNMN 256 -> 256 on 32 rows", yat_nmn,
                       [normal(32, 256)]),
    }


def per_call_us(call, seconds):
    """Median time of one call in µs over `seconds` of calls after a
    warm-up: each call timed on its own, as yat-run --benchmark does."""
    call()
    times = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(times) < 5:
        begin = time.perf_counter()
        call()
        times.append(time.perf_counter() - begin)
    return float(np.median(times)) * 1e6


def yat_run_us(yat_run, module, inputs):
    cmd = [str(yat_run), str(module), "--benchmark=2000"] + \
        [f"--input={path}" for path in inputs]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    median_ms = float(out.stdout.split("median_ms=")[1].split()[0])
    return median_ms * 1e3, " ".join(shlex.quote(c) for c in cmd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="cases to run")
    parser.add_argument("--build-dir", default=str(ROOT / "build"))
    options = parser.parse_args()

    import jax
    import yat
    import yat.jax

    yat_run = pathlib.Path(options.build_dir) / "bin" / "yat-run"
    work = pathlib.Path(tempfile.mkdtemp(prefix="yat-bench-python-"))
    print(f"{'case':12} {'yat-run':>9} {'in yat':>9} {'yat.compile':>12}"
          f" {'yat.jax.jit':>12} {'jax.jit':>9} {'overhead':>9}"
          f" {'yat.jax/jax':>12}")
    print(f"{'':12} {'us':>9} {'us':>9} {'us':>12} {'us':>12} {'us':>9}"
          f" {'us':>9}")
    commands = []
    for name, (description, fn, args) in cases().items():
        if options.only and name not in options.only:
            continue
        text = yat.jax.export_text(fn, *args)
        module = work / f"{name}.mlir"
        module.write_text(text)
        inputs = []
        for index, arg in enumerate(args):
            inputs.append(work / f"{name}.arg{index}.npy")
            np.save(inputs[-1], arg)
        in_yat_run, command = yat_run_us(yat_run, module, inputs)
        compiled = yat.compile(text)
        jitted_yat = yat.jax.jit(fn)
        jitted = jax.jit(fn)
        device_args = [jax.device_put(a) for a in args]
        variants = {
            # yat-run's timing loop (CpuExecutable::benchmark) in this
            # process: the work without Python.
            "inside": lambda: compiled.benchmark(*args, iterations=200)[0],
            "direct": lambda: compiled(*args),
            "through_jax": lambda: jitted_yat(*args),
            "xla": lambda: jax.block_until_ready(jitted(*device_args)),
        }
        # Rounds of every variant in turn; the best round of each counts, so
        # that a burst of load on the machine hits no variant alone.
        best = {key: float("inf") for key in variants}
        for _ in range(3):
            for key, call in variants.items():
                if key == "inside":
                    call()
                    measured = 1e3 * call()
                else:
                    measured = per_call_us(call, seconds=0.3)
                best[key] = min(best[key], measured)
        in_process, direct, through_jax, xla = (best[k] for k in variants)
        print(f"{name:12} {in_yat_run:9.1f} {in_process:9.1f} {direct:12.1f}"
              f" {through_jax:12.1f} {xla:9.1f} {direct - in_process:9.1f}"
              f" {through_jax / xla:11.2f}x")
        commands.append(f"  {name}: {description}; in yat: {command}")
    print("\nyat-run: yat-run --benchmark's median, its own process; in yat: "
          "the same timing loop in this process\n(yat.Function.benchmark); "
          "yat.compile: one call of yat.compile's callable; yat.jax.jit: one "
          "call\nthrough yat.jax.jit (pytree flattening, cache lookup); "
          "overhead: yat.compile - in yat. Medians of single calls,\nthe "
          "best of three interleaved rounds.")
    print("\n".join(commands))
    print(f"reproduce: python3 bench/python_calls.py"
          f"{' --only ' + ' '.join(options.only) if options.only else ''}")


if __name__ == "__main__":
    sys.exit(main())
