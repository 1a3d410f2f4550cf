"""Feeds yat-opt mutated yat modules (the dialect's own test cases with
numbers, types, attributes and tokens changed at random) and runs the yat
passes on whatever still parses: every run must end with status 0 or 1,
never a signal or an assertion. Mutations come from fixed seeds, so a
failure reproduces."""

import os
import pathlib
import random
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
if not BUILD.is_absolute():
    BUILD = ROOT / BUILD
YAT_OPT = BUILD / "bin" / "yat-opt"

pytestmark = pytest.mark.skipif(not YAT_OPT.exists(), reason=f"{YAT_OPT} is not built")

# Valid modules (mutants of which often still verify and reach the passes)
# and the verifier's invalid cases (mutants of which stress diagnostics).
VALID_SOURCES = ["ops.mlir", "cache-norms.mlir"]
INVALID_SOURCES = ["invalid.mlir"]
PIPELINES = [
    [],
    ["--yat-cache-norms", "--convert-yat-to-linalg"],
    ["--yat-fuse-epilogue", "--convert-yat-to-linalg"],
]

# The ⵟ ops' TilingInterface (lib/Dialect/Yat/IR/YatTiling.cpp) through the
# transform dialect: every yat op of a mutant tiled with these tile sizes.
TILE_SCRIPT = """\
module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{
    %ops = transform.structured.match ops{{["yat.product", "yat.product_with_norms", "yat.conv", "yat.conv_with_norms", "yat.attention"]}} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %ops : !transform.any_op {{
    ^bb0(%op: !transform.any_op):
      %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes {sizes} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    }}
    transform.yield
  }}
}}
"""
TILE_SIZES = [[1], [1, 2], [2, 0, 3]]


@pytest.fixture(scope="module")
def tiling_pipelines(tmp_path_factory):
    pipelines = []
    for sizes in TILE_SIZES:
        path = tmp_path_factory.mktemp("tiling") / "tile.mlir"
        path.write_text(TILE_SCRIPT.format(sizes=sizes))
        pipelines.append([f"--transform-preload-library=transform-library-paths={path}",
                          "--transform-interpreter", "--canonicalize"])
    return pipelines


def cases(sources):
    """Every function of the given yat dialect tests, as a module of its own."""
    for name in sources:
        text = (ROOT / "test" / "Dialect" / "Yat" / name).read_text()
        text = "\n".join(l for l in text.splitlines()
                         if not l.lstrip().startswith("//"))
        for function in text.split("func.func")[1:]:
            if "yat." in function:
                yield "func.func" + function


TYPE_SWAPS = ["f32", "f16", "bf16", "f64", "i8", "i32", "index", "?"]


ATTRIBUTE_VALUE = re.compile(r"(= )(-?[0-9][0-9.e+-]*)")


def mutate_attribute(text, rng):
    """Replaces one attribute value (epsilon, alpha, groups, ...): the shapes
    stay consistent, so most of these reach the passes."""
    matches = list(ATTRIBUTE_VALUE.finditer(text))
    if not matches:
        return text
    m = rng.choice(matches)
    value = rng.choice(["0", "0.0", "-1.0", "1.0e+38", "3", "1", "2", "1.0e-30"])
    return text[:m.start(2)] + value + text[m.end(2):]


def mutate(text, rng):
    if rng.random() < 0.5:
        return mutate_attribute(text, rng)
    tokens = re.split(r"(\W)", text)
    for _ in range(rng.choice([1, 1, 1, 2])):
        i = rng.randrange(len(tokens))
        choice = rng.random()
        if tokens[i].isdigit():
            tokens[i] = str(rng.choice([0, 1, 2, 3, 4, 7, 64, 2**31, -1]))
        elif re.fullmatch(r"(f|bf|i)\d+", tokens[i]):
            tokens[i] = rng.choice(TYPE_SWAPS)
        elif choice < 0.3:
            tokens[i] = ""
        elif choice < 0.6 and len(tokens) > 1:
            j = rng.randrange(len(tokens))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        else:
            tokens[i] = rng.choice(["x", "0", "-", ",", "(", ")", ">", "<", "[", "]",
                                    "{", "}", "dims", "norms", "causal", "reverse",
                                    "%x", "1.0e+40", "-0.0", "nan", "0x7FC00000"])
    return "".join(tokens)


def run_without_crash(module, passes, timeout):
    """Runs yat-opt `passes` on `module`, which must end with status 0 or 1
    (never a signal or an assertion); whether it succeeded."""
    proc = subprocess.run([str(YAT_OPT), "-", *passes], input=module,
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode in (0, 1), (
        f"yat-opt {' '.join(passes)} ended with {proc.returncode} on:\n"
        f"{module}\nstderr:\n{proc.stderr[-2000:]}")
    return proc.returncode == 0


@pytest.mark.parametrize("seed", range(12))
def test_mutated_yat_modules_never_crash(seed, tiling_pipelines):
    rng = random.Random(seed)
    valid, invalid = list(cases(VALID_SOURCES)), list(cases(INVALID_SOURCES))
    accepted = 0
    for _ in range(25):
        module = mutate(rng.choice(valid if rng.random() < 0.75 else invalid), rng)
        passes = rng.choice(PIPELINES + tiling_pipelines)
        accepted += run_without_crash(module, passes, timeout=60)
    # Some mutants must survive parsing, or the passes were never exercised.
    assert accepted >= 3, f"only {accepted} of 25 mutants parsed"


# The GPU code generators: their own test cases (buffers, before the
# generic mapping) through the passes that write kernels, and the
# dialect's valid cases through the whole GPU pipeline (to PTX text, so
# that no ptxas is needed).
GPU_SOURCES = ["tensor-core-matmul.mlir", "ternary-matmul.mlir",
               "warp-reductions.mlir", "pointwise-loops.mlir"]
GPU_KERNEL_PASSES = [
    ["--pass-pipeline=builtin.module(func.func(yat-gpu-tensor-core-matmul,"
     "yat-gpu-ternary-matmul,yat-gpu-warp-reductions,"
     "yat-gpu-pointwise-loops))"],
    ["--pass-pipeline=builtin.module(func.func("
     "yat-gpu-tensor-core-matmul{tf32=true}))"],
]
GPU_PIPELINE = ["--yat-gpu-pipeline=format=isa"]


def gpu_cases():
    """Every split of the GPU code generators' tests, comments dropped."""
    for name in GPU_SOURCES:
        text = (ROOT / "test" / "Codegen" / "GPU" / name).read_text()
        for split in text.split("// -----"):
            yield "\n".join(l for l in split.splitlines()
                            if not l.lstrip().startswith("//"))


@pytest.mark.parametrize("seed", range(6))
def test_mutated_modules_through_gpu_codegen_never_crash(seed):
    rng = random.Random(1000 + seed)
    kernels, dialect = list(gpu_cases()), list(cases(VALID_SOURCES))
    accepted = 0
    for _ in range(20):
        if rng.random() < 0.7:
            module = mutate(rng.choice(kernels), rng)
            passes = rng.choice(GPU_KERNEL_PASSES)
        else:
            module = mutate(rng.choice(dialect), rng)
            passes = GPU_PIPELINE
        accepted += run_without_crash(module, passes, timeout=120)
    assert accepted >= 3, f"only {accepted} of 20 mutants parsed"
