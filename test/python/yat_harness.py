"""Runs MLIR functions through yat-run on numpy arrays."""

import os
import pathlib
import shutil
import subprocess
import tempfile

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
YAT_RUN = BUILD / "bin" / "yat-run"
YAT_OPT = BUILD / "bin" / "yat-opt"

_MLIR_TYPES = {
    np.dtype(np.float32): "f32",
    np.dtype(np.float64): "f64",
    np.dtype(np.float16): "f16",
    np.dtype(np.int8): "i8",
    np.dtype(np.int32): "i32",
    np.dtype(np.int64): "i64",
    np.dtype(np.bool_): "i1",
}


def has_raise_pass():
    """Whether yat-opt was built with StableHLO (yat-raise-stablehlo)."""
    if not YAT_OPT.exists():
        return False
    proc = subprocess.run([str(YAT_OPT), "--help"], capture_output=True,
                          text=True)
    return "--yat-raise-stablehlo" in proc.stdout


def tensor_type(shape, element):
    """`tensor<2x3xf32>` for shape (2, 3) and element "f32"."""
    dims = "x".join(str(d) for d in shape)
    return f"tensor<{dims}x{element}>" if dims else f"tensor<{element}>"


def tensor_type_of(array, element=None):
    return tensor_type(array.shape, element or _MLIR_TYPES[array.dtype])


# yat-run flags selecting each lowering of yat-cpu-pipeline: the default
# fused path (tiles with fused epilogues, vector microkernels, parallel loops), the
# same with the 8-lane vectors an AVX2 host gets, and the plain
# convert-yat-to-linalg reference.
PIPELINE_PATHS = {
    "fused": (),
    "fused-8-lanes": ("--pipeline-options=vector-width=8",),
    "reference": ("--pipeline-options=fuse=false",),
}


def has_gpu():
    """Whether an NVIDIA GPU is here (nvidia-smi lists one), as lit's `cuda`
    feature decides."""
    return shutil.which("nvidia-smi") is not None and subprocess.run(
        ["nvidia-smi", "-L"], capture_output=True).returncode == 0


# The CPU paths and yat-gpu-pipeline on an NVIDIA GPU: the same checks
# against the same references. The GPU cases are marked `gpu` and skip,
# saying so, without one (CI never has one).
RUN_ARGS = dict(PIPELINE_PATHS, cuda=("--target=cuda",))
PATHS_WITH_GPU = list(PIPELINE_PATHS) + [pytest.param(
    "cuda", marks=(pytest.mark.gpu, pytest.mark.skipif(
        not has_gpu(), reason="no NVIDIA GPU (nvidia-smi lists none)")))]


def run(module_text, inputs, num_results=1, entry="main", extra_args=()):
    """Compiles and runs `entry` of `module_text` on `inputs` (numpy arrays;
    bf16 arguments are passed as float32 arrays), returns the results."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        source = tmp / "module.mlir"
        source.write_text(module_text)
        cmd = [str(YAT_RUN), str(source), f"--entry={entry}", *extra_args]
        for i, array in enumerate(inputs):
            path = tmp / f"in{i}.npy"
            array = np.asarray(array)
            # (np.ascontiguousarray would turn a 0-d array into 1-d.)
            np.save(path, array if array.flags.c_contiguous else array.copy(order="C"))
            cmd.append(f"--input={path}")
        outputs = [tmp / f"out{i}.npy" for i in range(num_results)]
        cmd += [f"--output={path}" for path in outputs]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(
                f"yat-run failed ({proc.returncode}): {proc.stderr.strip()}\n"
                f"module:\n{module_text}")
        return [np.load(path) for path in outputs]


def assert_close(actual, expected, rtol, atol=0.0, what=""):
    """Elementwise |actual - expected| <= atol + rtol * |expected|, where
    rtol may be an array (a per-element bound)."""
    actual = np.asarray(actual, np.float64)
    expected = np.asarray(expected, np.float64)
    assert actual.shape == expected.shape, (what, actual.shape, expected.shape)
    assert np.all(np.isfinite(actual)), f"{what}: non-finite output"
    bound = atol + rtol * np.abs(expected)
    err = np.abs(actual - expected)
    worst = np.unravel_index(np.argmax(err - bound), err.shape) if err.size else ()
    assert np.all(err <= bound), (
        f"{what}: max excess at {worst}: got {actual[worst]}, "
        f"expected {expected[worst]}, bound {np.broadcast_to(bound, err.shape)[worst]}")
