"""Feeds yat-run corrupted .npy files and corrupted .mlir modules: every run
must end on its own with status 0, 1 or 2 (never a signal or a hang), and
every failure must be one line on stderr. Mutations are drawn from fixed
seeds, so a failure reproduces."""

import io
import os
import pathlib
import random
import subprocess

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
if not BUILD.is_absolute():
    BUILD = ROOT / BUILD
YAT_RUN = BUILD / "bin" / "yat-run"

pytestmark = pytest.mark.skipif(not YAT_RUN.exists(),
                                reason=f"{YAT_RUN} is not built")

# The reduction is a linalg.generic: linalg.reduce's custom parser in MLIR 22
# dereferences a null attribute on a malformed `dimensions = [...]`
# (llvm/llvm-project#132747), a crash no caller of the parser can prevent.
MODULE = """\
func.func @main(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> (tensor<2x3xf32>, tensor<f32>) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2x3xf32>
  %sum = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<2x3xf32>, tensor<3xf32>) outs(%empty : tensor<2x3xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    %e = math.exp %s : f32
    linalg.yield %e : f32
  } -> tensor<2x3xf32>
  %init = tensor.empty() : tensor<f32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<f32>) -> tensor<f32>
  %total = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%sum : tensor<2x3xf32>) outs(%acc : tensor<f32>) {
  ^bb0(%in: f32, %partial: f32):
    %t = arith.addf %in, %partial : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  return %sum, %total : tensor<2x3xf32>, tensor<f32>
}
"""

# yat's own ops and parsers.
YAT_MODULE = """\
func.func @main(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> (tensor<2x4xf32>, tensor<2x3xf32>) {
  %w = arith.constant dense<[[1.0, 0.0, -1.0], [0.5, 0.5, 0.5], [2.0, -2.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<4x3xf32>
  %p = yat.product %a, %w {epsilon = 1.0e-3 : f32, alpha = 2.0 : f32} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %n = yat.rms_norm %a, %b {epsilon = 1.0e-5 : f32} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %p, %n : tensor<2x4xf32>, tensor<2x3xf32>
}
"""

A = np.arange(6, dtype=np.float32).reshape(2, 3) / 4
B = np.array([1.0, -1.0, 0.5], np.float32)


def npy_bytes(array, version=(1, 0)):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version)
    return buffer.getvalue()


def run(args, tmp_path):
    proc = subprocess.run([str(YAT_RUN), *map(str, args)], capture_output=True,
                          text=True, errors="replace", timeout=120,
                          cwd=tmp_path)
    assert proc.returncode >= 0, (
        f"yat-run {args} was killed by signal {-proc.returncode}: "
        f"{proc.stderr[-2000:]}")
    assert proc.returncode in (0, 1, 2), (proc.returncode, args, proc.stderr)
    if proc.returncode != 0:
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("yat-run"), (
            f"yat-run {args}: expected one line on stderr, got "
            f"{proc.stderr[:2000]!r}")
        assert proc.stdout == "", proc.stdout
    return proc.returncode


def corrupt_npy(data, rng):
    """One of several corruptions, biased towards the header."""
    data = bytearray(data)
    header_end = data.index(b"\n") + 1
    kind = rng.randrange(6)
    if kind == 0:  # flip bytes in the header
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(header_end)] = rng.randrange(256)
    elif kind == 1:  # truncate anywhere
        del data[rng.randrange(len(data)):]
    elif kind == 2:  # rewrite the header length field
        data[8] = rng.randrange(256)
        data[9] = rng.randrange(256)
    elif kind == 3:  # replace a header character by a printable one
        for _ in range(rng.randint(1, 3)):
            position = rng.randrange(10, header_end)
            data[position] = ord(rng.choice("{}()[]',:0123456789-TrueFalse<>|fibu \n"))
    elif kind == 4:  # append or remove data
        if rng.random() < 0.5:
            data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 9)))
        else:
            del data[-rng.randint(1, 8):]
    else:  # random bytes with a valid magic
        data = bytearray(b"\x93NUMPY" + bytes(rng.randrange(256)
                                              for _ in range(rng.randint(0, 80))))
    return bytes(data)


def corrupt_mlir(text, rng):
    """Deletes, duplicates or replaces a few characters or tokens."""
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(4)
        position = rng.randrange(len(chars))
        if kind == 0:
            del chars[position:position + rng.randint(1, 12)]
        elif kind == 1:
            chars[position] = rng.choice("(){}<>[]%@:,=x?0123456789 \n\"#!^")
        elif kind == 2:
            start = rng.randrange(len(chars))
            chars[position:position] = chars[start:start + rng.randint(1, 20)]
        else:
            token = rng.choice(["tensor<?xf32>", "i1", "f16", "index", "-1",
                                "99999999999999999999", "%a", "^bb1", "}",
                                "func.func @main() {", "\"", "yat.product",
                                "{epsilon = ", "dense<[1.0]>", "yat.rms_norm"])
            chars[position:position] = list(token)
    return "".join(chars)


@pytest.mark.parametrize("module", [MODULE, YAT_MODULE])
def test_valid_module_runs(tmp_path, module):
    (tmp_path / "m.mlir").write_text(module)
    (tmp_path / "a.npy").write_bytes(npy_bytes(A))
    (tmp_path / "b.npy").write_bytes(npy_bytes(B))
    assert run(["m.mlir", "--input=a.npy", "--input=b.npy"], tmp_path) == 0


@pytest.mark.parametrize("seed", range(4))
def test_corrupted_npy(tmp_path, seed):
    """120 corrupted inputs (30 per seed) for both arguments."""
    rng = random.Random(seed)
    (tmp_path / "m.mlir").write_text(MODULE)
    (tmp_path / "b.npy").write_bytes(npy_bytes(B))
    statuses = []
    for i in range(30):
        original = npy_bytes(A, version=rng.choice([(1, 0), (2, 0), (3, 0)]))
        path = tmp_path / f"bad{i}.npy"
        path.write_bytes(corrupt_npy(original, rng))
        if rng.random() < 0.5:
            args = ["m.mlir", f"--input={path.name}", "--input=b.npy"]
        else:
            args = ["m.mlir", "--input=b.npy", f"--input={path.name}"]
        statuses.append(run(args, tmp_path))
    # Almost every corruption must be caught.
    assert statuses.count(2) >= 20, statuses


@pytest.mark.parametrize("seed", range(4))
def test_corrupted_mlir(tmp_path, seed):
    """100 corrupted modules (25 per seed, half of them with yat ops), run
    on valid inputs."""
    rng = random.Random(100 + seed)
    module = MODULE if seed % 2 == 0 else YAT_MODULE
    (tmp_path / "a.npy").write_bytes(npy_bytes(A))
    (tmp_path / "b.npy").write_bytes(npy_bytes(B))
    statuses = []
    for i in range(25):
        path = tmp_path / f"bad{i}.mlir"
        path.write_text(corrupt_mlir(module, rng))
        statuses.append(
            run([path.name, "--input=a.npy", "--input=b.npy"], tmp_path))
    assert statuses.count(0) < len(statuses) // 2, statuses
